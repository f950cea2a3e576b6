// facts/1: the boundary format (see ../../../shared/contract/facts.md in the team folder).
// The types here are the richer internal form: every fact may carry its evidence,
// whether it was read by OCR, and the person's review. The scorer and the tailoring
// engine ignore members they do not know, so the same object crosses every boundary.
import { z } from 'zod';

export const SOURCE_KINDS = ['pathology', 'molecular', 'imaging', 'note', 'discharge', 'lab', 'treatment-summary', 'other'] as const;
export const HISTOLOGIES = [
  'adenocarcinoma', 'squamous cell carcinoma', 'large cell carcinoma', 'adenosquamous carcinoma',
  'sarcomatoid carcinoma', 'NSCLC NOS', 'small cell carcinoma', 'combined small cell carcinoma',
  'large cell neuroendocrine carcinoma', 'carcinoid',
] as const;
export const STAGE_GROUPS = [
  '0', 'IA1', 'IA2', 'IA3', 'IA', 'IB', 'I', 'IIA', 'IIB', 'II', 'IIIA', 'IIIB', 'IIIC', 'III',
  'IVA', 'IVB', 'IV', 'limited', 'extensive',
] as const;
export const RESULTS = ['detected', 'not detected', 'equivocal'] as const;
export const TREATMENT_CATEGORIES = [
  'chemotherapy', 'targeted therapy', 'immunotherapy', 'antibody-drug conjugate', 'surgery', 'radiation', 'other',
] as const;
export const REVIEWS = ['confirmed', 'corrected', 'rejected'] as const;
export const END_REASONS = ['completed', 'progression', 'toxicity', 'other'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Histology = (typeof HISTOLOGIES)[number];
export type StageGroup = (typeof STAGE_GROUPS)[number];
export type BiomarkerResult = (typeof RESULTS)[number];
export type TreatmentCategory = (typeof TREATMENT_CATEGORIES)[number];
export type Review = (typeof REVIEWS)[number];

/** YYYY-MM-DD or YYYY-MM */
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

/** Where a fact was read: the file, the 1-based page, the words, and where on the page when known. */
export const EvidenceSchema = z.object({
  file: z.string(),
  page: z.number().int().min(1),
  quote: z.string(),
  /** how the page text was obtained; `ocr` facts ask the person to check them */
  source: z.enum(['text-layer', 'ocr', 'text']).optional(),
  /** OCR confidence 0–100 of the words quoted, when read by OCR */
  confidence: z.number().min(0).max(100).optional(),
  /** box on the page in page-relative units (0–1, origin top left): x, y, width, height */
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  /** the source's report date, which helps people judge old versus new */
  date: isoDate.nullable().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const factMeta = {
  evidence: z.array(EvidenceSchema).optional(),
  review: z.enum(REVIEWS).optional(),
  /** true when any evidence was read by OCR and the person has not confirmed it */
  needsCheck: z.boolean().optional(),
};

export const SourceSchema = z.object({
  file: z.string(),
  pages: z.number().int().min(0),
  ocrPages: z.array(z.number().int().min(1)),
  kind: z.enum(SOURCE_KINDS),
  date: isoDate.nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

export const DiagnosisSchema = z.object({
  cancerType: z.enum(['NSCLC', 'SCLC']).nullable(),
  histology: z.enum(HISTOLOGIES).nullable(),
  diagnosisDate: isoDate.nullable(),
  ...factMeta,
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const StageSchema = z.object({
  group: z.enum(STAGE_GROUPS).nullable(),
  t: z.string().nullable(),
  n: z.string().nullable(),
  m: z.string().nullable(),
  basis: z.enum(['clinical', 'pathologic']).nullable(),
  /** group worked out from T, N and M by the AJCC table of `edition`; never copied into `group` */
  derivedGroup: z.enum(STAGE_GROUPS).nullable().optional(),
  edition: z.union([z.literal(8), z.literal(9)]).nullable().optional(),
  ...factMeta,
});
export type Stage = z.infer<typeof StageSchema>;

export const BiomarkerSchema = z.object({
  gene: z.string().min(1),
  alteration: z.string().nullable().optional(),
  result: z.enum(RESULTS),
  value: z.number().nullable().optional(),
  unit: z.string().nullable().optional(),
  specimen: z.enum(['tissue', 'plasma']).nullable().optional(),
  method: z.string().nullable().optional(),
  date: isoDate.nullable().optional(),
  ...factMeta,
});
export type Biomarker = z.infer<typeof BiomarkerSchema>;

export const TreatmentSchema = z.object({
  name: z.string().min(1),
  category: z.enum(TREATMENT_CATEGORIES),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  endReason: z.enum(END_REASONS).nullable().optional(),
  ...factMeta,
});
export type Treatment = z.infer<typeof TreatmentSchema>;

/** Two records disagree; both values are kept for the person to settle. */
export const ConflictSchema = z.object({
  /** e.g. `diagnosis.histology`, `stage.group`, `biomarker:PD-L1` */
  field: z.string(),
  values: z.array(z.object({
    value: z.string(),
    evidence: z.array(EvidenceSchema),
    /** the fact this value stands for (e.g. a biomarker), so the person's choice can replace it */
    fact: z.record(z.string(), z.unknown()).optional(),
  })).min(2),
  /** the value facts/1 carries until the person decides */
  chosen: z.string().nullable(),
  resolved: z.boolean().optional(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const FactsSchema = z.object({
  format: z.literal('facts/1'),
  sources: z.array(SourceSchema),
  diagnosis: DiagnosisSchema,
  stage: StageSchema,
  biomarkers: z.array(BiomarkerSchema),
  treatments: z.array(TreatmentSchema),
  conflicts: z.array(ConflictSchema).optional(),
  /** human-readable problems with files that could not be read, or were read only in part */
  warnings: z.array(z.object({ file: z.string(), message: z.string() })).optional(),
});
export type Facts = z.infer<typeof FactsSchema>;

export function emptyFacts(): Facts {
  return {
    format: 'facts/1',
    sources: [],
    diagnosis: { cancerType: null, histology: null, diagnosisDate: null },
    stage: { group: null, t: null, n: null, m: null, basis: null },
    biomarkers: [],
    treatments: [],
  };
}
