// The stage group a condition sees: the written group, else the group derived from T/N/M,
// else stage IV read from a written M1 category.
import type { Stage } from '../contract/facts.ts';

export function effectiveGroup(stage: Stage): string | null {
  if (stage.group) return stage.group;
  if (stage.derivedGroup) return stage.derivedGroup;
  const m = (stage.m ?? '').toUpperCase();
  if (/^M1[AB]/.test(m)) return 'IVA';
  if (/^M1C/.test(m)) return 'IVB';
  if (/^M1/.test(m)) return 'IV';
  return null;
}

export function stageKnown(stage: Stage): boolean {
  return Boolean(stage.group || stage.derivedGroup || stage.t || stage.n || stage.m);
}

export function isStageIV(stage: Stage): boolean {
  const g = effectiveGroup(stage);
  return g !== null && (g.startsWith('IV') || g === 'extensive');
}
