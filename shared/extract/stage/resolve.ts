// Stage at diagnosis from stage mentions (of one record or of all of a person's records).
// Basis: pathologic when a pathologic stage (pT/pN, "pathologic stage") was written and
// nothing says therapy came before the resection (yp/yc stages, "after neoadjuvant");
// otherwise clinical. Mentions of the chosen basis weigh most, unprefixed ones next, the
// other basis least; a mention said to be the stage at diagnosis weighs more. Restaging,
// post-therapy and recurrence mentions never count. SCLC's limited/extensive, when written,
// is the group. `derivedGroup` is worked out from T, N and M by the edition's table and is
// never copied into `group`.
import type { Conflict, Evidence, Stage, StageGroup } from '../../contract/facts.ts';
import { deriveGroup } from './ajcc.ts';
import { choose, type Vote } from './choose.ts';
import type { StageMention } from './mentions.ts';

/** What merging needs of a mention: its values and cues, not the record's lines (records'
 * readings are stored, so they stay small and plain). */
export type StageReading = Omit<StageMention, 'line' | 'lines' | 'quote'>;

export interface SourcedMention {
  mention: StageReading;
  evidence: Evidence;
  /** position in reading order across records (earlier report first) */
  order: number;
  /** this record says therapy came before surgery (neoadjuvant) */
  neoadjuvant: boolean;
}

type Field = 'group' | 't' | 'n' | 'm';
const FIELDS: Field[] = ['group', 't', 'n', 'm'];

export function resolveStage(all: SourcedMention[], conflicts?: Conflict[]): Stage {
  const valid = all.filter((s) => !s.mention.excluded);
  const neoadjuvant = all.some((s) => s.neoadjuvant || s.mention.excluded === 'post-treatment');
  const pathologic = !neoadjuvant && valid.some((s) => s.mention.basis === 'pathologic');
  const basis: Stage['basis'] = pathologic ? 'pathologic' : valid.length ? 'clinical' : null;

  const weightOf = (s: SourcedMention): number => {
    const b = s.mention.basis;
    const base = b === basis ? 3 : b === null ? 2 : 1;
    return base + (s.mention.initial ? 2 : 0);
  };

  const picked: Record<Field, string | null> = { group: null, t: null, n: null, m: null };
  const support: SourcedMention[] = [];
  for (const field of FIELDS) {
    let pool = valid.filter((s) => s.mention[field]);
    if (field === 'group') {
      // SCLC's own staging, when written, is the group
      const sclc = pool.filter((s) => s.mention.group === 'limited' || s.mention.group === 'extensive');
      if (sclc.length) pool = sclc;
    }
    // "TX"/"NX"/"MX" (cannot be assessed) only stands when nothing else is written
    const votes: Vote[] = pool.map((s) => ({ value: s.mention[field]!, weight: /X$/.test(s.mention[field]!) ? 0.01 : weightOf(s), order: s.order }));
    const c = choose(votes);
    if (!c) continue;
    picked[field] = c.value;
    const backers = pool.filter((s) => s.mention[field] === c.value);
    support.push(...backers);
    if (conflicts && c.rivals.length) {
      conflicts.push({
        field: `stage.${field}`,
        values: [c.value, ...c.rivals].map((value) => ({
          value,
          evidence: pool.filter((s) => s.mention[field] === value).map((s) => s.evidence).slice(0, 3),
        })),
        chosen: c.value,
      });
    }
  }
  const edition = valid.some((s) => s.mention.edition === 9) ? 9 : 8;
  const derived = deriveGroup(picked.t, picked.n, picked.m, edition);
  const evidence = dedupe(support.map((s) => s.evidence)).slice(0, 6);
  const needsCheck = evidence.length > 0 && evidence.every((e) => e.source === 'ocr');
  const stage: Stage = {
    group: picked.group as StageGroup | null,
    t: picked.t,
    n: picked.n,
    m: picked.m,
    basis: picked.group || picked.t || picked.n || picked.m ? basis : null,
  };
  if (derived) Object.assign(stage, { derivedGroup: derived, edition });
  if (evidence.length) stage.evidence = evidence;
  if (needsCheck) stage.needsCheck = true;
  return stage;
}

function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.file}|${e.page}|${e.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
