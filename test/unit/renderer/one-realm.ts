// jsdom gives the page its own Uint8Array, while fake-indexeddb clones values with Node's
// structuredClone, so byte arrays read back belong to another realm. Dexie's live queries then
// copy them as plain objects (they are not "its" Uint8Array), which a real browser never does.
// Importing this makes IndexedDB hand back this realm's byte arrays, as Chromium does.
const nodeClone = globalThis.structuredClone;

function ours(v: unknown): unknown {
  if (v instanceof Uint8Array) return v;
  if (Object.prototype.toString.call(v) === '[object Uint8Array]') return new Uint8Array(v as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(ours);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ours(x)]));
  }
  return v;
}

globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => ours(nodeClone(value, options))) as typeof structuredClone;
