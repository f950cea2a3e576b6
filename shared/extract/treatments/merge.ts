// All of a person's records → one list of treatments, one per name. Start is the earliest
// date any record gives (as precise as it gives it), end the latest; a later record saying
// the treatment continues clears the end. A firm plan counts; a hedged one ("pending
// insurance") only when another record shows the treatment given. Concurrent
// chemoradiation is `chemoradiation` plus its drugs, so a plain "radiation therapy" that is
// the same course (or an SBRT course) is not listed again; PCI, whole-brain, radiosurgery and
// palliative courses are.
import type { Conflict, Evidence, Treatment } from '../../contract/facts.ts';
import type { DocumentFacts } from '../index.ts';
import type { FoundTreatment } from './find.ts';
import { earlier, later } from './dates.ts';
import { isTypedRadiation } from './procedures.ts';

/** Whether date `a` is on or up to `days` before `b` (month-only dates count from the 1st). */
function withinDays(a: string, b: string, days: number): boolean {
  const t = (d: string) => Date.parse(d.length === 7 ? `${d}-01` : d);
  const diff = t(b) - t(a);
  return diff >= -31 * 864e5 && diff <= days * 864e5;
}

export function mergeTreatments(docs: DocumentFacts[], _conflicts: Conflict[]): Treatment[] {
  const all: FoundTreatment[] = docs.flatMap((d) => d.treatments as FoundTreatment[]);
  const names: string[] = [];
  for (const t of all) if (!names.includes(t.name)) names.push(t.name);
  const hasChemoRT = all.some((t) => t.name === 'chemoradiation' && t.status !== 'hedged');
  const hasSbrt = all.some((t) => t.name === 'stereotactic body radiation therapy' && t.status !== 'hedged');
  const out: Treatment[] = [];
  for (const name of names) {
    let list = all.filter((t) => t.name === name);
    if (!list.some((t) => t.status !== 'hedged')) continue;
    list = list.filter((t) => t.status !== 'hedged');
    if (name === 'radiation therapy' && (hasChemoRT || hasSbrt)) {
      list = list.filter((t) => (t.evidence ?? []).some((e) => isTypedRadiation(e.quote)));
      if (!list.length) continue;
    }
    const given = list.filter((t) => t.status !== 'planned');
    let start: string | null = null;
    for (const t of given) start = earlier(start, t.start);
    // a plan's start date stands when no record dates the treatment itself, or when it is the
    // same month or shortly before the first dated dose (the plan was kept)
    for (const t of list) if (t.status === 'planned' && t.start && (!start || withinDays(t.start, start, 62))) start = earlier(start, t.start);
    let end: string | null = null;
    let endReason: Treatment['endReason'] = null;
    for (const t of given) if (t.end && later(end, t.end) === t.end) { end = t.end; endReason = t.endReason ?? endReason; }
    const evidence: Evidence[] = [];
    for (const t of [...given, ...list]) for (const e of t.evidence ?? []) if (evidence.length < 6 && !evidence.includes(e)) evidence.push(e);
    const first = list[0]!;
    const t: Treatment = { name, category: first.category, start, end, ...(endReason ? { endReason } : {}), evidence };
    if (evidence.some((e) => e.source === 'ocr')) t.needsCheck = true;
    out.push(t);
  }
  return out;
}
