// One clause → gene results. Genes that a negative phrase names (before a list: "Negative
// for ALK, ROS1"; after it: "EGFR/ALK negative", "ALK (D5F3) IHC: Negative"; around it:
// "No ALK, ROS1 fusions identified") are `not detected`, one per gene. Other genes take the
// alterations written after them, up to the next gene or a therapy column; an alteration
// followed by its own negative ("T790M not detected") is a variant-level negative and gives
// no gene negative (negatives are per gene). Rearrangement words, "EML4::ALK" and IHC or
// FISH positivity give `fusion` for fusion drivers.
import { findGenes, FUSION_DRIVERS, FUSION_PARTNERS, isGene, type GeneMention } from './genes.ts';
import { findAlterations, type AltHit } from './variants.ts';
import { negativeSpans, withoutNegatives, POSITIVE, EQUIVOCAL, FAMILY, NO_RESULT, VUS, GENERAL, HYPOTHETICAL, LEGEND, methodOf, type Span } from './cues.ts';
import { findDrugNames } from '../treatments/lexicon.ts';
import type { BiomarkerResult } from '../../contract/facts.ts';

export interface Finding {
  gene: string;
  alteration: string | null;
  result: BiomarkerResult;
  value?: number | null;
  unit?: string | null;
  method?: string | null;
  /** where in the clause the finding was read */
  start: number;
  end: number;
}

interface GeneList { genes: GeneMention[]; start: number; end: number }

// between genes of one list: commas, slashes, "and"/"or", a qualifier in brackets, an alteration noun
const LIST_GAP = /^\s*(?:(?:mutations?|rearrangements?|fusions?|alterations?)\s*)?(?:[,/&+]\s*)*(?:(?:and|or|nor)\s+)?$/i;
// what a list item's brackets may say without being a result: a method, an alteration noun, an
// alias or clone ("HER2", "D5F3"), or what the test covered ("including exon 14 skipping")
const QUALIFIER = /^\s*(?:RNA|DNA|IHC|FISH|PCR|NGS|(?:mutations?|rearrangements?|fusions?|amplifications?|alterations?)(?:\s+only)?|(?![A-Z]\d{2,4}[A-Z*]\s*$)[A-Z][A-Za-z0-9-]{1,8}|(?:including|incl\.?)\s+[^()]{1,40})\s*$/;
// (a gap may open with the bracket an alias closes: "ERBB2 (HER2), NTRK1")
const isListGap = (gap: string): boolean => LIST_GAP.test(gap.replace(/^\s*\)/, ' ').replace(/\(([^()]{0,50})\)/g, (m, inner: string) => (QUALIFIER.test(inner) && !/\b(?:detected|positive|negative|identified)\b/i.test(inner) ? ' ' : m)));
// from a forward negative to its genes: "Negative for ", "not detected: ", "no mutations detected in ",
// "no alterations detected (pertinent genes) ", a heading's "NEGATIVE RESULTS "
const FORWARD_GAP = /^\s*(?:(?:results?|findings)\s*)?(?:\([a-z][a-z\s,-]{0,38}\)\s*)?(?:for|in|of)?\s*(?:the\s+)?(?:following\s+)?(?:genes?\s*)?(?:[:=-]\s*)?$/i;
const PROTEIN_GENES = new Set(['MET', 'ERBB2']);
// the alteration a gene's targeted test is about: its denial is a negative for the gene, whereas
// a denied EGFR T790M or exon 20 insertion says nothing of EGFR's other alterations
const DEFINING: Readonly<Record<string, string>> = { MET: 'exon 14 skipping' };
const IHC = /\bIHC\b|immunohisto|staining|\bD5F3\b|\bD4D6\b|\bSP44\b|\b[0-3]\+/i;
const THERAPY_CUT = /\b(?:approved|therap(?:y|ies)|sensitivity\s+to|resistance\s+to|eligible|trials?|agents?)\b|\([A-Z]\d{1,4}[A-Z]\s+only\)/i;

// after a negative that leads into a list, a variant may ride along: "Not detected: ALK, BRAF V600E, KRAS G12C"
const VARIANT_GAP = /^\s*(?:(?:p\.)?[A-Z]\d{2,4}[A-Z*]|exon\s?\d{1,2}(?:\s+(?:skipping|deletions?|insertions?|mutations?|alterations?|del|ins|dup))?)\s*(?:[,/&+]\s*)*(?:(?:and|or|nor)\s+)?$/i;

function listsOf(clause: string, genes: GeneMention[], variants = false): GeneList[] {
  const out: GeneList[] = [];
  for (const g of genes) {
    const last = out[out.length - 1];
    const gap = last ? clause.slice(last.end, g.start) : '';
    if (last && (isListGap(gap) || (variants && VARIANT_GAP.test(gap)))) { last.genes.push(g); last.end = g.end; }
    else out.push({ genes: [g], start: g.start, end: g.end });
  }
  return out;
}

/** The first cut in `seg` where a therapy column, drug name or "(G12C only)" note begins. */
function cutAtTherapy(seg: string): string {
  const drug = findDrugNames(seg).find((d) => !d.needsContext);
  const t = THERAPY_CUT.exec(seg);
  const at = Math.min(drug ? drug.start : seg.length, t ? t.index : seg.length);
  return seg.slice(0, at);
}

function isNegatedList(clause: string, list: GeneList, neg: Span[], positives: string, forward: Set<Span>, leadOnly = false): boolean {
  for (const n of neg) {
    if (leadOnly && n.start >= list.end) continue;
    // "No ALK, ROS1, RET fusions identified"
    if (n.start < list.start && n.end >= list.end && /^no\b/i.test(n.text)) return true;
    // "Negative for ALK, ROS1", "Alterations not detected: EGFR, ALK"
    if (n.end <= list.start && forward.has(n) && FORWARD_GAP.test(clause.slice(n.end, list.start))) return true;
    // "EGFR/ALK negative", "ALK (2p23) break-apart NEGATIVE", "KRAS, and BRAF: wild-type"
    if (n.start >= list.end && !forward.has(n)) {
      const gap = clause.slice(list.end, n.start);
      // what was tested sits between a gene and its result: "(NM_005228.3) codons 688-823, 849-875:"
      const bare = gap.replace(/\([^)]*\)/g, ' ').replace(/\b(?:codons?|exons?|amino\s+acids?)\s+[\d,\s-]+(?:and\s+\d+(?:-\d+)?)?/gi, ' ');
      if (bare.length > 45 || POSITIVE.test(positives.slice(list.end, n.start)) || findGenes(gap).length) continue;
      const g = list.genes[0]!.genes[0]!;
      if (findAlterations(g, gap).some((h) => h.alt && (h.kind === 'variant' || h.kind === 'class' || h.kind === 'cdna'))) continue;
      return true;
    }
  }
  return false;
}

const DRUG_CLASS = /^\s*(?:-\s*)?(?:inhibitors?|directed|targeted|specific|selective|TKIs?)\b/i;
// from a variant to a negative: more variants, each maybe with its gene ("T790M and C797S", ", EGFR C797S:")
const VARIANT_RUN = /^(?:\s*(?:[,/&+]|\band\b|\bor\b|\bnor\b)\s*(?:[A-Z][A-Z0-9]{1,6}\s+)?(?:p\.)?[A-Z]\d{2,4}[A-Z*])+\s*[:=-]?\s*$/;

/** Whether the negative after a run of variants starting at `from` denies them all. */
function listNegated(clause: string, neg: Span[], forward: Set<Span>, from: number): boolean {
  const n = neg.find((x) => x.start >= from && !forward.has(x));
  return !!n && VARIANT_RUN.test(clause.slice(from, n.start));
}

function partnerBefore(pre: string): string | null {
  const m = /([A-Z][A-Z0-9]{1,9})(?:\s?\([^)]{0,14}\))?(?:\s*(?:exon|ex|e)\s?\d{1,2})?\s*(?:::|-|–|\/)\s*$/.exec(pre);
  return m ? m[1]! : null;
}

interface ClauseReading {
  clause: string;
  genes: GeneMention[];
  neg: Span[];
  positives: string;
  forward: Set<Span>;
  hypothetical: boolean;
  method: string | null;
}

/** What the clause says about the i-th gene mention when no negative list has claimed it:
 * the alterations written after it, or its positivity ("ALK (D5F3) IHC positive", "ALK+"). */
function geneResults({ clause, genes, neg, positives, forward, hypothetical, method }: ClauseReading, i: number): Finding[] {
  const g = genes[i]!;
  const gene = g.genes[0]!;
  const next = genes[i + 1]?.start ?? clause.length;
  const seg = cutAtTherapy(clause.slice(g.end, next));
  const segEnd = g.end + seg.length;
  if (VUS.test(clause.slice(0, segEnd))) return [];
  const segPos = positives.slice(g.end, segEnd);
  // negatives that close on this gene: inside its segment, not leading into the next genes
  const segNeg = neg.filter((n) => n.start >= g.end && n.end <= segEnd + 1 && !forward.has(n));
  let hits: AltHit[] = findAlterations(gene, seg).filter((h) => h.alt);
  hits = hits.filter((h) => (h.kind !== 'fusion' || FUSION_DRIVERS.has(gene)) && (h.kind !== 'overexpression' || PROTEIN_GENES.has(gene)));
  const pre = clause.slice(i > 0 ? genes[i - 1]!.end : 0, g.start);
  const partner = FUSION_DRIVERS.has(gene) ? partnerBefore(pre) : null;
  if (partner && (FUSION_PARTNERS.has(partner) || (!isGene(partner) && /fusion|rearrang|::/i.test(clause)))) {
    hits.unshift({ alt: 'fusion', kind: 'fusion', start: -1, end: 0 });
  }
  // a negative between the gene and its first alteration negates the gene ("EGFR: no mutation detected (L858R, ...)")
  const firstHit = hits.find((h) => h.start >= 0);
  if (segNeg.some((n) => !firstHit || n.start - g.end < firstHit.start)) return [];
  // "MET/CEP7: EQUIVOCAL" after the gene, or "Equivocal for MET amplification" before it
  const equivocal = EQUIVOCAL.test(seg) || /\b(?:equivocal|borderline)\b[^.;]{0,12}$/i.test(pre);
  const result: BiomarkerResult = equivocal ? 'equivocal' : 'detected';
  const kept = new Set<string>();
  let deniedDefining = false;
  hits.forEach((h, k) => {
    // a drug class named by its target ("G12C inhibitors", "G12C-directed therapy") is no finding
    if (h.kind === 'variant' && DRUG_CLASS.test(seg.slice(h.end))) return;
    // the alteration's own negative: "T790M not detected" (variant level, no gene entry), also at
    // the end of a list of variants ("EGFR T790M, EGFR C797S: not detected")
    const upto = k + 1 < hits.length ? hits[k + 1]!.start : seg.length;
    if (segNeg.some((n) => n.start - g.end >= h.end && n.start - g.end < upto) || (h.start >= 0 && listNegated(clause, neg, forward, g.end + h.end))) {
      if (DEFINING[gene] === h.alt) deniedDefining = true;
      return;
    }
    if (h.kind === 'overexpression' && !IHC.test(seg) && !/over-?express/i.test(seg)) return;
    kept.add(h.alt);
  });
  // "MET exon 14 skipping: not detected" is the gene's answer when nothing else is said of it
  if (!kept.size && deniedDefining) return [{ gene, alteration: null, result: 'not detected', method, start: g.start, end: segEnd }];
  // ALK/ROS1 by IHC means the fusion; MET/ERBB2 by IHC means the protein
  if (!kept.size) {
    const plus = /^\s?(?:\(\s?\+\s?\)|\+)/.test(clause.slice(g.end)) || /-positive\b/i.test(clause.slice(g.end, g.end + 12));
    const lead = /(?:positive|detected|identified)\s*(?:for|:|in)\s*$/i.test(pre);
    if (!(POSITIVE.test(segPos) || plus || lead || equivocal)) return [];
    if (FUSION_DRIVERS.has(gene) && !PROTEIN_GENES.has(gene) && gene !== 'EGFR' && gene !== 'BRAF') kept.add('fusion');
    else if (PROTEIN_GENES.has(gene) && IHC.test(seg)) kept.add('overexpression');
    else if (PROTEIN_GENES.has(gene) && equivocal) kept.add('amplification');
    else if (gene === 'EGFR' && IHC.test(seg)) return [];
    else kept.add('');
  }
  // a possibility ("may help identify") keeps only a named variant
  return [...kept].filter((alt) => !hypothetical || /\d/.test(alt)).map((alt) => ({ gene, alteration: alt || null, result, method, start: g.start, end: segEnd }));
}

/** Gene results stated in one clause. */
export function driverFindings(text: string): Finding[] {
  let clause = text;
  let genes = findGenes(clause);
  if (!genes.length || FAMILY.test(clause) || LEGEND.test(clause.replace(/\([^)]*\)/g, ''))) return [];
  const noResult = NO_RESULT.exec(clause.replace(/\([^)]*\)/g, (b) => ' '.repeat(b.length)));
  if (noResult) {
    // a table row with a result, then another test's "not assessed" or "pending" column:
    // the result before it stands ("KRAS | No pathogenic variant detected | not assessed")
    const head = clause.slice(0, noResult.index);
    if (!genes.some((g) => g.end <= head.length) || !negativeSpans(head).length) return [];
    clause = head;
    genes = genes.filter((g) => g.end <= head.length);
  }
  const neg = negativeSpans(clause);
  const positives = withoutNegatives(clause, neg);
  const general = GENERAL.test(clause);
  const hypothetical = HYPOTHETICAL.test(clause);
  const method = methodOf(clause);
  const out: Finding[] = [];
  const done = new Set<GeneMention>();
  // a negative that leads into genes after it ("negative for ROS1") never closes on the genes before it
  const forward = new Set(neg.filter((n) => {
    const next = genes.find((g) => g.start >= n.end);
    const prev = [...genes].reverse().find((g) => g.end <= n.start);
    // a row of "GENE result GENE result" cells: a result right after a gene, with only space to the next one, is that gene's
    if (next && prev && /^[\s:=-]*$/.test(clause.slice(prev.end, n.start)) && /^\s+$/.test(clause.slice(n.end, next.start))) return false;
    return (next && FORWARD_GAP.test(clause.slice(n.end, next.start))) || (/^no\b/i.test(n.text) && genes.some((g) => g.start > n.start && g.end <= n.end));
  }));

  const strict = listsOf(clause, genes);
  const loose = listsOf(clause, genes, true).filter((l) => !strict.some((s) => s.start === l.start && s.end === l.end));
  for (const list of [...strict, ...loose]) {
    if (!isNegatedList(clause, list, neg, positives, forward, loose.includes(list))) continue;
    for (const g of list.genes) {
      done.add(g);
      for (const gene of g.genes) out.push({ gene, alteration: null, result: 'not detected', method, start: g.start, end: g.end });
    }
  }
  if (general) return out;

  genes.forEach((g, i) => {
    if (!done.has(g) && g.genes.length === 1) out.push(...geneResults({ clause, genes, neg, positives, forward, hypothetical, method }, i));
  });
  return out;
}
