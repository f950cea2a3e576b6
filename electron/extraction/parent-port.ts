// The extraction process talks to its parent through Electron's `process.parentPort` when
// started with utilityProcess.fork, and through Node's IPC channel when started with
// child_process.fork (the smoke and end-to-end tests, where no Electron binary exists).
export interface Port {
  post(msg: unknown): void;
  onMessage(handler: (msg: unknown) => void): void;
}

export function parentPort(): Port {
  const electronPort = (process as any).parentPort;
  if (electronPort) {
    return {
      post: (msg) => electronPort.postMessage(msg),
      onMessage: (h) => electronPort.on('message', (e: { data: unknown }) => h(e.data)),
    };
  }
  if (typeof process.send === 'function') {
    return {
      // Node's IPC serialises with the structured clone algorithm when forked with
      // serialization: 'advanced', so byte arrays arrive as byte arrays
      post: (msg) => process.send!(msg),
      onMessage: (h) => process.on('message', h),
    };
  }
  throw new Error('The extraction process must be started by the app.');
}
