// The preload exposes exactly the contract's calls as named functions on window.api
// (never ipcRenderer itself, never a generic send/invoke). It runs sandboxed, so it is
// bundled into one CommonJS file that requires only `electron`.
import { contextBridge, ipcRenderer } from 'electron';
import type { RendererApi } from '../../shared/contract/ipc.ts';
import type { Progress } from '../../shared/contract/document.ts';

const listeners = new Map<string, (p: Progress) => void>();
ipcRenderer.on('records:progress', (_e, msg: { jobId?: unknown; progress?: Progress }) => {
  if (typeof msg?.jobId === 'string') listeners.get(msg.jobId)?.(msg.progress as Progress);
});

const api: RendererApi = {
  async readRecord(input, onProgress) {
    if (onProgress) listeners.set(input.jobId, onProgress);
    try {
      return await ipcRenderer.invoke('records:read', input);
    } finally {
      listeners.delete(input.jobId);
    }
  },
  cancelRead: (jobId) => ipcRenderer.invoke('records:cancel', { jobId }),
  renderPage: (input) => ipcRenderer.invoke('records:render-page', input),
  appInfo: () => ipcRenderer.invoke('app:info', {}),
  print: () => ipcRenderer.invoke('app:print', {}),
  savePdf: (input) => ipcRenderer.invoke('app:save-pdf', input),
  keychainWrap: (key) => ipcRenderer.invoke('keychain:wrap', { key }),
  keychainUnwrap: (wrapped) => ipcRenderer.invoke('keychain:unwrap', { wrapped }),
  saveBackup: (input) => ipcRenderer.invoke('backup:save', input),
  eraseData: () => ipcRenderer.invoke('data:erase', {}),
  stashSave: (input) => ipcRenderer.invoke('vault:stash-save', input),
  stashCommit: (input) => ipcRenderer.invoke('vault:stash-commit', input),
  stashInfo: () => ipcRenderer.invoke('vault:stash-info', {}),
  stashRead: (input) => ipcRenderer.invoke('vault:stash-read', input),
  stashClear: () => ipcRenderer.invoke('vault:stash-clear', {}),
  clearDatabase: () => ipcRenderer.invoke('vault:clear-database', {}),
};

contextBridge.exposeInMainWorld('api', api);
