// What a backup holds and what restoring did, in plain sentences.
import type { BackupSummary, RestoreReport } from '../../store/backup-data.ts';

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A sentence saying when the backup was saved, and what it holds (nothing listed that it does not hold). */
export function describeSummary(s: BackupSummary): { intro: string; items: string[] } {
  const made = new Date(s.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  const samples = !s.samples ? '' : s.samples === s.records ? ` (all of them made-up samples)` : ` (${s.samples} of them made-up ${s.samples === 1 ? 'sample' : 'samples'})`;
  const items = [
    `${n(s.records, 'record', 'records')}${samples}`,
    s.corrections ? n(s.corrections, 'fact you corrected or turned down', 'facts you corrected or turned down') : '',
    s.confirmed ? n(s.confirmed, 'fact you confirmed', 'facts you confirmed') : '',
    s.additions ? n(s.additions, 'fact you added yourself', 'facts you added yourself') : '',
    s.ownQuestions ? n(s.ownQuestions, 'question of your own', 'questions of your own') : '',
    s.notes ? 'your appointment details and notes' : '',
  ].filter(Boolean);
  return { intro: `This backup was saved on ${made}. It holds:`, items };
}

export function describeReport(r: RestoreReport): string[] {
  const added = [
    n(r.recordsAdded, 'record', 'records'),
    n(r.reviewsAdded, 'checked or corrected fact', 'checked or corrected facts'),
    n(r.additionsAdded, 'fact you added', 'facts you added'),
    n(r.questionsAdded, 'item of your appointment list', 'items of your appointment list'),
  ];
  const out = [`Restored: ${added.join(', ')}${r.settingsFilled ? ', and your appointment details' : ''}.`];
  if (r.recordsKept) out.push(`${n(r.recordsKept, 'record was', 'records were')} already here and stayed as ${r.recordsKept === 1 ? 'it was' : 'they were'}.`);
  if (r.reviewsKept) out.push(`For ${n(r.reviewsKept, 'fact', 'facts')}, your choice on this computer was kept.`);
  const other = r.additionsKept + r.questionsKept;
  if (other) out.push(`${n(other, 'other item was', 'other items were')} already here and stayed as ${other === 1 ? 'it was' : 'they were'}.`);
  if (r.toRead.length) out.push(`${n(r.toRead.length, 'record is', 'records are')} being read now.`);
  return out;
}
