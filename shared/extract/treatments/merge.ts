// All of a person's records → one list of treatments, one per name. Start is the earliest
// date any record gives (as precise as it gives it), end the latest, and a record dated after
// that end which says the treatment goes on clears it. Hedged plans never leave their record;
// a firm plan arrives like a given treatment. Concurrent chemoradiation is `chemoradiation`
// plus its drugs, so a plain "radiation therapy" that is the same course (or an SBRT course)
// is not listed again; PCI, whole-brain, radiosurgery and palliative courses are.
import type { Conflict, Evidence, Treatment } from '../../contract/facts.ts';
import type { DocumentFacts } from '../index.ts';
import { earlier, later } from './dates.ts';
import { isTypedRadiation } from './procedures.ts';

const ONGOING = /\b(?:currently\s+(?:on|receiving|taking)|continues?|continuing|remains?\s+on|ongoing|resumed|tolerating)\b/i;

export function mergeTreatments(docs: DocumentFacts[], _conflicts: Conflict[]): Treatment[] {
  const all: Treatment[] = docs.flatMap((d) => d.treatments);
  const names: string[] = [];
  for (const t of all) if (!names.includes(t.name)) names.push(t.name);
  const sameCourse = all.some((t) => t.name === 'chemoradiation' || t.name === 'stereotactic body radiation therapy');
  const out: Treatment[] = [];
  for (const name of names) {
    let list = all.filter((t) => t.name === name);
    if (name === 'radiation therapy' && sameCourse) {
      list = list.filter((t) => (t.evidence ?? []).some((e) => isTypedRadiation(e.quote)));
      if (!list.length) continue;
    }
    let start: string | null = null;
    let end: string | null = null;
    let endReason: Treatment['endReason'] = null;
    for (const t of list) {
      start = earlier(start, t.start);
      if (t.end && later(end, t.end) === t.end) { end = t.end; endReason = t.endReason ?? endReason; }
    }
    const evidence: Evidence[] = [];
    for (const t of list) for (const e of t.evidence ?? []) if (evidence.length < 6 && !evidence.includes(e)) evidence.push(e);
    if (end && list.some((t) => !t.end && (t.evidence ?? []).some((e) => e.date && e.date > end! && ONGOING.test(e.quote)))) { end = null; endReason = null; }
    const t: Treatment = { name, category: list[0]!.category, start, end, ...(endReason ? { endReason } : {}), evidence };
    if (evidence.some((e) => e.source === 'ocr')) t.needsCheck = true;
    out.push(t);
  }
  return out;
}
