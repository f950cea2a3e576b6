// Facts the records do not show that would change the guidance: no biomarker testing, a
// partial panel, no PD-L1, no stage, equivocal results, an unclear type, and a few others.
import type { Missing } from '../contract/guidance.ts';
import { joinAnd, whereRead } from './because.ts';
import { BROAD_PANEL_LABELS, DRIVER_GENES, isDriver } from './drivers.ts';
import { dayOf, stageMatches } from './globs.ts';
import { findProgression } from './progression.ts';
import { effectiveGroup, stageKnown } from './stage.ts';
import type { Context } from './types.ts';

const NSCLC_HISTOLOGIES = ['adenocarcinoma', 'squamous cell carcinoma', 'large cell carcinoma', 'adenosquamous carcinoma',
  'sarcomatoid carcinoma', 'NSCLC NOS'];

export function isNsclc(ctx: Context): boolean {
  const { cancerType, histology } = ctx.diagnosis;
  return cancerType === 'NSCLC' || (cancerType === null && histology !== null && NSCLC_HISTOLOGIES.includes(histology));
}

const group = (ctx: Context) => (ctx.conflicted.stage ? null : effectiveGroup(ctx.stage));
const inStage = (ctx: Context, patterns: string[]) => {
  const g = group(ctx);
  return g !== null && patterns.some((p) => stageMatches(g, p));
};

export function findMissing(ctx: Context): Missing[] {
  const out: Missing[] = [];
  const hasAnything = ctx.sources.length > 0 || ctx.diagnosis.cancerType !== null || ctx.diagnosis.histology !== null
    || ctx.biomarkers.length > 0 || ctx.treatments.length > 0 || stageKnown(ctx.stage);
  if (!hasAnything) return out;
  const { cancerType, histology } = ctx.diagnosis;
  if (cancerType === null && histology === null && !ctx.conflicted.histology && !ctx.conflicted.cancerType) {
    out.push({ id: 'no-diagnosis', text: 'The type of lung cancer (for example non-small cell or small cell) was not found in these records. It decides which tests and treatments fit.' });
  }
  if (!stageKnown(ctx.stage) && !ctx.conflicted.stage && (cancerType !== null || histology !== null)) {
    out.push({ id: 'no-stage', text: 'No stage was found in these records. The stage (and whether it is based on scans or on surgery) decides which treatments fit.' });
  }
  if (isNsclc(ctx)) out.push(...nsclcMissing(ctx));
  for (const b of ctx.biomarkers.filter((x) => x.result === 'equivocal' && !ctx.conflicted.genes.has(x.gene))) {
    out.push({
      id: `equivocal-${b.gene.toLowerCase()}`,
      text: `The ${b.gene}${b.alteration ? ` ${b.alteration}` : ''} result was equivocal, meaning borderline or unclear ${whereRead({ kind: 'biomarker', fact: b }, ctx.sources)}. A repeat test or a different method could settle it before it guides treatment.`,
    });
  }
  out.push(...retestAfterProgression(ctx));
  return out;
}

function nsclcMissing(ctx: Context): Missing[] {
  const out: Missing[] = [];
  const histology = ctx.diagnosis.histology;
  const squamous = histology === 'squamous cell carcinoma';
  const early = inStage(ctx, ['IA*', '0']);
  const advanced = inStage(ctx, ['IV*']) || group(ctx) === null;
  const periop = inStage(ctx, ['IB', 'II*', 'III*']);
  const driverEntries = ctx.biomarkers.filter((b) => DRIVER_GENES.includes(b.gene));
  const driverFound = ctx.biomarkers.some(isDriver);
  if (histology === null && !ctx.conflicted.histology) {
    out.push({ id: 'no-histology', text: 'The kind of non-small cell cancer (for example adenocarcinoma or squamous cell) was not found. It affects which tests and chemotherapy fit.' });
  }
  if (histology === 'NSCLC NOS') {
    out.push({ id: 'histology-nos', text: 'The records call it non-small cell carcinoma "not otherwise specified" (NOS). More stains or tests on the sample may show the exact type.' });
  }
  if (!driverEntries.length && !early) {
    const why = periop
      ? 'EGFR and ALK results matter before treatment around surgery or after chemoradiation is chosen.'
      : squamous
        ? 'For squamous cell cancer, a broad gene panel (NGS) is worth asking about, especially for people who smoked little or never.'
        : 'For advanced non-small cell lung cancer, a broad gene panel (NGS) looks for changes such as EGFR, ALK, ROS1, KRAS, BRAF, MET, RET, ERBB2 (HER2), NTRK and NRG1 that have matched medicines.';
    out.push({ id: 'no-biomarker-testing', text: `No biomarker (gene) test results were found in these records. ${why}` });
  } else if (periop && (!ctx.biomarkers.some((b) => b.gene === 'EGFR') || !ctx.biomarkers.some((b) => b.gene === 'ALK'))) {
    const genes = ['EGFR', 'ALK'].filter((g) => !ctx.biomarkers.some((b) => b.gene === g));
    out.push({ id: 'egfr-alk-not-found', text: `No ${genes.join(' or ')} result was found. For stage IB to III, EGFR and ALK results change the treatment choices around surgery or after chemoradiation.` });
  }
  if (driverEntries.length && !driverFound && advanced && !squamous) {
    const missingGenes = BROAD_PANEL_LABELS.filter(([, genes]) => !ctx.biomarkers.some((b) => genes.includes(b.gene))).map(([label]) => label);
    if (missingGenes.length) {
      const tested = [...new Set(driverEntries.map((b) => b.gene))];
      out.push({
        id: 'partial-panel',
        text: `Only some genes were reported (${joinAnd(tested)}). No results were found for ${joinAnd(missingGenes)}. A broad panel (NGS), including an RNA test for fusions, covers them.`,
      });
    }
  }
  const plasmaOnly = driverEntries.length > 0 && driverEntries.every((b) => b.specimen === 'plasma' && b.result === 'not detected');
  if (plasmaOnly) {
    out.push({ id: 'plasma-negative-only', text: 'Genes were tested only in a blood sample (liquid biopsy) and nothing was found. A negative blood test does not rule out a driver; a tissue test can check.' });
  }
  const pdl1 = ctx.biomarkers.some((b) => b.gene === 'PD-L1');
  if (!pdl1 && !early && !driverFound && !ctx.conflicted.genes.has('PD-L1')) {
    out.push({ id: 'no-pd-l1', text: 'No PD-L1 result was found. PD-L1 helps decide whether and how immunotherapy is used.' });
  }
  return out;
}

/** After a targeted drug stops working, a new biopsy or blood test looks for the reason. */
function retestAfterProgression(ctx: Context): Missing[] {
  const p = findProgression(ctx);
  if (!p.found) return [];
  const stopped = ctx.treatments.filter((t) => t.category === 'targeted therapy' && p.after.includes(t.name) && t.end);
  if (!stopped.length) return [];
  const lastEnd = Math.max(...stopped.map((t) => dayOf(t.end) ?? 0));
  const later = ctx.sources.some((s) => s.kind === 'molecular' && (dayOf(s.date) ?? -1) >= lastEnd - 31)
    || ctx.biomarkers.some((b) => (dayOf(b.date) ?? -1) >= lastEnd - 31);
  if (later) return [];
  return [{
    id: 'no-testing-after-progression',
    text: `No biomarker test from after ${joinAnd(stopped.map((t) => t.name))} stopped was found. A new biopsy or blood test can show why the cancer grew and which medicine could come next.`,
  }];
}

