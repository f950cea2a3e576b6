// Renders the whole app in jsdom over fake-indexeddb with a fake window.api (see
import { expect } from 'vitest';
// fake-api.ts), on a given screen, and waits until it is ready.
import 'fake-indexeddb/auto';
import { configure, render, waitFor } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App.tsx';
import { fakeApi, type FakeApi, type FakeOptions, type ReadBehaviour } from './fake-api.ts';

// Two shared cores: give asynchronous screens more than the default second to settle.
configure({ asyncUtilTimeout: 15_000 });

export async function renderApp(hash: string, read?: ReadBehaviour, options?: FakeOptions): Promise<FakeApi> {
  const api = fakeApi(read, options);
  window.api = api;
  window.location.hash = hash;
  render(<App />);
  await waitFor(() => expect(document.querySelector('.app[data-ready="true"]')).not.toBeNull());
  await waitFor(() => expect(document.querySelector('main h1')).not.toBeNull());
  return api;
}

export function fileOf(name: string, bytes: number[]): File {
  return new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });
}
