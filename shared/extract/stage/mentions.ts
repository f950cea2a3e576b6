// Stage mentions in one record: stage groups ("stage IIIA", "stage 3A", "limited-stage"),
// T/N/M runs ("cT2aN2M0", "pT1b pN0 (0/15) cM0", "T3 N2 M1c") and prefixed single categories
// ("pN2b"), each with the cues that decide whether it is the stage at diagnosis:
// post-neoadjuvant (yp/yc) and recurrence (r) prefixes, restaging words ("now", "restaged",
// "progression"), other kinds of staging (kidney disease, pressure injuries, bills), and
// sections that only describe tests, trials or other people.
import type { StageGroup } from '../../contract/facts.ts';
import type { CtxLine, DocContext } from '../context.ts';
import { flowText } from '../document/flow.ts';
import { isContextSection } from '../document/sections.ts';
import { clauseAround, cuesFor } from '../text/cues.ts';
import { documentSite, isLungMention } from '../text/site.ts';
import vocab from '../vocab/stage.json' with { type: 'json' };
import { GROUP, GROUP_AFTER_TNM, GROUP_BEFORE_CANCER, M_ALONE, SCLC_GROUP, TNM_LABELLED, TNM_SEQUENCE, TNM_SINGLE, groupValue, mValue, nValue, prefixOf, readGroup, readTnm, sclcGroupOf, tValue } from './parse.ts';

export interface StageMention {
  group: StageGroup | null;
  t: string | null;
  n: string | null;
  m: string | null;
  basis: 'clinical' | 'pathologic' | null;
  edition: 8 | 9 | null;
  /** why it is not the stage at diagnosis, or null */
  excluded: string | null;
  /** said to be the stage at diagnosis ("originally", "at diagnosis") */
  initial: boolean;
  line: CtxLine;
  lines: CtxLine[];
  quote: string;
  /** offset in the record's flowing text */
  at: number;
}

const NOT_CANCER = new RegExp(vocab.notCancer, 'i');
const CANCER = new RegExp(vocab.cancerContext, 'i');
const RESTAGING = new RegExp(vocab.restaging, 'i');
const POST_TREATMENT = new RegExp(vocab.postTreatment, 'i');
const INITIAL = new RegExp(vocab.initial, 'i');
const NOT_THIS_PATIENT = new RegExp(vocab.notThisPatient, 'i');
const ED9 = new RegExp(vocab.edition9, 'i');
const ED8 = new RegExp(vocab.edition8, 'i');
const STAGING_WORDS = /stag|TNM|AJCC|UICC|tumou?r|node|nodal|metasta|primary|\((?:p|c|y)?[TNM]\)|[cp][TNM][0-4]/i;
const RANGE_AFTER = /^\s?(?:-|–|to|through|or|\/)\s?(?:stage\s*)?(?:IV|I{1,3}|[1-4])(?![A-Za-z0-9])/i;
const IGNORED_SECTIONS = new Set(['family', 'social', 'medications', 'allergies', 'vus', 'genes', 'methods', 'trials', 'therapies', 'references']);

function editionNear(text: string, at: number, docEdition: 8 | 9 | null): 8 | 9 | null {
  const window = text.slice(Math.max(0, at - 120), at + 120);
  if (ED9.test(window)) return 9;
  if (ED8.test(window)) return 8;
  return docEdition;
}

function basisOf(prefixes: string[], before: string): 'clinical' | 'pathologic' | null {
  const p = prefixes.filter((x) => x === 'p').length;
  const c = prefixes.filter((x) => x === 'c').length;
  // T and N carry the basis; "pT1b pN0 cM0" is pathologic
  if (prefixes[0] === 'p' || prefixes[1] === 'p' || (p && p >= c)) return 'pathologic';
  if (c) return 'clinical';
  if (/pathologic(?:al)?\s+(?:stage|staging)|\bpTNM\b|\bsurgical\s+stage/i.test(before)) return 'pathologic';
  if (/clinical(?:ly)?\s+(?:stage|staging|staged)|\bcTNM\b/i.test(before)) return 'clinical';
  return null;
}

export function stageMentions(ctx: DocContext): StageMention[] {
  const flow = flowText(ctx.lines);
  const text = flow.text;
  const docEdition: 8 | 9 | null = ED9.test(text) ? 9 : ED8.test(text) ? 8 : null;
  const docIsCancer = ctx.kind !== 'other' || CANCER.test(text);
  const docSite = documentSite(text);
  const out: StageMention[] = [];
  const taken: boolean[] = [];

  // another organ's cancer ("T3 N2c M0 ... head and neck"), or a record with no lung cancer in it
  const otherCancer = (start: number, end: number): boolean => !isLungMention(text, start, end, docSite);

  const push = (start: number, end: number, fields: Omit<StageMention, 'line' | 'lines' | 'quote' | 'at' | 'excluded' | 'initial' | 'edition'>, prefixes: string[]) => {
    for (let i = start; i < end; i++) taken[i] = true;
    const line = flow.lineAt(start);
    const lines = flow.linesIn(start, end);
    const [from] = clauseAround(text, start, end);
    // the words before it in its clause, and on its line up to a colon ("Restaged after
    // progression: now stage IVB"), with the mention's own first word ("now stage")
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lead = text.slice(Math.max(lineStart, start - 100), start);
    const sentenceStart = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('; '));
    const own = sentenceStart >= 0 ? lead.slice(sentenceStart + 2) : lead;
    const clauseBefore = text.slice(Math.max(from, start - 100), start);
    const before = `${own.length > clauseBefore.length ? own : clauseBefore}${text.slice(start, end)}`;
    let excluded: string | null = null;
    if (prefixes.some((p) => p.startsWith('y'))) excluded = 'post-treatment';
    else if (prefixes.some((p) => p === 'r')) excluded = 'recurrence';
    else if (IGNORED_SECTIONS.has(line.section ?? '') || (isContextSection(line.section) && ctx.kind === 'molecular')) excluded = 'section';
    else if (POST_TREATMENT.test(before)) excluded = 'post-treatment';
    else if (otherCancer(start, end)) excluded = 'other cancer';
    else if (RESTAGING.test(before)) excluded = 'restaging';
    out.push({ ...fields, basis: fields.basis, edition: editionNear(text, start, docEdition), excluded, initial: INITIAL.test(before), line, lines, quote: lines.map((l) => l.text).join(' '), at: start });
    return out[out.length - 1]!;
  };

  // T/N/M runs first: they are the most exact
  for (const m of text.matchAll(TNM_SEQUENCE)) {
    const tnm = readTnm(m);
    const start = m.index!;
    // a T alone is read below as a single prefixed category; unprefixed it is an MRI
    // sequence ("T2/FLAIR"), a rate plan or a vertebra, never a stage
    if (!tnm.n && !tnm.m) continue;
    const before = text.slice(Math.max(0, start - 100), start);
    const seq = push(start, start + m[0].length, { group: null, t: tnm.t, n: tnm.n, m: tnm.m, basis: basisOf(tnm.prefixes, before) }, tnm.prefixes);
    // a group written straight after, without the word stage: "T2aN2M0, IIIA", "T4 N3 M0 = IIIC"
    const g = tnm.n ? GROUP_AFTER_TNM.exec(text.slice(start + m[0].length, start + m[0].length + 12)) : null;
    const group = g && (g[1] !== 'I' || g[2]) ? groupValue(g[1]!, g[2], g[3]) : null;
    if (group) out.push({ ...seq, group, t: null, n: null, m: null, at: start + m[0].length });
  }
  for (const m of text.matchAll(TNM_SINGLE)) {
    const start = m.index!;
    if (taken[start]) continue;
    const prefix = prefixOf(m[1]);
    const cat = m[2]!;
    const v = m[3]!;
    // a lone token made of letters that only look like digits ("PTO", "CNI") or with a capital
    // prefix ("PT1" is also physical therapy) needs staging words close by
    const lookalike = /^[OoIil|!]/.test(v) || /^[A-Z]/.test(m[1]!);
    if (lookalike && !STAGING_WORDS.test(text.slice(Math.max(0, start - 50), start + m[0].length + 30))) continue;
    const value = cat === 'T' ? tValue(v) : cat === 'N' ? nValue(v) : mValue(v);
    if (cat === 'M' && !/^M(?:[01X]|1[abc][12]?)$/.test(value)) continue;
    if (cat === 'N' && !/^N(?:[0-3X]|[12][ab])$/.test(value)) continue;
    push(start, start + m[0].length, { group: null, t: cat === 'T' ? value : null, n: cat === 'N' ? value : null, m: cat === 'M' ? value : null, basis: prefix === 'p' ? 'pathologic' : prefix === 'c' ? 'clinical' : null }, [prefix]);
  }

  for (const m of text.matchAll(TNM_LABELLED)) {
    const start = m.index!;
    const end = start + m[0].length;
    // already read as a prefixed category ("Primary tumor (pT): pT2a")
    if (taken.slice(start, end).some(Boolean)) continue;
    const prefix = prefixOf(m[1]);
    const cat = m[2]!.toUpperCase();
    const value = cat === 'T' ? tValue(m[3]!) : cat === 'N' ? nValue(m[3]!) : mValue(m[3]!);
    if (!/^(?:T(?:is|X|[0-4][abc]?|1mi)|N(?:[0-3X]|[12][ab])|M(?:[01X]|1[abc][12]?))$/.test(value)) continue;
    push(start, end, { group: null, t: cat === 'T' ? value : null, n: cat === 'N' ? value : null, m: cat === 'M' ? value : null, basis: prefix === 'p' ? 'pathologic' : prefix === 'c' ? 'clinical' : null }, [prefix]);
  }

  for (const m of text.matchAll(GROUP)) {
    const start = m.index!;
    const end = start + m[0].length;
    const group = readGroup(m);
    if (!group) continue;
    // "stage IB-IIIA" is a range from a guideline or a trial, not this person's stage
    if (RANGE_AFTER.test(text.slice(end))) continue;
    // "CKD stage 3", "stage 2 pressure injury", "Stage 2 drought surcharge"
    const [from, to] = clauseAround(text, start, end);
    const clause = text.slice(Math.max(from, start - 60), Math.min(to, end + 40));
    if (NOT_CANCER.test(clause.replace(m[0], ' '))) continue;
    // "No stage IV disease", "reflex testing criteria: stage IV disease", "STAGE IV STATUS"
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const lead = text.slice(Math.max(lineStart, start - 80), start);
    if (NOT_THIS_PATIENT.test(`${lead} ${clause.replace(m[0], ' ')}`) || cuesFor(text, start, end, { scope: 'phrase' }).negated) continue;
    // a bare "stage II" needs a cancer word close by, or a clinical record about a cancer
    const wide = text.slice(Math.max(0, start - 200), Math.min(text.length, end + 200));
    if (!CANCER.test(wide) && (!docIsCancer || ctx.kind === 'other')) continue;
    const before = text.slice(Math.max(0, start - 60), end);
    const mention = push(start, end, { group, t: null, n: null, m: null, basis: basisOf([], before) }, []);
    // "stage IV (M1c: liver, bone)", "Stage: IV; M1b": an M category right after the group
    const alone = M_ALONE.exec(text.slice(end, end + 12));
    if (alone && !taken[end + alone[0].length - 1]) {
      out.push({ ...mention, m: mValue(alone[1]!), group: null, at: end + 1 });
    }
  }
  // "IIIA NSCLC", "IV lung adenocarcinoma": a group right before the cancer it stages
  for (const m of text.matchAll(GROUP_BEFORE_CANCER)) {
    const start = m.index!;
    if (taken[start] || (m[1] === 'I' && !m[2])) continue;
    // "grade II adenocarcinoma", "type I", "phase III": other numbered things
    if (/\b(?:grade|gr|G|type|class|level|phase|tier|cycle|part|section|figure|table|station|zone|WHO|FIGO|nuclear)\s*[:.]?\s*$/i.test(text.slice(Math.max(0, start - 16), start))) continue;
    const group = groupValue(m[1]!, m[2], m[3]);
    if (group) push(start, start + m[0].trimEnd().length, { group, t: null, n: null, m: null, basis: null }, []);
  }
  for (const m of text.matchAll(SCLC_GROUP)) {
    const start = m.index!;
    const end = start + m[0].length;
    // "extensive disease" is SCLC staging only when small cell is named close by
    if (/disease/i.test(m[0]) && !/small[\s-]*cell|SCLC/i.test(text.slice(Math.max(0, start - 80), end + 80))) continue;
    push(start, end, { group: sclcGroupOf(m), t: null, n: null, m: null, basis: 'clinical' }, []);
  }
  return out.sort((a, b) => a.at - b.at);
}
