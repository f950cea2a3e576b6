// What a backup holds and what restoring did, in plain sentences.
import type { BackupSummary, RestoreReport } from '../../store/backup-data.ts';

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function describeSummary(s: BackupSummary): string[] {
  const made = new Date(s.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  const parts = [
    `${n(s.records, 'record', 'records')}${s.samples ? ` (${s.samples} of them ${s.samples === 1 ? 'a sample' : 'samples'})` : ''}`,
    n(s.corrections, 'fact you corrected or turned down', 'facts you corrected or turned down'),
    n(s.confirmed, 'fact you confirmed', 'facts you confirmed'),
    n(s.additions, 'fact you added', 'facts you added'),
    n(s.ownQuestions, 'question of your own', 'questions of your own'),
  ];
  return [`This backup was saved on ${made}. It holds:`, `${parts.join(', ')}${s.notes ? ', and your appointment details' : ''}.`];
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
