// How the lock's stash (rewrite.ts) lays the database out: one stream of rows, table by table,
// cut into parts of at most `partBytes`, so neither side ever holds more than a part and the
// row at hand (an original file can be large; no file is inflated into base64 or copied
// whole into a buffer with others). rewrite.ts seals each part under the data key.
//
// Stream: for each row  "R", u32 length, JSON [table, row, [byte lengths]], the row's byte
// arrays one after another (in the JSON, each is {"\u0000bytes": index});
// at the end  "E", u32 number of rows. Integers are big-endian. The end mark and count make
// a stream cut short, or parts left out, fail instead of restoring part of the records.
import { SecurityError } from '../../../shared/security/index.ts';
import { asBytes } from './vault-codecs.ts';

export const PART_BYTES = 4 * 1024 * 1024;
const ROW = 0x52;
const END = 0x45;
const BYTES_MARK = '\u0000bytes';

const damaged = () => new SecurityError('damaged');

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

/** The row as JSON with its byte arrays taken out (only the kinds of value rows hold). */
function strip(v: unknown, blobs: Uint8Array[]): unknown {
  const bytes = asBytes(v);
  if (bytes) return { [BYTES_MARK]: blobs.push(bytes) - 1 };
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
  if (Array.isArray(v)) return v.map((x) => strip(x, blobs));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      // a key like ours would come back as bytes: refuse rather than change a value
      if (k === BYTES_MARK) throw new Error('A stored value cannot be copied safely.');
      if (x !== undefined) out[k] = strip(x, blobs);
    }
    return out;
  }
  if (v === undefined) return null;
  throw new Error('A stored value cannot be copied safely.');
}

function fill(v: unknown, blobs: Uint8Array[]): unknown {
  if (Array.isArray(v)) return v.map((x) => fill(x, blobs));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (BYTES_MARK in o) {
      const b = blobs[o[BYTES_MARK] as number];
      if (!b) throw damaged();
      return b;
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fill(x, blobs)]));
  }
  return v;
}

/** Writes rows into parts of at most `partBytes`, handing each full part to `emit`. */
export class StashWriter {
  rows = 0;
  parts = 0;
  private readonly buf: Uint8Array;
  private used = 0;
  private readonly emit: (part: number, bytes: Uint8Array) => Promise<void>;

  constructor(emit: (part: number, bytes: Uint8Array) => Promise<void>, partBytes = PART_BYTES) {
    this.emit = emit;
    this.buf = new Uint8Array(partBytes);
  }

  async row(table: string, row: unknown): Promise<void> {
    const blobs: Uint8Array[] = [];
    const json = new TextEncoder().encode(JSON.stringify([table, strip(row, blobs), blobs.map((b) => b.length)]));
    await this.write(Uint8Array.of(ROW));
    await this.write(u32(json.length));
    await this.write(json);
    for (const b of blobs) await this.write(b);
    this.rows++;
  }

  /** The end mark; returns how many parts were written. */
  async end(): Promise<number> {
    await this.write(Uint8Array.of(END));
    await this.write(u32(this.rows));
    if (this.used) await this.flush();
    return this.parts;
  }

  private async write(bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length;) {
      const n = Math.min(bytes.length - at, this.buf.length - this.used);
      this.buf.set(bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === this.buf.length) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    const part = this.buf.slice(0, this.used);
    this.used = 0;
    await this.emit(this.parts++, part);
  }
}

/** Reads rows back from `parts` parts, loading each only when the stream reaches it. */
export class StashReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private next = 0;
  private readonly parts: number;
  private readonly load: (part: number) => Promise<Uint8Array>;

  constructor(parts: number, load: (part: number) => Promise<Uint8Array>) {
    this.parts = parts;
    this.load = load;
  }

  /** Exactly n bytes, in an array of their own (so IndexedDB keeps only these bytes). */
  private async take(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    for (let filled = 0; filled < n;) {
      if (this.at === this.chunk.length) {
        if (this.next >= this.parts) throw damaged();
        this.chunk = await this.load(this.next++);
        this.at = 0;
        if (!this.chunk.length) throw damaged();
      }
      const k = Math.min(n - filled, this.chunk.length - this.at);
      out.set(this.chunk.subarray(this.at, this.at + k), filled);
      filled += k;
      this.at += k;
    }
    return out;
  }

  private async count(): Promise<number> {
    return new DataView((await this.take(4)).buffer).getUint32(0);
  }

  async *rows(): AsyncGenerator<{ table: string; row: Record<string, unknown> }> {
    for (let n = 0; ; n++) {
      const [tag] = await this.take(1);
      if (tag === END) {
        // every row, every part, and nothing after the end
        if ((await this.count()) !== n || this.next !== this.parts || this.at !== this.chunk.length) throw damaged();
        return;
      }
      if (tag !== ROW) throw damaged();
      let head: unknown;
      try {
        head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await this.take(await this.count())));
      } catch {
        throw damaged();
      }
      const [table, shape, lengths] = head as [unknown, unknown, unknown];
      if (typeof table !== 'string' || !shape || typeof shape !== 'object' || !Array.isArray(lengths)) throw damaged();
      const blobs: Uint8Array[] = [];
      for (const length of lengths) {
        if (!Number.isInteger(length) || length < 0) throw damaged();
        blobs.push(await this.take(length));
      }
      yield { table, row: fill(shape, blobs) as Record<string, unknown> };
    }
  }
}
