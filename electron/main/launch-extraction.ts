// Start the extraction process with Electron's utilityProcess: a Node environment with
// no access to the UI, killed and replaced if it crashes or stalls.
import { utilityProcess } from 'electron';
import type { ChildHandle } from './extraction-client.ts';

export function launchUtility(entry: string): ChildHandle {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Records reader', stdio: 'ignore' });
  return {
    postMessage: (msg) => child.postMessage(msg),
    onMessage: (h) => child.on('message', h),
    onExit: (h) => child.on('exit', (code) => h(code)),
    kill: () => { child.kill(); },
  };
}
