// All of a person's records → one list of biomarkers. A final report replaces a
// preliminary one and an amended report the original, gene by gene. One entry per gene and
// alteration; a gene found in one record is not also "not detected" because another test
// missed it (a negative tissue panel, then T790M in plasma at progression). Values that
// really disagree (two PD-L1 scores, MSI-H and MSS) are kept as a conflict with both sources;
// facts/1 carries the report's value over a note's, then the most recent.
import type { Biomarker, Conflict, Evidence } from '../../contract/facts.ts';
import type { DocumentFacts } from '../index.ts';
import { earlier } from '../treatments/dates.ts';

interface Entry { b: Biomarker; doc: DocumentFacts; order: number }

const PRIMARY_KINDS = new Set(['pathology', 'molecular']);
const isPrimary = (e: Entry): boolean => PRIMARY_KINDS.has(e.doc.source.kind);

function evidenceOf(entries: Entry[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of entries) for (const ev of e.b.evidence ?? []) if (out.length < 6 && !out.some((o) => o.file === ev.file && o.page === ev.page && o.quote === ev.quote)) out.push(ev);
  return out;
}

/** One biomarker from entries that say the same thing; `chosen` supplies value, specimen and method. */
function combine(entries: Entry[], chosen: Entry = entries[0]!): Biomarker {
  const evidence = evidenceOf([chosen, ...entries.filter((e) => e !== chosen)]);
  let date: string | null = null;
  for (const e of entries) date = earlier(date, e.b.date ?? null);
  const b: Biomarker = { ...chosen.b, date, evidence };
  delete b.needsCheck;
  if (evidence.some((ev) => ev.source === 'ocr')) b.needsCheck = true;
  return b;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(1, 0.1 * Math.max(Math.abs(a), Math.abs(b)));

/** The entry facts/1 carries among disagreeing ones: a lab report over a note, then the latest record. */
function preferred(entries: Entry[]): Entry {
  return [...entries].sort((x, y) => Number(isPrimary(y)) - Number(isPrimary(x)) || (y.doc.source.date ?? '').localeCompare(x.doc.source.date ?? '') || x.order - y.order)[0]!;
}

function label(b: Biomarker): string {
  if (b.result === 'not detected') return 'not detected';
  return [b.alteration ?? b.result, b.value !== undefined && b.value !== null ? `${b.value}${b.unit === '%' ? '%' : ` ${b.unit ?? ''}`.trimEnd()}` : ''].filter(Boolean).join(' ');
}

/** A biomarker without its evidence and review flags: what a conflict value stands for. */
function bare(b: Biomarker): Record<string, unknown> {
  const { evidence: _e, needsCheck: _n, review: _r, ...rest } = b;
  return rest;
}

function conflict(field: string, groups: Entry[][], chosen: Biomarker, conflicts: Conflict[]): void {
  conflicts.push({
    field,
    values: groups.map((g) => ({ value: label(g[0]!.b), evidence: evidenceOf(g), fact: bare(g[0]!.b) })),
    chosen: label(chosen),
  });
}

/** PD-L1 and TMB: agreeing values become one; different values are a conflict. */
function mergeValued(gene: string, entries: Entry[], conflicts: Conflict[]): Biomarker[] {
  const valued = entries.filter((e) => typeof e.b.value === 'number' && !(gene === 'PD-L1' && e.b.value! < 1));
  const positive = entries.filter((e) => e.b.result !== 'not detected' && !valued.includes(e) && !(typeof e.b.value === 'number' && e.b.value < 1));
  const negative = entries.filter((e) => e.b.result === 'not detected' || (gene === 'PD-L1' && typeof e.b.value === 'number' && e.b.value < 1));
  const clusters: Entry[][] = [];
  for (const e of valued) {
    const c = clusters.find((g) => close(g[0]!.b.value!, e.b.value!));
    if (c) c.push(e); else clusters.push([e]);
  }
  if (clusters.length) {
    const chosenCluster = clusters.length === 1 ? clusters[0]! : clusters.find((c) => c.includes(preferred(valued)))!;
    const chosen = preferred(chosenCluster);
    const b = combine([...chosenCluster, ...positive], chosen);
    b.result = 'detected';
    const groups = clusters.length > 1 ? clusters : [];
    if (negative.length) groups.push(...(groups.length ? [] : [chosenCluster]), negative);
    if (groups.length > 1) conflict(`biomarker:${gene}`, groups, b, conflicts);
    return [b];
  }
  if (positive.length) {
    const b = combine(positive, preferred(positive));
    if (negative.length) conflict(`biomarker:${gene}`, [positive, negative], b, conflicts);
    return [b];
  }
  if (negative.length) {
    const b = combine(negative, preferred(negative));
    b.result = 'not detected';
    delete b.value;
    return [b];
  }
  return [];
}

const onlyOcr = (list: Entry[]): boolean => list.every((e) => (e.b.evidence ?? []).every((ev) => ev.source === 'ocr'));
const oneSlip = (a: string, b: string): boolean => a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;

/** An alteration read only by OCR that is one character from another record's reading of the
 * same gene ("T750M" on a scan, "T790M" in the typed note) is that reading, misread. */
function foldOcrSlips(byAlt: Map<string, Entry[]>): void {
  for (const [alt, list] of [...byAlt]) {
    if (!alt || !onlyOcr(list)) continue;
    const into = [...byAlt].find(([other, l]) => other !== alt && oneSlip(alt, other) && !onlyOcr(l));
    if (!into) continue;
    into[1].push(...list);
    byAlt.delete(alt);
  }
}

function mergeGene(gene: string, entries: Entry[], conflicts: Conflict[]): Biomarker[] {
  if (gene === 'PD-L1' || gene === 'TMB') return mergeValued(gene, entries, conflicts);
  const detected = entries.filter((e) => e.b.result === 'detected');
  const equivocal = entries.filter((e) => e.b.result === 'equivocal');
  const negative = entries.filter((e) => e.b.result === 'not detected');
  const out: Biomarker[] = [];
  const byAlt = new Map<string, Entry[]>();
  const specific = detected.some((e) => e.b.alteration);
  for (const e of detected) {
    // "EGFR positive (details unavailable)" adds nothing once the alteration is known
    if (!e.b.alteration && specific) continue;
    const k = e.b.alteration ?? '';
    byAlt.set(k, [...(byAlt.get(k) ?? []), e]);
  }
  foldOcrSlips(byAlt);
  for (const [alt, list] of byAlt) {
    const b = combine(list, preferred(list));
    if (alt) b.alteration = alt;
    out.push(b);
  }
  const eqByAlt = new Map<string, Entry[]>();
  for (const e of equivocal) {
    const k = e.b.alteration ?? '';
    if (byAlt.has(k)) continue;
    eqByAlt.set(k, [...(eqByAlt.get(k) ?? []), e]);
  }
  for (const list of eqByAlt.values()) out.push(combine(list, preferred(list)));
  if (negative.length) {
    const b = combine(negative, preferred(negative));
    delete b.alteration;
    if (!detected.length) out.push(b);
    else if (gene === 'MSI') {
      conflict(`biomarker:${gene}`, [detected, negative], out[0]!, conflicts);
    } else if (negative.some(isPrimary) && detected.some(isPrimary) && !detected.some((e) => /T790M|C797S|amplification/.test(e.b.alteration ?? ''))) {
      // two reports disagree about the same gene: keep the positive, and say so
      conflict(`biomarker:${gene}`, [detected, negative], out[0]!, conflicts);
    }
  }
  return out;
}

export function mergeBiomarkers(docs: DocumentFacts[], conflicts: Conflict[]): Biomarker[] {
  let entries: Entry[] = [];
  docs.forEach((doc) => doc.biomarkers.forEach((b) => entries.push({ b, doc, order: entries.length })));
  // a final report replaces a preliminary one, an amended report the original, for the genes they report
  const genesIn = (pred: (e: Entry) => boolean) => new Set(entries.filter(pred).map((e) => e.b.gene));
  const finalGenes = genesIn((e) => !e.doc.report.preliminary);
  entries = entries.filter((e) => !e.doc.report.preliminary || !finalGenes.has(e.b.gene));
  // an amended report overrides what the report it amends said: earlier reports of the same kind
  const amended = entries.filter((e) => e.doc.report.amended);
  const overridden = (e: Entry): boolean => !e.doc.report.amended && amended.some((a) => a.b.gene === e.b.gene && a.doc.source.kind === e.doc.source.kind
    && (a.doc.source.date ?? '') >= (e.doc.source.date ?? '') && !(a.b.result === e.b.result && (a.b.alteration ?? '') === (e.b.alteration ?? '')));
  entries = entries.filter((e) => !overridden(e));
  const genes: string[] = [];
  for (const e of entries) if (!genes.includes(e.b.gene)) genes.push(e.b.gene);
  return genes.flatMap((g) => mergeGene(g, entries.filter((e) => e.b.gene === g), conflicts));
}
