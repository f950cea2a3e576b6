// One record → the anticancer treatments it says were given (or firmly planned), each with
// start and end dates as precise as the clause gives them and the words it was read from.
// Molecular reports name drugs only as therapy associations and trial listings, so they
// give no treatments; supportive medicines are dropped.
import type { Treatment } from '../../contract/facts.ts';
import { evidenceOf, type DocContext } from '../context.ts';
import { statementsOf, clausesOf, linesIn } from '../biomarkers/lines.ts';
import { zonesOf, isBoilerplateLine } from '../biomarkers/zones.ts';
import { findGenes } from '../biomarkers/genes.ts';
import { isOtherCancerRecord } from '../biomarkers/other-cancer.ts';
import { findDrugNames, inDrugContext, categoryOfDrug } from './lexicon.ts';
import { findProcedures, type ProcKind } from './procedures.ts';
import { statusOf, phraseEnd } from './status.ts';
import { datesFor } from './timing.ts';
import { findDates } from './dates.ts';


const MOLECULAR_MARKS = [
  /\bVAF\b|variant\s+allele/i, /genomic\s+findings|biomarker\s+findings|alteration\s+details/i, /approved\s+therapies|associated\s+FDA/i,
  /genes\s+assayed|gene\s+list/i, /\bcf-?DNA\b|ct-?DNA|liquid\s+biopsy/i, /fusion\s+panel|mutation\s+analysis|in\s+situ\s+hybridi[sz]ation|\bFISH\b/i,
  /limit\s+of\s+detection|analytical\s+sensitivity/i, /molecular\s+(?:pathology|diagnostics|oncology)|genomic\s+profiling|cytogenetics/i,
  /^\s*gene\s+(?:alteration|result|variant|protein)/im, /^\s*clinical\s+trials\b/im,
];
// a result row that names its drugs ("BRAF V600E  dabrafenib + trametinib"): a therapy association
const THERAPY_ROW = /\b(?:[A-Z][A-Z0-9]{2,6})\b[^.;]{0,40}?(?:\bp\.?\s?[A-Z][a-z]{0,2}\d|\b[A-Z]\d{2,4}[A-Z]\b|\bexon\s?\d{1,2}|\bfusion\b|\bamplification\b|\brearrangement\b)/;
const TREATMENT_SECTIONS: ReadonlySet<string> = new Set(['vus', 'genes', 'trials', 'therapies', 'references', 'family', 'pmh', 'medications', 'allergies', 'plan']);
const DECLINED = /\b(?:declined|declines|refused|refuses|deferred|preferred\s+(?:observation|surveillance|not|to\s+(?:wait|defer|decline))|opted\s+(?:for\s+(?:observation|surveillance|hospice|comfort)|against|not)|chose\s+(?:observation|surveillance|hospice|not)|elected\s+(?:observation|surveillance|hospice|comfort|not|to\s+(?:forgo|defer|decline)))\b/i;
const CONCURRENT = /\b(?:concurren\w*|concomitant\w*|simultaneous\w*|chemo-?sensiti[sz]\w*)\b/i;
const RADIATION_DETAIL = /\d|\b(?:therapy|treatment|received|completed|underwent|s\/p|started|course|fractions?|to\s+the|to\s+[A-Z]|chest|brain|bone|lung|mediastin\w*|thoracic|definitive|palliative|adjuvant|consolidat\w*|concurrent|IMRT|SBRT)\b/i;
const GIVEN_WORD = /\b(?:on|started|received|receiving|currently|continue[sd]?|since|C\d+\s?D\d+|cycle|completed|given|s\/p|progressed)\b/i;
// "durvalumab or pembrolizumab": one of two, not yet chosen ("and/or" joins, it does not choose)
const OR_BETWEEN = /^\s*(?:\([^)]{0,40}\))?\s*,?\s*or\s*$/i;
const NOTE_MARKS = /\b(?:history\s+of\s+present\s+illness|interval\s+history|assessment|plan|hospital\s+course|physical\s+exam|chief\s+complaint|dear\s+dr)\b/i;

/** A molecular or cytogenetics report: its drug names are therapy associations, not treatments. */
export function isMolecularReport(ctx: DocContext): boolean {
  if (ctx.kind !== 'molecular' && ctx.kind !== 'other') return false;
  const text = ctx.lines.map((l) => l.text).join('\n');
  if (NOTE_MARKS.test(text)) return false;
  const marks = MOLECULAR_MARKS.filter((re) => re.test(text)).length;
  // the analyser's kind counts as one sign, never alone
  return marks + (ctx.kind === 'molecular' ? 1 : 0) >= 2;
}

// Only facts/1 members leave a record: its facts cross the process boundary through the
// contract's schema, which keeps nothing else. So a hedged plan ("pending insurance") is
// dropped here; if another record shows the drug given, that record brings it.
export function findTreatments(ctx: DocContext): Treatment[] {
  if (isMolecularReport(ctx) || isOtherCancerRecord(ctx.lines)) return [];
  // a radiation summary's "Technique" is how the course was given, not test methods: the analyser's methods section is not honoured here
  const zones = zonesOf(ctx.lines, TREATMENT_SECTIONS);
  const out: Treatment[] = [];
  const keep = (l: { text: string }) => !isBoilerplateLine(l.text);
  for (const st of statementsOf(ctx.lines, keep)) {
    for (const c of clausesOf(st)) {
      const zone = zones[linesIn(st, c.from, c.from + 1)[0]!.index] ?? null;
      const drugs = findDrugNames(c.text);
      const mentions: { names: string[]; category: Treatment['category']; kind: ProcKind | 'drug'; start: number; end: number }[] = [];
      for (const d of drugs) {
        if (d.category === 'supportive') continue;
        if (d.needsContext && !inDrugContext(c.text, d, drugs)) continue;
        if (d.needsContext && d.generics.length > 1 && /^(?:CT|CP|PC|TC)$/.test(d.written) && !/^\s*(?:x\s?\d|×\s?\d|regimen|chemo|cycles?)/i.test(c.text.slice(d.end, d.end + 12))) continue;
        mentions.push({ names: d.generics, category: d.category as Treatment['category'], kind: 'drug', start: d.start, end: d.end });
      }
      for (const p of findProcedures(c.text)) {
        // a bare "Radiation." (a form column, a heading) says nothing about a course given
        if (p.kind === 'radiation' && !RADIATION_DETAIL.test(c.text.replace(p.written, ''))) continue;
        mentions.push({ names: [p.name], category: p.category, kind: p.kind, start: p.start, end: p.end });
      }
      const therapyRow = therapyRowAt(c.text);
      // radiation given at the same time as chemotherapy is chemoradiation ("60 Gy concurrent with weekly carboplatin")
      if (CONCURRENT.test(c.text) && mentions.some((m) => m.kind === 'drug' && m.category === 'chemotherapy') && !mentions.some((m) => m.kind === 'chemoradiation')) {
        const rad = mentions.find((m) => m.kind === 'radiation');
        if (rad) { rad.kind = 'chemoradiation'; rad.names = ['chemoradiation']; }
      }
      const ordered = [...mentions].sort((a, b) => a.start - b.start);
      for (const m of mentions) {
        if (m.kind === 'drug' && therapyRow !== null && therapyRow < m.start && !GIVEN_WORD.test(c.text)) continue;
        const choice = m.kind === 'drug' && mentions.some((o) => o !== m && o.kind === 'drug' && OR_BETWEEN.test(o.start > m.end ? c.text.slice(m.end, o.start) : c.text.slice(o.end, m.start)));
        const scopeEnd = nextItem(c.text, ordered, m);
        let status = statusOf(c.text, m.start, m.end, zone, { lead: sentenceBefore(st.text, c.from), choice, scopeEnd });
        // "Adjuvant osimertinib was recommended; she preferred observation": a plan turned down later in the sentence
        if ((status === 'planned' || status === 'hedged') && DECLINED.test(st.text.slice(c.from + m.end, scopeEnd === undefined ? undefined : c.from + scopeEnd))) status = 'excluded';
        if (status === 'excluded' || status === 'hedged') continue;
        const lines = linesIn(st, c.from + m.start, c.from + m.end);
        const evidence = evidenceOf(ctx, lines[0]!, undefined, lines.slice(1));
        // a run-on sentence's dates belong to the phrase they sit in ("... x2 cycles (first cycle 2/11/2025), plus RT 20 Gy 6/2025")
        const from = Math.max(0, ...ordered.map((o) => nextItem(c.text, ordered, o) ?? 0).filter((at) => at <= m.start));
        const phrase = c.text.slice(from, scopeEnd);
        // a phrase without a date of its own shares the clause's ("x4, then maintenance 2023-02-01 2023-09-15")
        const when = findDates(phrase, ctx.dayFirst ?? false).length
          ? datesFor(phrase, m.start - from, from > 0 ? '' : st.text.slice(Math.max(0, c.from - 60), c.from), ctx.dayFirst ?? false)
          : datesFor(c.text, m.start, st.text.slice(Math.max(0, c.from - 60), c.from), ctx.dayFirst ?? false);
        // a surgical specimen or operative record without its own date: the procedure date, else the record's
        const start = when.start ?? (m.kind === 'surgery' && status === 'given' ? ctx.collected ?? ctx.date : null);
        for (const name of m.names) {
          const category = m.kind === 'drug' ? (m.names.length > 1 ? categoryFor(name, m.category) : m.category) : m.category;
          out.push({
            // an operation is done on a day: it has no end
            name, category, start, end: m.kind === 'surgery' ? null : when.end, ...(when.endReason && m.kind !== 'surgery' ? { endReason: when.endReason } : {}),
            evidence: [evidence], ...(lines.some((l) => l.source === 'ocr') ? { needsCheck: true } : {}),
          });
        }
      }
    }
  }
  borrowCourseDates(ctx, out);
  return out;
}

const START_LABEL = /^\s*(?:start(?:ed)?(?:\s+date)?|date\s+(?:started|of\s+first\s+(?:fraction|treatment|dose))|first\s+(?:fraction|treatment))\s*[:=-]?\s*(.+)$/i;
const END_LABEL = /^\s*(?:end(?:ed)?(?:\s+date)?|completion\s+date|date\s+(?:completed|of\s+last\s+(?:fraction|treatment|dose))|last\s+(?:fraction|treatment))\s*[:=-]?\s*(.+)$/i;

/** A radiation summary dates its course once ("Start date", a dose line with a range): the course
 * and the drugs given concurrently with it take those dates when their own words give none. */
function borrowCourseDates(ctx: DocContext, out: Treatment[]): void {
  let start: string | null = null;
  let end: string | null = null;
  for (const l of ctx.lines) {
    const s = START_LABEL.exec(l.text);
    if (s && !start) start = findDates(s[1]!, ctx.dayFirst ?? false)[0]?.iso ?? null;
    const e = END_LABEL.exec(l.text);
    if (e && !end) end = findDates(e[1]!, ctx.dayFirst ?? false)[0]?.iso ?? null;
  }
  const course = out.find((t) => t.category === 'radiation' && t.start);
  for (const t of out) {
    if (t.start) continue;
    const concurrent = (t.evidence ?? []).some((e) => CONCURRENT.test(e.quote));
    if (t.category !== 'radiation' && !concurrent) continue;
    const donor = t.category === 'radiation' ? course : out.find((o) => o.name === 'chemoradiation' && o.start) ?? course;
    t.start = donor?.start ?? start;
    t.end ??= donor ? donor.end : end;
  }
}

// names joined only by "and", "or", "/", "+", "with" are one item ("carboplatin/paclitaxel + Keytruda")
const JOINED = /^[\s,/+&()-]*(?:(?:and|or|plus|with)\b[\s,/+&()-]*)?$/i;

/** Where the phrase of the item holding `m` gives way to the next item of the clause, or undefined. */
function nextItem(text: string, ordered: readonly { start: number; end: number }[], m: { start: number; end: number }): number | undefined {
  let i = ordered.indexOf(m);
  let end = m.end;
  while (i + 1 < ordered.length) {
    const next = ordered[i + 1]!;
    if (next.start < end || JOINED.test(text.slice(end, next.start))) { end = Math.max(end, next.end); i++; continue; }
    return phraseEnd(text, end, next.start);
  }
  return undefined;
}

/** The sentence before `at` in a statement: the clauses before it back to the last full stop. */
function sentenceBefore(text: string, at: number): string {
  const head = text.slice(0, at);
  const stop = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  return head.slice(stop + 1);
}

/** Where a gene-and-alteration result starts in a clause, or null. */
function therapyRowAt(text: string): number | null {
  const m = THERAPY_ROW.exec(text);
  return m && findGenes(m[0]).length ? m.index : null;
}

function categoryFor(generic: string, fallback: Treatment['category']): Treatment['category'] {
  return categoryOfDrug(generic) ?? fallback;
}
