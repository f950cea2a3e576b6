// Alteration words after a gene → the contract's alteration: one-letter protein change
// without "p." (L858R, G12C), or an exon class for the changes that drugs are approved by
// (EGFR exon 19 deletion and exon 20 insertion, ERBB2 exon 20 insertion, MET exon 14
// skipping), fusion, amplification, overexpression. HGVS in one- or three-letter code,
// cDNA notation and exon words all land on the same value.
import { HOTSPOTS } from './genes.ts';

export type AltKind = 'variant' | 'class' | 'fusion' | 'amplification' | 'overexpression' | 'cdna';

export interface AltHit {
  alt: string;
  kind: AltKind;
  start: number;
  end: number;
}

const AA3: Record<string, string> = {
  ala: 'A', arg: 'R', asn: 'N', asp: 'D', cys: 'C', gln: 'Q', glu: 'E', gly: 'G', his: 'H', ile: 'I', leu: 'L', lys: 'K',
  met: 'M', phe: 'F', pro: 'P', ser: 'S', thr: 'T', trp: 'W', tyr: 'Y', val: 'V', ter: '*', sec: 'U', xaa: 'X',
};
const AA1 = 'ACDEFGHIKLMNPQRSTVWY';

/** One residue, three-letter (OCR-tolerant: "GIn", "VaI") or one-letter → one letter; null if not a residue. */
function residue(s: string): string | null {
  if (s.length === 1) return AA1.includes(s) || s === '*' || s === 'X' ? s : null;
  const k = s.toLowerCase();
  return AA3[k] ?? AA3[k.replace(/1/g, 'l').replace(/i(?=[a-z]$)|(?<=^[a-z])i/, 'l')] ?? AA3[k.replace(/l/g, 'i')] ?? null;
}

/** Residues written one after another ("SerValAsp" or "SVD") → one-letter string. */
function residues(s: string): string | null {
  if (/^[A-Z*]+$/.test(s)) return [...s].every((c) => AA1.includes(c) || c === '*') ? s : null;
  const parts = s.match(/[A-Z][a-zA-Z]{2}/g);
  if (!parts || parts.join('') !== s) return null;
  const one = parts.map(residue);
  return one.every(Boolean) ? one.join('') : null;
}

const R = '(?:[A-Z][a-zA-Z]{2}|[A-Z])';
// p.L858R, p.(Leu858Arg), pTyr220Cys, Gly12Cys, V600E, E746_A750del, L747_P753delinsS, D770_N771insSVD, Y772_A775dup, Q37*, E1234fs
const PROTEIN_RE = new RegExp(
  `(?<![A-Za-z0-9])(?:p\\.?\\s?\\(?\\s?)?(${R})(\\d{1,4})(?:_(${R})(\\d{1,4}))?` +
  `(delins[A-Za-z*]+|del(?:[A-Z][A-Za-z]*)?|dup(?:[A-Z][A-Za-z]*)?|ins[A-Za-z*]+|fs\\*?\\d*|(?:${R}|\\*)(?:fs\\*?\\d*)?)\\)?(?![A-Za-z0-9])`,
  'g',
);
// c.2235_2249del15, c.2573T>G, c.3082+1G>T, c659A>G, c.2311_2312insGCGTGGACA
const CDNA_RE = /(?<![A-Za-z0-9])c\.?\s?(\d{1,5})([+-]\d{1,4})?(?:_(\d{1,5})([+-]\d{1,4})?)?(delins[ACGT]+|del[ACGT\d]*|dup[ACGT\d]*|ins[ACGT\d]+|[ACGT]\s?>\s?[ACGT])/g;
// exon 19 deletion, ex19del, Ex20Ins, exon 20 insertion, exon 14 skipping, METex14, exon 14 splice donor
const EXON_RE = /(?<![A-Za-z0-9])(MET\s?)?ex(?:on)?\s?-?\s?(\d{1,2})(?![\d-])\s?-?\s?(?:in-?frame\s+)?(deletions?|del|indels?|insertions?|ins|duplications?|dup|skipping|skip|splice|mutations?|alterations?)?/gi;
// "19del", "20ins", "del19", "ins20"
const SHORT_EXON_RE = /(?<![A-Za-z0-9])(?:(19|20)\s?(del|ins)|(del|ins)\s?(19|20))(?![A-Za-z0-9])/gi;

const EGFR_EXON = (codon: number): number | null => (codon >= 688 && codon <= 728 ? 18 : codon <= 761 && codon >= 729 ? 19 : codon >= 762 && codon <= 823 ? 20 : codon >= 824 && codon <= 875 ? 21 : null);

function classOf(gene: string, exon: number, what: string): string | null {
  const w = what.toLowerCase();
  if (gene === 'MET' && exon === 14) return /skip|splice|del|mutation|alteration|^$/.test(w) ? 'exon 14 skipping' : null;
  if (gene === 'EGFR' && exon === 19 && /del|mutation|alteration|indel/.test(w)) return 'exon 19 deletion';
  if ((gene === 'EGFR' || gene === 'ERBB2') && exon === 20 && /ins|dup/.test(w)) return 'exon 20 insertion';
  if (gene === 'EGFR' && exon === 18 && /del/.test(w)) return 'exon 18 deletion';
  return null;
}

/** Protein change → contract alteration for `gene` (exon classes for the approved-drug groups). */
export function proteinAlteration(gene: string, ref: string, pos: number, ref2: string | null, pos2: number | null, tail: string): string | null {
  const a = residue(ref);
  if (!a) return null;
  let change: string;
  if (/^delins/.test(tail)) { const r = residues(tail.slice(6)); if (!r) return null; change = `delins${r}`; }
  else if (/^del/.test(tail)) change = 'del';
  else if (/^dup/.test(tail)) change = 'dup';
  else if (/^ins/.test(tail)) { const r = residues(tail.slice(3)); if (!r) return null; change = `ins${r}`; }
  else if (/^fs/.test(tail)) change = 'fs';
  else {
    const m = /^([A-Za-z*]+?)(fs\*?\d*)?$/.exec(tail);
    const b = m ? residue(m[1]!) : null;
    if (!b) return null;
    change = m![2] ? `${b}fs` : b;
  }
  let span = '';
  if (ref2 && pos2 !== null) {
    const r2 = residue(ref2);
    if (!r2) return null;
    span = `_${r2}${pos2}`;
  }
  const indel = /^(del|dup|ins|delins)/.test(change);
  if (indel && gene === 'EGFR') {
    const ex = EGFR_EXON(pos);
    if (ex === 19 && /^del/.test(change)) return 'exon 19 deletion';
    if (ex === 20 && /^(ins|dup|delins)/.test(change)) return 'exon 20 insertion';
  }
  if (indel && gene === 'ERBB2' && pos >= 767 && pos <= 800 && /^(ins|dup|delins)/.test(change)) return 'exon 20 insertion';
  if (gene === 'MET' && indel && pos >= 963 && pos <= 1010) return 'exon 14 skipping';
  // D1010 sits on the exon 14 splice donor: its changes skip the exon
  if (gene === 'MET' && pos === 1010 && a === 'D') return 'exon 14 skipping';
  return `${a}${pos}${span}${change}`;
}

/** cDNA change → alteration where the position settles it (exon classes, MET splice sites, known hotspots). */
export function cdnaAlteration(gene: string, pos: number, off: string | undefined, pos2: number | undefined, change: string): string | null {
  const c = change.replace(/\s/g, '');
  // the splice sites around MET exon 14 (c.2888-x acceptor, c.3028+x / c.3082+x donor)
  if (gene === 'MET' && off && [2887, 2888, 3028, 3082].includes(pos)) return 'exon 14 skipping';
  if (gene === 'MET' && /^del/.test(c) && pos2 !== undefined && pos <= 3082 && pos2 >= 2888) return 'exon 14 skipping';
  if (gene === 'EGFR' && /^del/.test(c) && pos >= 2185 && pos <= 2283) return 'exon 19 deletion';
  if (gene === 'EGFR' && /^(ins|dup|delins)/.test(c) && pos >= 2284 && pos <= 2469) return 'exon 20 insertion';
  if (gene === 'ERBB2' && /^(ins|dup|delins)/.test(c) && pos >= 2300 && pos <= 2400) return 'exon 20 insertion';
  const key = `${gene} c.${pos}${off ?? ''}${c}`;
  return HOTSPOTS[key] ?? null;
}

// FISH "fusion signals" are the intact, un-rearranged pattern
const FUSION_WORD = /\b(?:fusions?(?!\s+(?:hybridi[sz]ation\s+)?signals?)|rearrangements?|rearranged|translocations?|translocated|break-?apart\s+positive|split\s+signals?|inversion)\b/i;
// a copy number alone ("mean MET copy number 4.8") is not an amplification call
// "amplified by PCR" is the method, not a finding
// neither is an IHC kit's signal amplification ("OptiView + amplification", "signal amplification kit")
const AMP_WORD = /(?<!\b(?:signal|OptiView|tyramide)\s*(?:\+\s*)?)\b(?:amplification|amplified|amp\b|high-level\s+(?:copy\s+number\s+)?gain)(?!\s+(?:by|using|with)\s+(?:PCR|polymerase|real-time)|\s+kit\b)/i;
const OVEREXP_WORD = /\b(?:over-?expression|overexpressed|IHC\s*3\+|3\+\s*(?:staining|intensity|in)|H-?score)/i;

/** Alteration hits in `text` for `gene`, left to right. */
export function findAlterations(gene: string, text: string): AltHit[] {
  const out: AltHit[] = [];
  const taken = (s: number, e: number) => out.some((h) => s < h.end && e > h.start);
  for (const m of text.matchAll(CDNA_RE)) {
    const alt = cdnaAlteration(gene, +m[1]!, m[2], m[3] ? +m[3] : undefined, m[5]!);
    out.push({ alt: alt ?? '', kind: alt && /exon/.test(alt) ? 'class' : 'cdna', start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(PROTEIN_RE)) {
    const s = m.index!, e = s + m[0].length;
    if (taken(s, e)) continue;
    // bare one-letter forms need two digits ("G12C", not "C1D1" or "T2N0"); "p." forms may have one
    const hasP = /^p/.test(m[0]);
    if (!hasP && m[1]!.length === 1 && m[2]!.length < 2) continue;
    if (!hasP && m[1]!.length === 1 && /^[TNM]$/.test(m[1]!) && /^[0-4]$/.test(m[2]!)) continue;
    const alt = proteinAlteration(gene, m[1]!, +m[2]!, m[3] ?? null, m[4] ? +m[4] : null, m[5]!);
    if (alt) out.push({ alt, kind: /exon/.test(alt) ? 'class' : 'variant', start: s, end: e });
  }
  for (const m of text.matchAll(EXON_RE)) {
    const exon = +m[2]!;
    const what = m[3] ?? '';
    const s = m.index!, e = s + m[0].length;
    // "METex14" alone, or "exon 14 (splice donor)", still names the skipping alteration
    const metWord = gene === 'MET' && exon === 14 && (!!m[1] || /^\W{0,3}(?:splice|skip)/i.test(text.slice(e, e + 12)));
    const alt = what ? classOf(gene, exon, what) : metWord ? 'exon 14 skipping' : null;
    if (alt && !taken(s, e)) out.push({ alt, kind: 'class', start: s, end: e });
  }
  for (const m of text.matchAll(SHORT_EXON_RE)) {
    const alt = classOf(gene, +(m[1] ?? m[4])!, (m[2] ?? m[3])!);
    const s = m.index!, e = s + m[0].length;
    if (alt && !taken(s, e)) out.push({ alt, kind: 'class', start: s, end: e });
  }
  const fusion = FUSION_WORD.exec(text);
  if (fusion) out.push({ alt: 'fusion', kind: 'fusion', start: fusion.index, end: fusion.index + fusion[0].length });
  const amp = AMP_WORD.exec(text);
  if (amp) out.push({ alt: 'amplification', kind: 'amplification', start: amp.index, end: amp.index + amp[0].length });
  const over = OVEREXP_WORD.exec(text);
  if (over) out.push({ alt: 'overexpression', kind: 'overexpression', start: over.index, end: over.index + over[0].length });
  return out.sort((a, b) => a.start - b.start);
}
