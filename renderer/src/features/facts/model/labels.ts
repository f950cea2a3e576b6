// Facts in plain words, for people who are not clinicians. Codes stay visible next to the
// words (people see them in their records and at the clinic), but never alone.
import type { Biomarker, Diagnosis, Stage, Treatment } from '../../../../../shared/contract/facts.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2025-03-02 → 2 March 2025; 2025-03 → March 2025 (day-month order avoids US/UK confusion) */
export function plainDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

export function cancerTypeLabel(t: Diagnosis['cancerType']): string {
  if (t === 'NSCLC') return 'Non-small cell lung cancer (NSCLC)';
  if (t === 'SCLC') return 'Small cell lung cancer (SCLC)';
  return 'Type not stated';
}

export const capitalise = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

export function diagnosisLabel(d: Diagnosis): string {
  if (d.histology) return capitalise(d.histology);
  return d.cancerType ? cancerTypeLabel(d.cancerType) : 'Type of lung cancer not stated';
}

export function stageLabel(s: Stage): string {
  const tnm = [s.t, s.n, s.m].filter(Boolean).join(' ');
  const group = s.group ? (s.group === 'limited' || s.group === 'extensive' ? `${capitalise(s.group)} stage` : `Stage ${s.group}`) : null;
  const derived = !s.group && s.derivedGroup ? `Stage ${s.derivedGroup} (worked out from ${tnm})` : null;
  return [group ?? derived, tnm && !derived ? tnm : null].filter(Boolean).join(' · ') || 'Stage not stated';
}

export function stageBasis(s: Stage): string | null {
  if (s.basis === 'clinical') return 'Clinical stage: from scans and biopsies';
  if (s.basis === 'pathologic') return 'Pathologic stage: from surgery';
  return null;
}

export const RESULT_WORDS: Record<Biomarker['result'], string> = { detected: 'Found', 'not detected': 'Not found', equivocal: 'Unclear result' };

/** the result in the words reports use for it: levels are "measured", MSI is "stable" or "high" */
export function resultWords(b: Pick<Biomarker, 'gene' | 'result'>): string {
  const gene = b.gene.toUpperCase();
  if (b.result === 'equivocal') return RESULT_WORDS.equivocal;
  if (gene === 'TMB') return 'Measured';
  if (gene === 'MSI') return b.result === 'detected' ? 'High (MSI-H)' : 'Stable (MSS)';
  if (gene === 'PD-L1') return b.result === 'detected' ? 'Positive (1% or more)' : 'Negative (below 1%)';
  return RESULT_WORDS[b.result];
}

export function biomarkerValue(b: Biomarker): string {
  if (b.value === null || b.value === undefined) return '';
  if (b.gene.toUpperCase() === 'TMB') return `${b.value} ${b.unit === 'mut/Mb' || !b.unit ? 'mutations per megabase' : b.unit}`;
  return `${b.value}${b.unit === '%' || (!b.unit && b.gene.toUpperCase() === 'PD-L1') ? '%' : b.unit ? ` ${b.unit}` : ''}`;
}

export function biomarkerLabel(b: Biomarker): string {
  const alteration = b.alteration && !['expression', 'tmb'].includes(b.alteration.toLowerCase()) ? b.alteration : '';
  const value = biomarkerValue(b);
  return [b.gene, alteration].filter(Boolean).join(' ') + (value ? `: ${value}` : '');
}

export function treatmentLabel(t: Treatment): string {
  return capitalise(t.name);
}

export function treatmentDates(t: Treatment): string {
  if (!t.start && !t.end) return 'Dates not stated';
  if (t.start && !t.end) return `From ${plainDate(t.start)} (ongoing, or end not stated)`;
  if (!t.start) return `Until ${plainDate(t.end)}`;
  return `${plainDate(t.start)} to ${plainDate(t.end)}`;
}

export const END_REASON_WORDS: Record<string, string> = { completed: 'completed', progression: 'stopped: the cancer grew', toxicity: 'stopped: side effects', other: 'stopped' };
