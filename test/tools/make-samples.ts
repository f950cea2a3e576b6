// Writes the app's fictitious sample records to resources/samples/: a pathology report and a
// molecular report (born-digital PDFs with a text layer) and a clinic note that looks scanned
// (an image-only PDF page: greyish paper, speckles, a slight tilt), so "Try with sample
// records" shows both ways of reading. Every page says SAMPLE and fictitious; the people,
// places and wording are made up here. Run again after editing:
//   node test/tools/make-samples.ts
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts, PDFDocument, type SKRSContext2D } from '@napi-rs/canvas';

const OUT = path.join(import.meta.dirname, '../../resources/samples');
const W = 612, H = 792; // US Letter in points
const FONT_FILES = ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'];
for (const f of FONT_FILES) if (fs.existsSync(f)) GlobalFonts.registerFromPath(f, 'Sample Sans');
const FAMILY = GlobalFonts.has('Sample Sans') ? 'Sample Sans' : 'sans-serif';

type Line = { text: string; size?: number; bold?: boolean; gap?: number; indent?: number };

const FOOTER = 'SAMPLE RECORD - fictitious, made for trying Records Companion. Not a real person or report.';

const pathology: Line[] = [
  { text: 'SAMPLE  -  FICTITIOUS RECORD', size: 10, bold: true },
  { text: 'Northfield Sample Hospital - Department of Pathology', size: 13, bold: true, gap: 8 },
  { text: 'SURGICAL PATHOLOGY REPORT', size: 16, bold: true, gap: 6 },
  { text: 'Patient: Sam Sample (fictitious)        Record number: SAMPLE-0001', gap: 10 },
  { text: 'Report date: 14 January 2026' },
  { text: 'Specimen: Right upper lobe of lung, CT-guided core needle biopsy' },
  { text: 'Clinical history: 3.1 cm mass in the right upper lobe seen on CT.' },
  { text: 'FINAL DIAGNOSIS', size: 13, bold: true, gap: 14 },
  { text: 'Lung, right upper lobe, core biopsy:', gap: 4 },
  { text: '- Invasive adenocarcinoma, acinar pattern.', indent: 16 },
  { text: '- Immunostains: TTF-1 positive, p40 negative, supporting lung origin.', indent: 16 },
  { text: 'PD-L1 IMMUNOHISTOCHEMISTRY (clone 22C3)', size: 13, bold: true, gap: 14 },
  { text: 'PD-L1 tumor proportion score (TPS): 60%', gap: 4 },
  { text: 'Comment: Tissue has been sent for comprehensive molecular testing.', gap: 10 },
  { text: 'Electronically signed by Dr. Alex Example, MD (fictitious), 14 January 2026', gap: 14 },
];

const molecular: Line[] = [
  { text: 'SAMPLE  -  FICTITIOUS RECORD', size: 10, bold: true },
  { text: 'Example Genomics Laboratory (fictitious)', size: 13, bold: true, gap: 8 },
  { text: 'COMPREHENSIVE GENOMIC PROFILING REPORT', size: 16, bold: true, gap: 6 },
  { text: 'Patient: Sam Sample (fictitious)        Record number: SAMPLE-0001', gap: 10 },
  { text: 'Report date: 27 January 2026' },
  { text: 'Specimen: tissue, right upper lobe lung biopsy' },
  { text: 'Diagnosis provided: lung adenocarcinoma' },
  { text: 'Method: next-generation sequencing (DNA and RNA panel)' },
  { text: 'RESULTS', size: 13, bold: true, gap: 14 },
  { text: 'EGFR exon 19 deletion (p.E746_A750del): DETECTED', bold: true, gap: 4 },
  { text: 'Biomarkers tested and not detected:', gap: 10 },
  { text: 'ALK fusion: not detected', indent: 16 },
  { text: 'ROS1 fusion: not detected', indent: 16 },
  { text: 'KRAS mutation: not detected', indent: 16 },
  { text: 'BRAF V600E: not detected', indent: 16 },
  { text: 'MET exon 14 skipping: not detected', indent: 16 },
  { text: 'RET fusion: not detected', indent: 16 },
  { text: 'Tumor mutational burden (TMB): 4 mut/Mb (low)', gap: 10 },
  { text: 'Microsatellite status: stable (MSS)' },
];

const note: Line[] = [
  { text: 'SAMPLE  -  FICTITIOUS RECORD', size: 10, bold: true },
  { text: 'Northfield Sample Hospital - Thoracic Oncology Clinic', size: 13, bold: true, gap: 8 },
  { text: 'CLINIC NOTE', size: 16, bold: true, gap: 6 },
  { text: 'Patient: Sam Sample (fictitious)        Record number: SAMPLE-0001', gap: 10 },
  { text: 'Date of visit: 3 February 2026' },
  { text: 'Assessment', size: 13, bold: true, gap: 14 },
  { text: 'Adenocarcinoma of the right upper lobe, EGFR exon 19 deletion.', gap: 4 },
  { text: 'Stage IVA (cT2a cN2 cM1b): one bone metastasis on PET-CT.' },
  { text: 'Brain MRI: no metastases.' },
  { text: 'Plan', size: 13, bold: true, gap: 14 },
  { text: 'Start osimertinib 80 mg by mouth once daily, from 3 February 2026.', gap: 4 },
  { text: 'Review in clinic in 4 weeks with blood tests.' },
  { text: 'Dr. Jo Placeholder (fictitious), medical oncology', gap: 14 },
];

type Pen = Pick<SKRSContext2D, 'fillStyle' | 'textBaseline' | 'font' | 'fillText'>;

function drawLines(ctx: Pen, lines: Line[], scale = 1): void {
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'alphabetic';
  let y = 72 * scale;
  for (const l of lines) {
    const size = (l.size ?? 11) * scale;
    y += (l.gap ?? 3) * scale + size * 1.25;
    ctx.font = `${l.bold ? 'bold ' : ''}${size}px "${FAMILY}"`;
    ctx.fillText(l.text, (60 + (l.indent ?? 0)) * scale, y);
  }
  ctx.font = `${9 * scale}px "${FAMILY}"`;
  ctx.fillText(FOOTER, 60 * scale, (H - 40) * scale);
}

function bornDigital(lines: Line[], title: string): Buffer {
  const doc = new PDFDocument({ title, author: 'Records Companion sample (fictitious)', creator: 'test/tools/make-samples.ts', producer: 'Records Companion' });
  const ctx = doc.beginPage(W, H);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  drawLines(ctx as unknown as Pen, lines);
  doc.endPage();
  return doc.close();
}

/** A seeded random number generator, so the speckles are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function scanned(lines: Line[], title: string): Buffer {
  const dpi = 200, k = dpi / 72;
  const canvas = createCanvas(Math.round(W * k), Math.round(H * k));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ecebe4';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.save();
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((0.7 * Math.PI) / 180);
  ctx.translate(-canvas.width / 2, -canvas.height / 2);
  drawLines(ctx, lines, k);
  ctx.restore();
  const rand = rng(20260203);
  for (let i = 0; i < 2500; i++) {
    ctx.fillStyle = rand() < 0.5 ? 'rgba(40,40,40,0.55)' : 'rgba(120,120,110,0.35)';
    ctx.fillRect(rand() * canvas.width, rand() * canvas.height, 1 + rand() * 2.5, 1 + rand() * 2.5);
  }
  // a scanner-edge shadow along the left side
  const shade = ctx.createLinearGradient(0, 0, 60, 0);
  shade.addColorStop(0, 'rgba(60,60,60,0.45)');
  shade.addColorStop(1, 'rgba(60,60,60,0)');
  ctx.fillStyle = shade;
  ctx.fillRect(0, 0, 60, canvas.height);
  const doc = new PDFDocument({ title, creator: 'test/tools/make-samples.ts', producer: 'Records Companion', encodingQuality: 70 });
  const page = doc.beginPage(W, H);
  (page as unknown as SKRSContext2D).drawImage(canvas, 0, 0, W, H);
  doc.endPage();
  return doc.close();
}

fs.mkdirSync(OUT, { recursive: true });
const files: Record<string, Buffer> = {
  'sample-pathology-report.pdf': bornDigital(pathology, 'SAMPLE pathology report (fictitious)'),
  'sample-molecular-report.pdf': bornDigital(molecular, 'SAMPLE molecular report (fictitious)'),
  'sample-clinic-note-scanned.pdf': scanned(note, 'SAMPLE clinic note, scanned (fictitious)'),
};
for (const [name, bytes] of Object.entries(files)) {
  fs.writeFileSync(path.join(OUT, name), bytes);
  process.stdout.write(`${name}: ${bytes.length} bytes\n`);
}
