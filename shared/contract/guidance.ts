// guidance/1: what the tailoring engine makes of a person's facts and of a question they ask.
import { z } from 'zod';

export const AnswerSchema = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number(),
  /** the general answer, Markdown */
  text: z.string(),
  /** what in it applies to this person's facts, each naming the fact */
  forYou: z.array(z.string()),
  sources: z.array(z.string()),
  /** YYYY-MM: when its content was last checked against its sources */
  reviewed: z.string(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const AlternativeSchema = z.object({ id: z.string(), title: z.string(), score: z.number() });
export type Alternative = z.infer<typeof AlternativeSchema>;

export const QuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** each names a fact and where it was read */
  because: z.array(z.string()).min(1),
  topics: z.array(z.string()),
  /** higher is more relevant; questions are listed most relevant first */
  priority: z.number().optional(),
});
export type TailoredQuestion = z.infer<typeof QuestionSchema>;

export const SectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  because: z.array(z.string()),
  sources: z.array(z.string()),
  summary: z.string().optional(),
  reviewed: z.string().optional(),
});
export type MatchedSection = z.infer<typeof SectionSchema>;

export const MissingSchema = z.object({ id: z.string(), text: z.string() });
export type Missing = z.infer<typeof MissingSchema>;

export const GuidanceSchema = z.object({
  format: z.literal('guidance/1'),
  question: z.string().nullable(),
  answer: AnswerSchema.nullable(),
  alternatives: z.array(AlternativeSchema),
  questions: z.array(QuestionSchema),
  sections: z.array(SectionSchema),
  missing: z.array(MissingSchema),
});
export type Guidance = z.infer<typeof GuidanceSchema>;
