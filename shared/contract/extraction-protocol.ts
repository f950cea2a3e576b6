// Messages between the main process and the extraction process (an Electron
// utilityProcess that parses untrusted files away from the UI). Both sides validate
// every message with these schemas; anything else is dropped.
import { z } from 'zod';
import { DocumentTextSchema, ProgressSchema } from './document.ts';
import type { DocumentFacts } from '../extract/index.ts';
import { BiomarkerSchema, DiagnosisSchema, SourceSchema, StageSchema, TreatmentSchema } from './facts.ts';

// any Uint8Array (Buffer included), whatever its backing buffer
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected bytes");
const jobId = z.string().min(1).max(100);

// One record's facts before merging. Diagnosis and stage carry what merging needs beyond
// facts/1 (how strongly a histology is asserted, every stage mention with its evidence):
// the core members are validated, the extras pass through unchanged, so merging in the
// renderer gives exactly what the command line gives.
export const DocumentFactsSchema: z.ZodType<DocumentFacts> = z.object({
  source: SourceSchema,
  report: z.object({ preliminary: z.boolean(), amended: z.boolean() }),
  diagnosis: DiagnosisSchema.loose(),
  stage: StageSchema.loose(),
  biomarkers: z.array(BiomarkerSchema),
  treatments: z.array(TreatmentSchema),
}) as unknown as z.ZodType<DocumentFacts>;

export const ToExtractionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('read'), jobId, name: z.string().min(1).max(500), bytes, password: z.string().max(1000).optional() }),
  z.object({ type: z.literal('cancel'), jobId }),
  z.object({
    type: z.literal('render'), jobId, bytes, page: z.number().int().min(1),
    /** CSS pixels per PDF point */
    scale: z.number().min(0.1).max(6), turn: z.number().int().optional(), password: z.string().max(1000).optional(),
  }),
]);
export type ToExtraction = z.infer<typeof ToExtractionSchema>;

export const FromExtractionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('progress'), jobId, progress: ProgressSchema }),
  z.object({ type: z.literal('result'), jobId, document: DocumentTextSchema, facts: DocumentFactsSchema }),
  z.object({ type: z.literal('rendered'), jobId, png: bytes, width: z.number(), height: z.number() }),
  /** message: a plain sentence for the person; never record text */
  z.object({ type: z.literal('failed'), jobId, message: z.string() }),
]);
export type FromExtraction = z.infer<typeof FromExtractionSchema>;
