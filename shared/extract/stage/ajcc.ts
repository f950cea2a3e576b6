// AJCC lung stage groups from T, N and M: the 8th edition grid (§2.4 of the clinical
// reference) and the Version 9 grid (§2.5). Pure tables, no text. Where a category is
// written without its subcategory (T1, T2, N2 in the 9th edition) every subcategory is tried
// and the group they share is returned ("T1 N0" → IA; "T2 N0" → null, as IB and IIA differ).
//
// API: deriveGroup(t, n, m, edition = 8) → StageGroup | null

import type { StageGroup } from '../../contract/facts.ts';

export type Edition = 8 | 9;

const T_ROWS = ['T1mi', 'T1a', 'T1b', 'T1c', 'T2a', 'T2b', 'T3', 'T4'] as const;
type TRow = (typeof T_ROWS)[number];

// rows: T; columns: N0 N1 N2 N3
const GRID_8: Record<TRow, StageGroup[]> = {
  T1mi: ['IA1', 'IIB', 'IIIA', 'IIIB'],
  T1a: ['IA1', 'IIB', 'IIIA', 'IIIB'],
  T1b: ['IA2', 'IIB', 'IIIA', 'IIIB'],
  T1c: ['IA3', 'IIB', 'IIIA', 'IIIB'],
  T2a: ['IB', 'IIB', 'IIIA', 'IIIB'],
  T2b: ['IIA', 'IIB', 'IIIA', 'IIIB'],
  T3: ['IIB', 'IIIA', 'IIIB', 'IIIC'],
  T4: ['IIIA', 'IIIA', 'IIIB', 'IIIC'],
};

// rows: T; columns: N0 N1 N2a N2b N3
const GRID_9: Record<TRow, StageGroup[]> = {
  T1mi: ['IA1', 'IIA', 'IIB', 'IIIA', 'IIIB'],
  T1a: ['IA1', 'IIA', 'IIB', 'IIIA', 'IIIB'],
  T1b: ['IA2', 'IIA', 'IIB', 'IIIA', 'IIIB'],
  T1c: ['IA3', 'IIA', 'IIB', 'IIIA', 'IIIB'],
  T2a: ['IB', 'IIB', 'IIIA', 'IIIB', 'IIIB'],
  T2b: ['IIA', 'IIB', 'IIIA', 'IIIB', 'IIIB'],
  T3: ['IIB', 'IIIA', 'IIIA', 'IIIB', 'IIIC'],
  T4: ['IIIA', 'IIIA', 'IIIB', 'IIIB', 'IIIC'],
};

/** The T rows a written T stands for ("T1" → every T1 row, "T2" → T2a and T2b). */
function tRows(t: string): TRow[] {
  const v = t.replace(/^T/i, '').toLowerCase();
  if (v === '1') return ['T1mi', 'T1a', 'T1b', 'T1c'];
  if (v === '2') return ['T2a', 'T2b'];
  if (v === '1mi') return ['T1mi'];
  const row = T_ROWS.find((r) => r.slice(1).toLowerCase() === v);
  return row ? [row] : [];
}

function nCols(n: string, edition: Edition): number[] {
  const v = n.replace(/^N/i, '').toLowerCase();
  if (edition === 8) {
    const d = v[0];
    return d === '0' ? [0] : d === '1' ? [1] : d === '2' ? [2] : d === '3' ? [3] : [];
  }
  if (v === '0') return [0];
  if (v.startsWith('1')) return [1];
  if (v === '2a') return [2];
  if (v === '2b') return [3];
  if (v === '2') return [2, 3];
  if (v === '3') return [4];
  return [];
}

/** The most specific group every candidate shares: IA1+IA3 → IA, IIIA+IIIB → III, IB+IIA → null. */
function shared(groups: StageGroup[]): StageGroup | null {
  const set = [...new Set(groups)];
  if (set.length === 1) return set[0]!;
  if (!set.length) return null;
  const split = set.map((g) => /^(IV|III|II|I|0)([ABC]?)(\d?)$/.exec(g)!);
  const roman = split[0]![1];
  if (!split.every((s) => s[1] === roman)) return null;
  const letter = split[0]![2];
  if (letter && split.every((s) => s[2] === letter)) return `${roman}${letter}` as StageGroup;
  return roman as StageGroup;
}

export function deriveGroup(t: string | null, n: string | null, m: string | null, edition: Edition = 8): StageGroup | null {
  if (!m) return null;
  const mv = m.replace(/^M/i, '').toLowerCase();
  if (mv.startsWith('1')) {
    if (mv === '1a' || mv === '1b') return 'IVA';
    if (mv.startsWith('1c')) return 'IVB';
    return 'IV';
  }
  if (mv !== '0' || !t || !n) return null;
  const tv = t.replace(/^T/i, '').toLowerCase();
  if (tv === 'is') return n.replace(/^N/i, '') === '0' ? '0' : null;
  const grid = edition === 9 ? GRID_9 : GRID_8;
  const groups: StageGroup[] = [];
  for (const row of tRows(t)) for (const col of nCols(n, edition)) groups.push(grid[row][col]!);
  return shared(groups);
}
