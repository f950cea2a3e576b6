// The extraction process's in-memory cache of read documents: keyed by content and password,
// bounded, least recently used out first, and never remembering a read that went wrong.
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../../electron/extraction/text-cache.ts';
import type { DocumentText } from '../../../shared/contract/document.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
function doc(text: string, problems: DocumentText['problems'] = []): DocumentText {
  return {
    file: 'a.pdf', sha256: '0'.repeat(64), type: 'pdf', mime: 'application/pdf', pageCount: 1, problems,
    pages: [{ page: 1, source: 'ocr', text, lines: [{ text, box: [0, 0, 1, 1] }], width: 612, height: 792 }],
  };
}

describe('memoryCache', () => {
  it('gives back what was read for the same bytes and password only', async () => {
    const c = memoryCache();
    await c.put(bytes('one'), undefined, doc('first'));
    expect((await c.get(bytes('one'), undefined))?.pages[0].text).toBe('first');
    expect(await c.get(bytes('one'), 'secret')).toBeNull();
    expect(await c.get(bytes('two'), undefined)).toBeNull();
  });

  it('drops the least recently used beyond its entry and size limits', async () => {
    const c = memoryCache({ maxEntries: 2 });
    await c.put(bytes('a'), undefined, doc('a'));
    await c.put(bytes('b'), undefined, doc('b'));
    await c.get(bytes('a'), undefined); // a is now the most recent
    await c.put(bytes('c'), undefined, doc('c'));
    expect(await c.get(bytes('b'), undefined)).toBeNull();
    expect(await c.get(bytes('a'), undefined)).not.toBeNull();
    expect(c.size).toBe(2);

    const small = memoryCache({ maxBytes: 20_000 });
    for (let i = 0; i < 10; i++) await small.put(bytes(`f${i}`), undefined, doc('x'.repeat(3000)));
    expect(small.bytes).toBeLessThanOrEqual(20_000);
    expect(await small.get(bytes('f9'), undefined)).not.toBeNull();
    expect(await small.get(bytes('f0'), undefined)).toBeNull();
  });

  it('does not remember a read that was cancelled, timed out or failed', async () => {
    const c = memoryCache();
    for (const code of ['cancelled', 'page-timeout', 'read-failed', 'page-failed'] as const) {
      await c.put(bytes(code), undefined, doc('partial', [{ code, message: 'm', fatal: code !== 'page-failed' && code !== 'page-timeout' }]));
      expect(await c.get(bytes(code), undefined)).toBeNull();
    }
    await c.put(bytes('warned'), undefined, doc('ok', [{ code: 'damaged', message: 'm', fatal: false }]));
    expect(await c.get(bytes('warned'), undefined)).not.toBeNull();
  });
});
