// A small profile with something in every table (two records, page text, a correction, a
// confirmation, an added fact, question states, a personal and a plain setting), for the
// backup and "delete everything" tests. Every word a reader of the disk must not find starts
// SECRET- (or is a record word such as "Northfield").
import { createHash } from 'node:crypto';
import { createRecord, saveDocument } from '../../../renderer/src/store/records.ts';
import { setReview } from '../../../renderer/src/store/reviews.ts';
import { addFact } from '../../../renderer/src/store/additions.ts';
import { saveQuestionStates } from '../../../renderer/src/store/questions.ts';
import { setPersonalSetting, setPlainSetting } from '../../../renderer/src/store/settings.ts';
import { textDocument } from './fake-api.ts';

export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const fileA = new TextEncoder().encode('%PDF-1.4 Northfield pathology: adenocarcinoma SECRET-A');
export const fileB = new TextEncoder().encode('%PDF-1.4 Genomics laboratory: EGFR exon 19 SECRET-B');

export async function fillProfile(): Promise<{ a: string; b: string }> {
  const a = await createRecord({ name: 'report-a.pdf', bytes: fileA, sha256: sha(fileA) });
  await saveDocument(a, { ...textDocument('report-a.pdf', fileA, ['Northfield pathology: adenocarcinoma SECRET-A']), sha256: sha(fileA) }, 'done', { pageCount: 1 });
  const b = await createRecord({ name: 'report-b.pdf', bytes: fileB, sha256: sha(fileB), sample: true });
  await setReview('diagnosis', { status: 'corrected', value: { histology: 'SECRET-CORRECTION' } });
  await setReview('stage', { status: 'confirmed' });
  await addFact({ kind: 'treatment', fact: { name: 'SECRET-DRUG', category: 'other', start: null, end: null } });
  await saveQuestionStates([{ id: 'o:1', own: true, text: 'SECRET-QUESTION', done: true, removed: false }, { id: 's:rule', own: false, done: false, removed: true }]);
  await setPersonalSetting('careTeam', 'SECRET-TEAM');
  await setPlainSetting('textSize', 200);
  return { a, b };
}
