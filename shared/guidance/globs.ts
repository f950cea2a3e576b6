// Small matchers for the condition language.

/**
 * Stage globs follow the Roman numeral: `II*` matches II, IIA and IIB but not IIIA, and
 * `I*` matches I, IA, IA1 … IB but not II or IV. Other globs (`limited`) match exactly.
 */
export function stageMatches(group: string, pattern: string): boolean {
  if (!pattern.endsWith('*')) return group.toLowerCase() === pattern.toLowerCase();
  const stem = pattern.slice(0, -1);
  if (!group.startsWith(stem)) return false;
  const next = group.charAt(stem.length);
  return next === '' || !/[IV]/.test(next);
}

/** `*` matches any run of characters; case-insensitive. */
export function globMatches(value: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const parts = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 'i').test(value.trim());
}

export const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Day number of a YYYY-MM-DD or YYYY-MM date (a month counts as its first day), or null. */
export function dayOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1) / 86_400_000;
}
