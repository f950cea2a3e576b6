// Progression is not in facts/1. It is read from the treatments: a treatment that ended with
// `endReason: progression`, or a new line of therapy started after every drug of the previous
// line had ended (planned sequences excluded), or a resistance finding such as EGFR T790M.
import type { Biomarker, Treatment } from '../contract/facts.ts';
import { dayOf } from './globs.ts';
import { isDriver } from './drivers.ts';
import { isStageIV } from './stage.ts';
import type { Context, FactRef } from './types.ts';

export type Progression = { found: boolean; after: string[]; refs: FactRef[] };

const SYSTEMIC = ['chemotherapy', 'targeted therapy', 'immunotherapy', 'antibody-drug conjugate'];
/** Drugs that follow chemoradiation as planned consolidation (PACIFIC, ADRIATIC, LAURA). */
const AFTER_CHEMORADIATION = ['durvalumab', 'osimertinib'];
/** Drugs given after surgery (and adjuvant chemotherapy) as a planned sequence. */
const AFTER_SURGERY = ['atezolizumab', 'pembrolizumab', 'nivolumab', 'durvalumab', 'osimertinib', 'alectinib'];
/** Drugs that continue an induction as planned maintenance. */
const MAINTENANCE = ['pemetrexed', 'atezolizumab', 'durvalumab', 'pembrolizumab', 'lurbinectedin', 'bevacizumab'];
const LINE_WINDOW_DAYS = 21;

type Line = { items: Treatment[]; start: number; end: number | null };

const cache = new WeakMap<Context, Progression>();

export function findProgression(ctx: Context): Progression {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const result = compute(ctx);
  cache.set(ctx, result);
  return result;
}

function compute(ctx: Context): Progression {
  const after = new Set<string>();
  const refs: FactRef[] = [];
  for (const t of ctx.treatments) {
    if (t.endReason === 'progression') { after.add(t.name); refs.push({ kind: 'treatment', fact: t }); }
  }
  const lines = linesOf(ctx.treatments);
  for (let i = 1; i < lines.length; i++) {
    const [prev, next] = [lines[i - 1], lines[i]];
    if (!switchedAfterProgression(ctx, prev, next)) continue;
    for (const t of prev.items) { after.add(t.name); refs.push({ kind: 'treatment', fact: t }); }
    refs.push({ kind: 'treatment', fact: next.items[0] });
  }
  const resistance = ctx.biomarkers.filter((b) => isResistanceFinding(b, ctx.biomarkers));
  const treated = lines.length > 0 || ctx.treatments.some((t) => t.category === 'targeted therapy');
  if (resistance.length && treated) {
    const last = lines.filter((l) => l.items.some((t) => t.category === 'targeted therapy')).at(-1) ?? lines.at(-1);
    for (const t of last?.items ?? []) { after.add(t.name); refs.push({ kind: 'treatment', fact: t }); }
    for (const b of resistance) refs.push({ kind: 'biomarker', fact: b });
  }
  return { found: refs.length > 0, after: [...after], refs: dedupe(refs) };
}

export function linesOf(treatments: Treatment[]): Line[] {
  const dated = treatments
    .filter((t) => SYSTEMIC.includes(t.category) && dayOf(t.start) !== null)
    .sort((a, b) => dayOf(a.start)! - dayOf(b.start)!);
  const lines: Line[] = [];
  for (const t of dated) {
    const start = dayOf(t.start)!;
    const line = lines.at(-1);
    if (line && start - line.start <= LINE_WINDOW_DAYS) line.items.push(t);
    else lines.push({ items: [t], start, end: null });
  }
  for (const line of lines) {
    const ends = line.items.map((t) => dayOf(t.end));
    line.end = ends.some((e) => e === null) ? null : Math.max(...(ends as number[]));
  }
  return lines;
}

function switchedAfterProgression(ctx: Context, prev: Line, next: Line): boolean {
  if (prev.end === null || prev.end > next.start) return false;
  const before = new Set(prev.items.map((t) => t.name));
  if (next.items.every((t) => before.has(t.name))) return false;
  if (prev.items.some((t) => t.endReason === 'progression')) return true;
  if (prev.items.every((t) => t.endReason === 'toxicity' || t.endReason === 'other')) return false;
  return !planned(ctx, prev, next);
}

function planned(ctx: Context, prev: Line, next: Line): boolean {
  const names = next.items.map((t) => t.name);
  const gap = next.start - (prev.end ?? next.start);
  const radiation = ctx.treatments.filter((t) => t.category === 'radiation' || t.name === 'chemoradiation');
  const radiationWithPrev = radiation.some((r) => {
    const s = dayOf(r.start);
    return s !== null && s >= prev.start - LINE_WINDOW_DAYS && s <= (prev.end ?? s);
  });
  if (radiationWithPrev && gap <= 120 && names.every((n) => AFTER_CHEMORADIATION.includes(n))) return true;
  const surgery = ctx.treatments.filter((t) => t.category === 'surgery').map((t) => dayOf(t.start)).filter((d) => d !== null);
  if (surgery.length && !isStageIV(ctx.stage) && gap <= 180) {
    const firstSurgery = Math.min(...(surgery as number[]));
    if (prev.start < firstSurgery && next.start > firstSurgery) return true;
    if (next.start > firstSurgery && names.every((n) => AFTER_SURGERY.includes(n))) return true;
  }
  const previous = new Set(prev.items.map((t) => t.name));
  const continues = names.some((n) => previous.has(n));
  return continues && gap <= 42 && names.every((n) => previous.has(n) || MAINTENANCE.includes(n));
}

/** A finding that shows a targeted treatment has stopped working. */
export function isResistanceFinding(b: Biomarker, all: Biomarker[]): boolean {
  if (b.result !== 'detected') return false;
  const alt = (b.alteration ?? '').toUpperCase();
  const has = (gene: string) => all.some((x) => x.gene === gene && x !== b && isDriver(x));
  if (b.gene === 'EGFR') return alt === 'T790M' || alt === 'C797S';
  if (b.gene === 'MET' && alt === 'AMPLIFICATION') return has('EGFR') || has('ALK');
  if (b.gene === 'ALK') return alt !== '' && alt !== 'FUSION' && has('ALK');
  if (b.gene === 'ROS1') return alt === 'G2032R';
  return false;
}

function dedupe(refs: FactRef[]): FactRef[] {
  const seen = new Set<unknown>();
  return refs.filter((r) => {
    const key = 'fact' in r ? r.fact : r;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
