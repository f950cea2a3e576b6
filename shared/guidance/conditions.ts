// Evaluates the condition language (docs/knowledge-format.md) on a person's facts and reports
// which facts each condition used. Facts the person rejected are invisible (see context.ts);
// facts two records disagree about are unknown (Kleene logic), so they never make a rule fire.
import type { Biomarker, Treatment } from '../contract/facts.ts';
import { BROAD_PANEL_GENES, isDriver, isDriverGene } from './drivers.ts';
import { asList, dayOf, globMatches, stageMatches } from './globs.ts';
import { findProgression } from './progression.ts';
import { effectiveGroup, stageKnown } from './stage.ts';
import type { Condition, Context, Evaluation, FactRef, Truth } from './types.ts';

type Leaf = (value: any, ctx: Context) => Evaluation;

const yes = (used: FactRef[] = []): Evaluation => ({ value: true, used });
const no = (): Evaluation => ({ value: false, used: [] });
const unknown = (): Evaluation => ({ value: null, used: [] });
const truth = (value: Truth, used: FactRef[] = []): Evaluation => ({ value, used: value ? used : [] });

export function evaluate(cond: Condition, ctx: Context): Evaluation {
  const keys = Object.keys(cond);
  if (keys.length !== 1) return all(keys.map((k) => ({ [k]: cond[k] })), ctx);
  const [key] = keys;
  const value = cond[key];
  if (key === 'all') return all(value as Condition[], ctx);
  if (key === 'any') return any(value as Condition[], ctx);
  if (key === 'not') {
    const inner = evaluate(value as Condition, ctx);
    return inner.value === null ? unknown() : truth(!inner.value);
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
    if (e.value === false) return no();
    if (e.value === null) value = null;
    used.push(...e.used);
  }
  return truth(value, used);
}

function any(conds: Condition[], ctx: Context): Evaluation {
  let value: Truth = false;
  for (const c of conds) {
    const e = evaluate(c, ctx);
    if (e.value === true) return e;
    if (e.value === null) value = null;
  }
  return truth(value);
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

function biomarkerLeaf(spec: BiomarkerSpec, ctx: Context): Evaluation {
  const found = ctx.biomarkers.filter((b) => !ctx.conflicted.genes.has(b.gene) && biomarkerMatches(b, spec));
  if (found.length) return yes(found.map((fact) => ({ kind: 'biomarker', fact })));
  const disputed = asList(spec.gene).some((g) => ctx.conflicted.genes.has(g.toUpperCase()));
  return disputed ? unknown() : no();
}

function driverLeaf(want: boolean, ctx: Context): Evaluation {
  const drivers = ctx.biomarkers.filter((b) => !ctx.conflicted.genes.has(b.gene) && isDriver(b));
  const disputed = [...ctx.conflicted.genes].some(isDriverGene);
  if (drivers.length) return truth(want, drivers.map((fact) => ({ kind: 'biomarker', fact })));
  if (disputed) return unknown();
  if (!want) {
    const negatives = ctx.biomarkers.filter((b) => isDriverGene(b.gene) && b.result === 'not detected');
    const used: FactRef[] = negatives.length
      ? [{ kind: 'negatives', facts: negatives }]
      : [{ kind: 'absent', text: 'no driver mutation or fusion found in these records' }];
    return yes(used);
  }
  return no();
}

const LEAVES: Record<string, Leaf> = {
  cancerType: (want, ctx) => ctx.conflicted.cancerType ? unknown()
    : truth(inList(ctx.diagnosis.cancerType, want), [{ kind: 'cancerType', diagnosis: ctx.diagnosis.ref }]),
  histology: (want, ctx) => ctx.conflicted.histology ? unknown()
    : truth(inList(ctx.diagnosis.histology, want), [{ kind: 'histology', diagnosis: ctx.diagnosis.ref }]),
  stage: (want: string | string[], ctx) => {
    if (ctx.conflicted.stage) return unknown();
    const group = effectiveGroup(ctx.stage);
    return truth(group !== null && asList(want).some((p) => stageMatches(group, p)), [{ kind: 'stage', stage: ctx.stage, field: 'group' }]);
  },
  stageKnown: (want: boolean, ctx) => {
    if (ctx.conflicted.stage) return unknown();
    const known = stageKnown(ctx.stage);
    return truth(known === want, known ? [{ kind: 'stage', stage: ctx.stage, field: 'group' }] : [{ kind: 'absent', text: 'no stage found in these records' }]);
  },
  t: (want, ctx) => tnm('t', want, ctx),
  n: (want, ctx) => tnm('n', want, ctx),
  m: (want, ctx) => tnm('m', want, ctx),
  basis: (want, ctx) => truth(inList(ctx.stage.basis, want), [{ kind: 'stage', stage: ctx.stage, field: 'basis' }]),
  biomarker: (spec: BiomarkerSpec, ctx) => biomarkerLeaf(spec, ctx),
  noBiomarker: (spec: { gene: string | string[] }, ctx) => {
    const genes = asList(spec.gene).map((g) => g.toUpperCase());
    const present = ctx.biomarkers.some((b) => genes.includes(b.gene));
    return truth(!present, [{ kind: 'absent', text: `no ${genes.join(' or ')} result in these records` }]);
  },
  noBiomarkers: (want: boolean, ctx) =>
    truth((ctx.biomarkers.length === 0) === want, [{ kind: 'absent', text: 'no biomarker results in these records' }]),
  driver: (want: boolean, ctx) => driverLeaf(want, ctx),
  noDriver: (want: boolean, ctx) => driverLeaf(!want, ctx),
  broadPanel: (want: boolean, ctx) => {
    const broad = ctx.biomarkers.filter((b) => BROAD_PANEL_GENES.includes(b.gene));
    return truth(broad.length > 0 === want, want ? [{ kind: 'negatives', facts: broad }]
      : [{ kind: 'absent', text: 'no results for genes beyond EGFR and ALK in these records' }]);
  },
  equivocal: (want: boolean, ctx) => {
    const found = ctx.biomarkers.filter((b) => b.result === 'equivocal' && !ctx.conflicted.genes.has(b.gene));
    return truth(found.length > 0 === want, found.map((fact) => ({ kind: 'biomarker', fact })));
  },
  treatment: (spec: TreatmentSpec, ctx) => {
    const found = ctx.treatments.filter((t) => !ctx.conflicted.treatments.has(t.name) && treatmentMatches(t, spec, ctx));
    if (found.length) return yes(found.map((fact) => ({ kind: 'treatment', fact })));
    return ctx.treatments.some((t) => ctx.conflicted.treatments.has(t.name) && treatmentMatches(t, spec, ctx)) ? unknown() : no();
  },
  noTreatment: (spec: TreatmentSpec, ctx) => {
    const present = ctx.treatments.some((t) => treatmentMatches(t, spec, ctx));
    const what = asList(spec.name ?? spec.category).join(' or ') || 'cancer treatment';
    return truth(!present, [{ kind: 'absent', text: `no ${what} in these records` }]);
  },
  surgery: (want: boolean, ctx) => {
    const found = ctx.treatments.filter((t) => t.category === 'surgery');
    return truth(found.length > 0 === want, want ? found.map((fact) => ({ kind: 'treatment', fact }))
      : [{ kind: 'absent', text: 'no surgery in these records' }]);
  },
  progression: (want: boolean | { after: string[] }, ctx) => {
    const p = findProgression(ctx);
    if (typeof want === 'boolean') return truth(p.found === want, p.refs);
    const names = want.after.map((n) => n.toLowerCase());
    return truth(p.found && p.after.some((n) => names.includes(n)), p.refs);
  },
};

function tnm(field: 't' | 'n' | 'm', want: string | string[], ctx: Context): Evaluation {
  if (ctx.conflicted[field]) return unknown();
  const value = ctx.stage[field];
  return truth(!!value && asList(want).some((p) => globMatches(value, p)), [{ kind: 'stage', stage: ctx.stage, field }]);
}

export const LEAF_NAMES = Object.keys(LEAVES);
