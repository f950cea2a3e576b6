// Fills the few placeholders a rule text may use, so a question names the person's own facts:
// {EGFR} (any gene symbol: its detected results), {stage}, {histology}, {equivocal},
// {progressedOn}, {treatment:CATEGORY}, {missingGenes}.
import { BROAD_PANEL_LABELS } from './drivers.ts';
import { describe, describeBiomarker, joinAnd } from './because.ts';
import { findProgression } from './progression.ts';
import type { Context } from './types.ts';

export function fill(text: string, ctx: Context): string {
  return text.replace(/\{([A-Za-z0-9-]+)(?::([a-z -]+))?\}/g, (whole, key: string, arg?: string) => {
    const value = lookup(key, arg, ctx);
    return value ?? whole;
  });
}

function lookup(key: string, arg: string | undefined, ctx: Context): string | null {
  switch (key) {
    case 'stage': return describe({ kind: 'stage', stage: ctx.stage, field: 'group' });
    case 'histology': return describe({ kind: 'histology', diagnosis: ctx.diagnosis.ref });
    case 'equivocal':
      return joinAnd(ctx.biomarkers.filter((b) => b.result === 'equivocal')
        .map((b) => `${b.gene}${b.alteration ? ` ${b.alteration}` : ''}`)) || 'one';
    case 'progressedOn': return joinAnd(findProgression(ctx).after) || 'the last treatment';
    case 'treatment': {
      const names = ctx.treatments.filter((t) => t.category === arg).sort((a, b) => Number(a.end !== null) - Number(b.end !== null)).map((t) => t.name);
      return joinAnd([...new Set(names)]) || arg || null;
    }
    case 'missingGenes':
      return joinAnd(BROAD_PANEL_LABELS.filter(([, genes]) => !ctx.biomarkers.some((b) => genes.includes(b.gene))).map(([label]) => label));
    default: {
      if (key !== key.toUpperCase()) return null;
      const found = ctx.biomarkers.filter((b) => b.gene === key && b.result === 'detected');
      if (!found.length) return key;
      const alts = found.map((b) => b.alteration).filter((a): a is string => !!a && a !== 'expression');
      if (key === 'PD-L1') return describeBiomarker(found[0]);
      return alts.length ? `${key} ${joinAnd([...new Set(alts)])}` : key;
    }
  }
}
