// One record → its biomarker results, each with the words it was read from. Lines in
// context zones (VUS, gene lists, methods, trials, references, family history) and
// boilerplate lines are dropped first; the rest is read statement by statement, clause by
// clause, by the gene, PD-L1, TMB and MSI rules.
import type { Biomarker } from '../../contract/facts.ts';
import { evidenceOf, type DocContext } from '../context.ts';
import { statementsOf, clausesOf, linesIn, cleanLine, isNegativeHeading, type Clause } from './lines.ts';
import { zonesOf, isBoilerplateLine, BIOMARKER_SKIP } from './zones.ts';
import { driverFindings, type Finding } from './drivers.ts';
import { mentionsPdl1, pdl1Finding, isPdl1Legend } from './pdl1.ts';
import { FAMILY } from './cues.ts';
import { isOtherCancerRecord, isOtherCancerClause } from './other-cancer.ts';
import { tmbFinding, msiFinding } from './tmb-msi.ts';
import { findDates } from '../treatments/dates.ts';

const PLASMA = /\bplasma\b|\bcf-?DNA\b|\bct-?DNA\b|\bcell-free\b|\bliquid\s+biopsy\b|\bperipheral\s+blood\b|\bblood\s+(?:draw|specimen|sample)\b|\bbTMB\b|\bStreck\b/i;
const TISSUE_REPORT = /\bFFPE\b|\bblock\s+[A-Z]?\d|\bunstained\s+slides\b|\bcore\s+(?:needle\s+)?biopsy\b|\bresection\b|\bcytology\b|\bcell\s+block\b|\btissue\b/i;

// A result sentence cut off inside its gene list ("No alterations were detected in ALK, ROS1,"):
// the next line of bare symbols finishes that sentence, it is not a panel's gene list.
// ("... detected in:" leads into it the same way)
const OPEN_RESULT = /\b(?:not\s+detected|no|negative|wild[\s-]?type|none)\b[^.;]*(?:,|\b(?:in|for|of|and|or)\s*:?)\s*$/i;
// (a negative heading over a row of genes too: "== NO ALTERATIONS DETECTED ==" / "EGFR | KRAS | ALK")
function endsOpenResult(prev: string | undefined): boolean {
  return !!prev && (OPEN_RESULT.test(prev) || isNegativeHeading(cleanLine(prev))) && !isBoilerplateLine(prev);
}

/** Findings of one clause; a PD-L1 score may sit in the next clause ("TPS 1-49% (low); estimated 20%"). */
function clauseFindings(c: Clause, next: Clause | undefined, prev: Clause | undefined, legend: boolean): Finding[] {
  // "Mother with ovarian cancer; her BRCA1/2 testing was negative": the relative carries over
  if (prev && FAMILY.test(prev.text) && /^(?:her|his|their|whose|which|who)\b|\b(?:her|his|their)\s+(?:\w+\s+){0,2}(?:testing|test|results?|tumou?r)\b/i.test(c.text)) return [];
  if (isOtherCancerClause(c.text)) return [];
  const out = driverFindings(c.text);
  if (!legend && mentionsPdl1(c.text)) {
    const joined = next && /^(?:estimated|approx\w*|~|about|score|TPS)\b/i.test(next.text) ? `${c.text}; ${next.text}` : c.text;
    const f = pdl1Finding(joined);
    if (f) out.push({ ...f, end: Math.min(f.end, c.text.length) });
  }
  const tmb = tmbFinding(c.text);
  if (tmb) out.push(tmb);
  const msi = msiFinding(c.text);
  if (msi) out.push(msi);
  return out;
}

export function findBiomarkers(ctx: DocContext): Biomarker[] {
  if (isOtherCancerRecord(ctx.lines)) return [];
  const zones = zonesOf(ctx.lines);
  const keep = (l: { index: number; text: string }) => !BIOMARKER_SKIP.has(zones[l.index] ?? null)
    && (!isBoilerplateLine(l.text) || endsOpenResult(ctx.lines[l.index - 1]?.text));
  const head = ctx.lines.slice(0, 40).map((l) => l.text).join('\n');
  const docPlasma = PLASMA.test(head);
  const docTissue = !docPlasma && TISSUE_REPORT.test(head);
  const out: Biomarker[] = [];
  const seen = new Map<string, Biomarker>();
  for (const st of statementsOf(ctx.lines, keep)) {
    const clauses = clausesOf(st);
    const legend = isPdl1Legend(st.text);
    clauses.forEach((c, i) => {
      for (const f of clauseFindings(c, clauses[i + 1], clauses[i - 1], legend)) {
        const lines = linesIn(st, c.from + f.start, c.from + Math.max(f.end, f.start + 1));
        const evidence = evidenceOf(ctx, lines[0]!, undefined, lines.slice(1));
        const ocr = lines.some((l) => l.source === 'ocr');
        // a timeline bullet's date in front of the finding ("• 07/22/2024: plasma NGS - EGFR T790M")
        const date = findDates(st.text.slice(0, Math.min(c.from + f.start, 40)), ctx.dayFirst ?? false)[0]?.iso ?? ctx.collected ?? ctx.date;
        const specimen = PLASMA.test(c.text) ? 'plasma' : docPlasma ? 'plasma' : docTissue ? 'tissue' : null;
        const b: Biomarker = {
          gene: f.gene,
          ...(f.alteration ? { alteration: f.alteration } : {}),
          result: f.result,
          ...(f.value !== undefined && f.value !== null ? { value: f.value, unit: f.unit ?? null } : {}),
          specimen,
          method: f.method ?? null,
          date: date && /^\d{4}-\d{2}(-\d{2})?$/.test(date) ? date : null,
          evidence: [evidence],
          ...(ocr ? { needsCheck: true } : {}),
        };
        const key = `${b.gene}|${b.alteration ?? ''}|${b.result}|${b.value ?? ''}`;
        const had = seen.get(key);
        if (had) {
          if (had.evidence!.length < 4) had.evidence!.push(evidence);
          continue;
        }
        seen.set(key, b);
        out.push(b);
      }
    });
  }
  return out;
}
