// What the reading pipeline makes of one file: its pages' text with where each line and
// word sits, how it was read (text layer or OCR) and how sure OCR was. Extraction works on
// this, the UI highlights evidence with the boxes, and the import log shows the problems.
import { z } from 'zod';

/** x, y, width, height in page-relative units (0–1), origin top left, as the page is shown */
export const BoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof BoxSchema>;

export const WordSchema = z.object({
  text: z.string(),
  box: BoxSchema,
  confidence: z.number().min(0).max(100).optional(),
});
export type Word = z.infer<typeof WordSchema>;

export const LineSchema = z.object({
  text: z.string(),
  box: BoxSchema,
  confidence: z.number().min(0).max(100).optional(),
  words: z.array(WordSchema).optional(),
});
export type Line = z.infer<typeof LineSchema>;

export const PAGE_SOURCES = ['text-layer', 'ocr', 'text', 'none'] as const;
export type PageSource = (typeof PAGE_SOURCES)[number];

export const PageTextSchema = z.object({
  /** 1-based */
  page: z.number().int().min(1),
  /** `none`: a page with neither text nor pictures, so nothing to read; scans are `ocr` even when OCR found nothing */
  source: z.enum(PAGE_SOURCES),
  text: z.string(),
  lines: z.array(LineSchema),
  /** mean OCR confidence 0–100 of the lines kept */
  confidence: z.number().min(0).max(100).optional(),
  /** page size in points (PDF) or pixels (image), as shown */
  width: z.number(),
  height: z.number(),
  /** clockwise degrees we turned a sideways scan to read it */
  turned: z.number().optional(),
});
export type PageText = z.infer<typeof PageTextSchema>;

export const FILE_TYPES = ['pdf', 'image', 'text', 'empty', 'unknown'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const PROBLEM_CODES = [
  'empty', 'unsupported-type', 'password-required', 'password-wrong', 'damaged', 'too-large',
  'renamed-image', 'javascript-ignored', 'attachment-ignored', 'no-text', 'page-failed', 'page-timeout',
  'cancelled', 'read-failed',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A problem with a file, said in plain words with what to do next. `fatal` means nothing could be read. */
export const ProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES),
  message: z.string(),
  fatal: z.boolean(),
  page: z.number().int().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const DocumentTextSchema = z.object({
  file: z.string(),
  /** sha-256 of the file's bytes, hex: the same content imported twice is the same record */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  type: z.enum(FILE_TYPES),
  /** e.g. application/pdf, image/jpeg */
  mime: z.string().nullable(),
  pages: z.array(PageTextSchema),
  pageCount: z.number().int().min(0),
  problems: z.array(ProblemSchema),
});
export type DocumentText = z.infer<typeof DocumentTextSchema>;

export const PHASES = ['opening', 'reading', 'ocr', 'extracting', 'done'] as const;
export type Phase = (typeof PHASES)[number];

export const ProgressSchema = z.object({
  phase: z.enum(PHASES),
  /** the page just finished (1-based), 0 before any */
  page: z.number().int().min(0),
  pages: z.number().int().min(0),
  source: z.enum(PAGE_SOURCES).optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/** pages read by OCR, 1-based, as facts/1 `ocrPages` */
export function ocrPagesOf(doc: Pick<DocumentText, 'pages'>): number[] {
  return doc.pages.filter((p) => p.source === 'ocr').map((p) => p.page);
}
