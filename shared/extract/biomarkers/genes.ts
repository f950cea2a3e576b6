// Gene names as records write them → HGNC symbols. Symbols are matched as written (upper
// case), so the English "met" or a "kit" never reads as a gene; aliases (HER2, c-MET),
// OCR slips (EGER, ROSI) and groups (NTRK1/2/3 → three genes) come from vocab/genes.json.
import vocab from '../vocab/genes.json' with { type: 'json' };

export interface GeneMention {
  genes: string[];
  start: number;
  end: number;
  text: string;
}

const NAMES = new Map<string, string[]>();
for (const g of vocab.genes) NAMES.set(g, [g]);
for (const [k, v] of Object.entries(vocab.aliases)) NAMES.set(k, [v]);
for (const [k, v] of Object.entries(vocab.ocr)) NAMES.set(k, [v]);
for (const [k, v] of Object.entries(vocab.groups)) NAMES.set(k, v);

export const FUSION_DRIVERS: ReadonlySet<string> = new Set(vocab.fusionDrivers);
export const FUSION_PARTNERS: ReadonlySet<string> = new Set(vocab.fusionPartners);
export const HOTSPOTS: Readonly<Record<string, string>> = vocab.hotspots;

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alts = [...NAMES.keys()].sort((a, b) => b.length - a.length).map((k) => esc(k).replace(/\\\/|\//g, '\\s?/\\s?').replace(/ /g, '\\s?'));
// A hyphen may precede a gene (EML4-ALK, CD74-ROS1); letters or digits may not touch it.
// "METex14" glues the gene to its alteration: take the gene and leave "ex14" to the alteration reader
const GENE_RE = new RegExp(`(?<![A-Za-z0-9])(?:(?:${alts.join('|')})(?![A-Za-z0-9])|MET(?=[\\s-]?ex(?:on)?[\\s-]?14))`, 'g');

function keyOf(written: string): string {
  return written.replace(/\s+/g, '').replace(/\s?\/\s?/g, '/');
}

/** Gene mentions in `text`, left to right; the same gene named twice in a row ("ERBB2 (HER2)") is one mention. */
export function findGenes(text: string): GeneMention[] {
  const out: GeneMention[] = [];
  GENE_RE.lastIndex = 0;
  for (const m of text.matchAll(GENE_RE)) {
    const written = m[0];
    const genes = NAMES.get(written) ?? NAMES.get(keyOf(written)) ?? NAMES.get(written.replace(/\s+/g, ''));
    if (!genes) continue;
    // "PD-L1" and "NKX2-1" are not genes here; neither is a symbol glued to a hyphen after it ("EGFR-TKI" is fine)
    const start = m.index!;
    const end = start + written.length;
    const prev = out[out.length - 1];
    if (prev && prev.genes.join() === genes.join() && /^[\s()[\]/:-]*$/.test(text.slice(prev.end, start))) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
      continue;
    }
    out.push({ genes: [...genes], start, end, text: written });
  }
  return out;
}

export function isGene(symbol: string): boolean {
  return NAMES.has(symbol);
}
