// Register the one IPC contract: every call's sender is checked, its input parsed with
// the channel's schema (the handler only ever sees validated data), and its output parsed
// before it goes back. A refused call gets a plain error, never a stack trace.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, type Channel, type Input, type Output } from '../../shared/contract/ipc.ts';
import { isTrustedSender } from './security-policy.ts';
import { log } from './log.ts';

export type Handlers = { [C in Channel]: (input: Input<C>, event: IpcMainInvokeEvent) => Promise<Output<C>> };

export class RefusedError extends Error {}

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, devServer?: string): void {
  for (const name of Object.keys(channels) as Channel[]) {
    ipcMain.handle(name, async (event, raw: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url, !!frame && frame === event.sender.mainFrame, devServer)) {
        log('ipc-refused', { channel: name, reason: 'sender' });
        throw new RefusedError('Not allowed.');
      }
      const input = channels[name].input.safeParse(raw);
      if (!input.success) {
        log('ipc-refused', { channel: name, reason: 'input' });
        throw new RefusedError('That request was not understood.');
      }
      const output = await (handlers[name] as (i: unknown, e: IpcMainInvokeEvent) => Promise<unknown>)(input.data, event);
      return channels[name].output.parse(output);
    });
  }
}
