// Evaluates the condition language (docs/knowledge-format.md) on a person's facts and reports
// which facts each condition used. Facts the person rejected are invisible (see context.ts);
// facts two records disagree about are unknown (Kleene logic), so they never make a rule fire.
import type { Biomarker, Treatment } from '../contract/facts.ts';
import { BROAD_PANEL_GENES, BROAD_PANEL_LABELS, isDriver, isDriverGene } from './drivers.ts';
import { asList, dayOf, globMatches, stageMatches } from './globs.ts';
import { findProgression } from './progression.ts';
import { effectiveGroup, stageKnown } from './stage.ts';
import type { Condition, Context, Evaluation, FactRef, Truth } from './types.ts';

type Leaf = (value: any, ctx: Context) => Evaluation;

const yes = (used: FactRef[] = []): Evaluation => ({ value: true, used, against: [] });
const no = (against: FactRef[] = []): Evaluation => ({ value: false, used: [], against });
const unknown = (): Evaluation => ({ value: null, used: [], against: [] });
/** A leaf's result: the refs justify whichever way it went. */
const truth = (value: Truth, refs: FactRef[] = [], against: FactRef[] = refs): Evaluation =>
  value === null ? unknown() : value ? yes(refs) : no(against);

export function evaluate(cond: Condition, ctx: Context): Evaluation {
  const keys = Object.keys(cond);
  if (keys.length !== 1) return all(keys.map((k) => ({ [k]: cond[k] })), ctx);
  const [key] = keys;
  const value = cond[key];
  if (key === 'all') return all(value as Condition[], ctx);
  if (key === 'any') return any(value as Condition[], ctx);
  if (key === 'not') {
    const inner = evaluate(value as Condition, ctx);
    return { value: inner.value === null ? null : !inner.value, used: inner.against, against: inner.used };
  }
  const leaf = LEAVES[key];
  if (!leaf) throw new Error(`unknown condition "${key}"`);
  return leaf(value, ctx);
}

/** True only when the condition surely holds. */
export const holds = (cond: Condition, ctx: Context): boolean => evaluate(cond, ctx).value === true;

function all(conds: Condition[], ctx: Context): Evaluation {
  const used: FactRef[] = [];
  let value: Truth = true;
  for (const c of conds) {
    const e = evaluate(c, ctx);
    if (e.value === false) return no(e.against);
    if (e.value === null) value = null;
    used.push(...e.used);
  }
  return value === null ? unknown() : yes(used);
}

function any(conds: Condition[], ctx: Context): Evaluation {
  const against: FactRef[] = [];
  let value: Truth = false;
  for (const c of conds) {
    const e = evaluate(c, ctx);
    if (e.value === true) return e;
    if (e.value === null) value = null;
    against.push(...e.against);
  }
  return value === null ? unknown() : no(against);
}

const inList = (value: unknown, wanted: unknown): boolean =>
  asList(wanted as unknown[]).some((w) => (w === null ? value === null : typeof value === 'string' && String(w).toLowerCase() === value.toLowerCase()));

type BiomarkerSpec = {
  gene: string | string[]; alteration?: string | string[]; alterationNot?: string[];
  result?: string | string[]; valueAtLeast?: number; valueBelow?: number; specimen?: string;
};

export function biomarkerMatches(b: Biomarker, spec: BiomarkerSpec): boolean {
  if (!asList(spec.gene).some((g) => g.toUpperCase() === b.gene)) return false;
  const alt = b.alteration ?? '';
  if (spec.alteration !== undefined && !asList(spec.alteration).some((p) => globMatches(alt, p))) return false;
  if (spec.alterationNot && spec.alterationNot.some((p) => globMatches(alt, p))) return false;
  if (spec.result !== undefined && !inList(b.result, spec.result)) return false;
  if (spec.valueAtLeast !== undefined && !(typeof b.value === 'number' && b.value >= spec.valueAtLeast)) return false;
  if (spec.valueBelow !== undefined && !(typeof b.value === 'number' && b.value < spec.valueBelow)) return false;
  if (spec.specimen !== undefined && (b.specimen ?? 'tissue') !== spec.specimen) return false;
  return true;
}

type TreatmentSpec = {
  name?: string | string[]; category?: string | string[]; ongoing?: boolean; endReason?: string | string[];
  beforeSurgery?: boolean; afterSurgery?: boolean;
};

function treatmentMatches(t: Treatment, spec: TreatmentSpec, ctx: Context): boolean {
  if (spec.name !== undefined && !inList(t.name, spec.name)) return false;
  if (spec.category !== undefined && !inList(t.category, spec.category)) return false;
  if (spec.ongoing !== undefined && (t.end === null) !== spec.ongoing) return false;
  if (spec.endReason !== undefined && !inList(t.endReason ?? null, spec.endReason)) return false;
  if (spec.beforeSurgery || spec.afterSurgery) {
    const start = dayOf(t.start);
    const surgery = ctx.treatments.filter((x) => x.category === 'surgery').map((x) => dayOf(x.start)).filter((d) => d !== null) as number[];
    if (start === null || !surgery.length) return false;
    if (spec.beforeSurgery && !(start < Math.min(...surgery))) return false;
    if (spec.afterSurgery && !(start > Math.min(...surgery))) return false;
  }
  return true;
}

const bRef = (fact: Biomarker): FactRef => ({ kind: 'biomarker', fact });
const tRef = (fact: Treatment): FactRef => ({ kind: 'treatment', fact });
const absent = (text: string): FactRef => ({ kind: 'absent', text });
/** What the records say about some genes: their entries, or their absence. */
function geneRefs(genes: string[], ctx: Context): FactRef[] {
  const entries = ctx.biomarkers.filter((b) => genes.includes(b.gene));
  return entries.length ? entries.map(bRef) : [absent(`no ${genes.join(' or ')} result in these records`)];
}

function biomarkerLeaf(spec: BiomarkerSpec, ctx: Context): Evaluation {
  const genes = asList(spec.gene).map((g) => g.toUpperCase());
  const found = ctx.biomarkers.filter((b) => !ctx.conflicted.genes.has(b.gene) && biomarkerMatches(b, spec));
  if (found.length) return yes(found.map(bRef));
  if (genes.some((g) => ctx.conflicted.genes.has(g))) return unknown();
  return no(geneRefs(genes, ctx));
}

function driverLeaf(want: boolean, ctx: Context): Evaluation {
  const drivers = ctx.biomarkers.filter((b) => !ctx.conflicted.genes.has(b.gene) && isDriver(b)).map(bRef);
  if (!drivers.length && [...ctx.conflicted.genes].some(isDriverGene)) return unknown();
  const negatives = ctx.biomarkers.filter((b) => isDriverGene(b.gene) && b.result === 'not detected');
  const none: FactRef[] = negatives.length ? [{ kind: 'negatives', facts: negatives }] : [absent('no driver mutation or fusion found in these records')];
  return want ? truth(drivers.length > 0, drivers, none) : truth(drivers.length === 0, none, drivers);
}

const LEAVES: Record<string, Leaf> = {
  cancerType: (want, ctx) => ctx.conflicted.cancerType ? unknown()
    : truth(inList(ctx.diagnosis.cancerType, want), [{ kind: 'cancerType', diagnosis: ctx.diagnosis.ref }]),
  histology: (want, ctx) => ctx.conflicted.histology ? unknown()
    : truth(inList(ctx.diagnosis.histology, want), ctx.diagnosis.histology === null ? [absent('no histology in these records')] : [{ kind: 'histology', diagnosis: ctx.diagnosis.ref }]),
  stage: (want: string | string[], ctx) => {
    if (ctx.conflicted.stage) return unknown();
    const group = effectiveGroup(ctx.stage);
    const ref: FactRef = group === null ? absent('no stage found in these records') : { kind: 'stage', stage: ctx.stage, field: 'group' };
    return truth(group !== null && asList(want).some((p) => stageMatches(group, p)), [ref]);
  },
  stageKnown: (want: boolean, ctx) => {
    if (ctx.conflicted.stage) return unknown();
    const known = stageKnown(ctx.stage);
    return truth(known === want, [known ? { kind: 'stage', stage: ctx.stage, field: effectiveGroup(ctx.stage) ? 'group' : 't' } : absent('no stage found in these records')]);
  },
  t: (want, ctx) => tnm('t', want, ctx),
  n: (want, ctx) => tnm('n', want, ctx),
  m: (want, ctx) => tnm('m', want, ctx),
  basis: (want, ctx) => truth(inList(ctx.stage.basis, want), [{ kind: 'stage', stage: ctx.stage, field: 'basis' }]),
  biomarker: (spec: BiomarkerSpec, ctx) => biomarkerLeaf(spec, ctx),
  noBiomarker: (spec: { gene: string | string[] }, ctx) => {
    const genes = asList(spec.gene).map((g) => g.toUpperCase());
    const present = ctx.biomarkers.filter((b) => genes.includes(b.gene));
    return truth(!present.length, [absent(`no ${genes.length > 3 ? 'gene (driver)' : genes.join(' or ')} results in these records`)], present.map(bRef));
  },
  noBiomarkers: (want: boolean, ctx) => {
    const none = ctx.biomarkers.length === 0;
    return truth(none === want, none ? [absent('no biomarker results in these records')] : ctx.biomarkers.slice(0, 3).map(bRef));
  },
  driver: (want: boolean, ctx) => driverLeaf(want, ctx),
  noDriver: (want: boolean, ctx) => driverLeaf(!want, ctx),
  broadPanel: (want: boolean, ctx) => {
    const broad = ctx.biomarkers.filter((b) => BROAD_PANEL_GENES.includes(b.gene));
    const refs: FactRef[] = broad.length ? [{ kind: 'negatives', facts: broad }] : [absent('no results for genes beyond EGFR and ALK in these records')];
    return truth(broad.length > 0 === want, refs);
  },
  fullPanel: (want: boolean, ctx) => {
    const full = BROAD_PANEL_LABELS.every(([, genes]) => ctx.biomarkers.some((b) => genes.includes(b.gene)));
    const some = ctx.biomarkers.some((b) => BROAD_PANEL_GENES.includes(b.gene));
    const refs: FactRef[] = full ? [{ kind: 'negatives', facts: ctx.biomarkers.filter((b) => BROAD_PANEL_GENES.includes(b.gene)) }]
      : [absent(some ? 'results for only some of the recommended genes' : 'no results for a broad gene panel in these records')];
    return truth(full === want, refs);
  },
  equivocal: (want: boolean, ctx) => {
    const found = ctx.biomarkers.filter((b) => b.result === 'equivocal' && !ctx.conflicted.genes.has(b.gene));
    return truth(found.length > 0 === want, found.length ? found.map(bRef) : [absent('no equivocal results')]);
  },
  treatment: (spec: TreatmentSpec, ctx) => {
    const found = ctx.treatments.filter((t) => !ctx.conflicted.treatments.has(t.name) && treatmentMatches(t, spec, ctx));
    if (found.length) return yes(found.map(tRef));
    if (ctx.treatments.some((t) => ctx.conflicted.treatments.has(t.name) && treatmentMatches(t, spec, ctx))) return unknown();
    return no([absent(`no ${describeSpec(spec)} in these records`)]);
  },
  noTreatment: (spec: TreatmentSpec, ctx) => {
    const present = ctx.treatments.filter((t) => treatmentMatches(t, spec, ctx));
    return truth(!present.length, [absent(`no ${describeSpec(spec)} in these records`)], present.map(tRef));
  },
  surgery: (want: boolean, ctx) => {
    const found = ctx.treatments.filter((t) => t.category === 'surgery');
    const refs = found.length ? found.map(tRef) : [absent('no surgery in these records')];
    return truth(found.length > 0 === want, refs);
  },
  progression: (want: boolean | { after: string[] }, ctx) => {
    const p = findProgression(ctx);
    if (typeof want === 'boolean') return truth(p.found === want, p.refs);
    const names = want.after.map((n) => n.toLowerCase());
    return truth(p.found && p.after.some((n) => names.includes(n)), p.refs);
  },
};

function describeSpec(spec: TreatmentSpec): string {
  const what = asList(spec.name ?? spec.category);
  if (!what.length) return 'cancer treatment';
  if (what.length === 1) return what[0];
  return `${what.slice(0, -1).join(', ')} or ${what.at(-1)}`;
}

function tnm(field: 't' | 'n' | 'm', want: string | string[], ctx: Context): Evaluation {
  if (ctx.conflicted[field]) return unknown();
  const value = ctx.stage[field];
  const ref: FactRef = value ? { kind: 'stage', stage: ctx.stage, field } : absent(`no ${field.toUpperCase()} category in these records`);
  return truth(!!value && asList(want).some((p) => globMatches(value, p)), [ref]);
}

export const LEAF_NAMES = Object.keys(LEAVES);
