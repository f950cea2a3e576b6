// Unresolved conflicts (two records disagree) are shown, never settled by the engine:
// each becomes a question for the care team and a `missing` item.
import type { Conflict } from '../contract/facts.ts';
import type { Missing, TailoredQuestion } from '../contract/guidance.ts';

const LABELS: [RegExp, string][] = [
  [/histology/i, 'the type of cancer'], [/cancertype/i, 'whether it is small cell or non-small cell'],
  [/stage\.t$/i, 'the T category'], [/stage\.n$/i, 'the lymph node (N) category'], [/stage\.m$/i, 'the M category'],
  [/^stage/i, 'the stage'], [/^biomarker/i, 'a biomarker result'], [/^treatment/i, 'a treatment'],
];

export function conflictLabel(field: string): string {
  const gene = /^biomarkers?[:.]\s*(.+)$/i.exec(field)?.[1];
  if (gene) return `the ${gene} result`;
  const drug = /^treatments?[:.]\s*(.+)$/i.exec(field)?.[1];
  if (drug) return `${drug}`;
  return LABELS.find(([re]) => re.test(field))?.[1] ?? field;
}

function valueLine(v: Conflict['values'][number]): string {
  const where = v.evidence.slice(0, 2).map((e) => `${e.file}, page ${e.page}`).join('; ');
  return where ? `${v.value} (${where})` : `${v.value} (in your records)`;
}

const open = (conflicts: Conflict[] | undefined) => (conflicts ?? []).filter((c) => !c.resolved);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function conflictQuestions(conflicts: Conflict[] | undefined): TailoredQuestion[] {
  return open(conflicts).map((c) => ({
    id: `conflict-${slug(c.field)}`,
    text: `My records disagree about ${conflictLabel(c.field)}: ${c.values.map((v) => `"${v.value}"`).join(' or ')}. Which one is right, and does it change my options?`,
    because: c.values.map(valueLine),
    topics: ['records'],
    priority: 97,
  }));
}

export function conflictMissing(conflicts: Conflict[] | undefined): Missing[] {
  return open(conflicts).map((c) => ({
    id: `conflict-${slug(c.field)}`,
    text: `Your records disagree about ${conflictLabel(c.field)} (${c.values.map(valueLine).join(' versus ')}). The guidance here does not use it until you or your care team settle which is right.`,
  }));
}
