// A fake window.api for renderer tests, built from the contract: every call's input and
// output is parsed with the channel's schemas (as main does), so a renderer that sends
// something main would refuse fails here too. Behaviour is given per test.
import { createHash } from 'node:crypto';
import { channels, type Channel, type Input, type Output, type RendererApi } from '../../../shared/contract/ipc.ts';
import type { DocumentText, PageText, Progress } from '../../../shared/contract/document.ts';
import { extractDocument } from '../../../shared/extract/index.ts';

export type ReadBehaviour = (input: Input<'records:read'>, progress: (p: Progress) => void) => Promise<DocumentText>;

export interface FakeApi extends RendererApi {
  calls: Array<{ channel: Channel; input: unknown }>;
  /** main's side of the lock's stash: the parts as main keeps them, and the head once complete */
  stash: { parts: Map<string, Uint8Array>; complete: Output<'vault:stash-info'>['stash']; damaged: boolean };
}

/**
 * fake-indexeddb under jsdom hands back byte arrays from another realm, which the contract's
 * `instanceof Uint8Array` rejects; a real browser has one realm. Re-wrap them, nothing else.
 */
function sameRealm(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Uint8Array]' && !(v instanceof Uint8Array)) return new Uint8Array(v as ArrayLike<number>);
  if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sameRealm(x)]));
  return v;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A one-page text-layer document whose lines are `lines`. */
export function textDocument(name: string, bytes: Uint8Array, lines: string[]): DocumentText {
  const page: PageText = {
    page: 1, source: 'text-layer', text: lines.join('\n'), width: 612, height: 792,
    lines: lines.map((text, i) => ({ text, box: [0.1, 0.1 + i * 0.03, 0.6, 0.02] })),
  };
  return { file: name, sha256: sha(bytes), type: 'pdf', mime: 'application/pdf', pages: [page], pageCount: 1, problems: [] };
}

export const defaultRead: ReadBehaviour = async (input, progress) => {
  progress({ phase: 'opening', page: 0, pages: 0 });
  progress({ phase: 'reading', page: 1, pages: 1, source: 'text-layer' });
  return textDocument(input.name, input.bytes, [`Report for ${input.name}`, 'Nothing else here.']);
};

export interface FakeOptions {
  /** a stand-in for this computer's keychain: it remembers what it wrapped; `broken` makes unwrapping fail */
  keychain?: { broken?: boolean };
  /**
   * Called before and after main does a call (the call has not happened / has happened), and
   * waited for: throw to simulate the app closing there. `n` counts calls on that channel, from 1.
   */
  interrupt?: (channel: Channel, when: 'before' | 'after', n: number) => void | Promise<void>;
}

/** What Chromium's storage clearing does to the origin's IndexedDB: every database goes. */
async function clearIndexedDb(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
    });
  }
}

export function fakeApi(read: ReadBehaviour = defaultRead, options: FakeOptions = {}): FakeApi {
  const calls: FakeApi['calls'] = [];
  const keychain = new Map<string, Uint8Array>();
  const stash: FakeApi['stash'] = { parts: new Map(), complete: null, damaged: false };
  const counts = new Map<Channel, number>();
  const call = async <C extends Channel>(channel: C, input: unknown, run: (i: Input<C>) => Promise<Output<C>>): Promise<Output<C>> => {
    const parsed = channels[channel].input.parse(sameRealm(input)) as Input<C>;
    calls.push({ channel, input: parsed });
    const n = (counts.get(channel) ?? 0) + 1;
    counts.set(channel, n);
    await options.interrupt?.(channel, 'before', n);
    const out = channels[channel].output.parse(await run(parsed)) as Output<C>;
    await options.interrupt?.(channel, 'after', n);
    return out;
  };
  const partKey = (id: string, part: number) => `${id}/${part}`;
  return {
    calls,
    stash,
    readRecord: (input, onProgress) => call('records:read', input, async (i) => {
      const document = await read(i, (p) => onProgress?.(p));
      return { document, facts: extractDocument(document) };
    }),
    cancelRead: (jobId) => call('records:cancel', { jobId }, async () => ({ cancelled: true })),
    renderPage: (input) => call('records:render-page', input, async () => ({ png: new Uint8Array([137, 80, 78, 71]), width: 10, height: 10 })),
    appInfo: () => call('app:info', {}, async () => ({ version: '0.0.0-test', platform: 'test', locale: 'en-GB', keychain: !!options.keychain })),
    print: () => call('app:print', {}, async () => ({ printed: true })),
    savePdf: (input) => call('app:save-pdf', input, async () => ({ saved: true })),
    keychainWrap: (key) => call('keychain:wrap', { key }, async (i) => {
      if (!options.keychain) return { wrapped: null };
      const handle = new Uint8Array(crypto.getRandomValues(new Uint8Array(16)));
      keychain.set(Buffer.from(handle).toString('hex'), new Uint8Array(i.key));
      return { wrapped: handle };
    }),
    keychainUnwrap: (wrapped) => call('keychain:unwrap', { wrapped }, async (i) => ({
      key: options.keychain && !options.keychain.broken ? keychain.get(Buffer.from(i.wrapped).toString('hex')) ?? null : null,
    })),
    saveBackup: (input) => call('backup:save', input, async () => ({ saved: false })),
    eraseData: () => call('data:erase', {}, async () => {
      stash.parts.clear();
      stash.complete = null;
      stash.damaged = false;
      return { erased: true as const };
    }),
    // as electron/main/stash.ts: a complete stash is never added to; clearing drops the head first
    stashSave: (input) => call('vault:stash-save', input, async (i) => {
      if (stash.complete) throw new Error('A stored copy is already complete.');
      stash.parts.set(partKey(i.id, i.part), new Uint8Array(i.data));
      return { saved: true as const };
    }),
    stashCommit: (input) => call('vault:stash-commit', input, async (i) => {
      if (stash.complete) throw new Error('A stored copy is already complete.');
      for (let p = 0; p < i.parts; p++) if (!stash.parts.has(partKey(i.id, p))) throw new Error('Part of the stored copy is missing.');
      stash.complete = { id: i.id, parts: i.parts, head: i.head };
      return { committed: true as const };
    }),
    stashInfo: () => call('vault:stash-info', {}, async () => ({ stash: stash.damaged ? null : stash.complete, damaged: stash.damaged })),
    stashRead: (input) => call('vault:stash-read', input, async (i) => {
      const data = !stash.complete || stash.complete.id === i.id ? stash.parts.get(partKey(i.id, i.part)) : undefined;
      if (!data) throw new Error('There is no such stored copy.');
      return { data: new Uint8Array(data) };
    }),
    stashClear: () => call('vault:stash-clear', {}, async () => {
      stash.complete = null;
      stash.damaged = false;
      stash.parts.clear();
      return { cleared: true as const };
    }),
    clearDatabase: () => call('vault:clear-database', {}, async () => {
      await clearIndexedDb();
      return { cleared: true as const };
    }),
  };
}
