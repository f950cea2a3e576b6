// Parses the knowledge base from a `{ path: text }` map (the CLI reads files with node:fs,
// the renderer with import.meta.glob) and validates every file with zod. A file that does not
// validate is left out and reported in `problems`, so one bad file never stops the engine.
import { z } from 'zod';
import { LEAF_NAMES } from './conditions.ts';
import type { AnswerDoc, Condition, Knowledge, Rule, SectionDoc, SynonymGroup } from './types.ts';

const strings = z.union([z.string(), z.array(z.string())]);
const nullableStrings = z.union([z.string(), z.null(), z.array(z.union([z.string(), z.null()]))]);
const month = z.string().regex(/^\d{4}-\d{2}$/, 'reviewed must be YYYY-MM');

const BiomarkerSpec = z.object({
  gene: strings, alteration: strings.optional(), alterationNot: z.array(z.string()).optional(),
  result: strings.optional(), valueAtLeast: z.number().optional(), valueBelow: z.number().optional(),
  specimen: z.enum(['tissue', 'plasma']).optional(),
}).strict();
const TreatmentSpec = z.object({
  name: strings.optional(), category: strings.optional(), ongoing: z.boolean().optional(),
  endReason: nullableStrings.optional(), beforeSurgery: z.boolean().optional(), afterSurgery: z.boolean().optional(),
}).strict();

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() => z.object({
  all: z.array(ConditionSchema).min(1).optional(),
  any: z.array(ConditionSchema).min(1).optional(),
  not: ConditionSchema.optional(),
  cancerType: nullableStrings.optional(),
  histology: nullableStrings.optional(),
  stage: strings.optional(),
  stageKnown: z.boolean().optional(),
  t: strings.optional(), n: strings.optional(), m: strings.optional(),
  basis: strings.optional(),
  biomarker: BiomarkerSpec.optional(),
  noBiomarker: z.object({ gene: strings }).strict().optional(),
  noBiomarkers: z.boolean().optional(),
  driver: z.boolean().optional(),
  noDriver: z.boolean().optional(),
  broadPanel: z.boolean().optional(),
  fullPanel: z.boolean().optional(),
  equivocal: z.boolean().optional(),
  treatment: TreatmentSpec.optional(),
  noTreatment: TreatmentSpec.optional(),
  surgery: z.boolean().optional(),
  progression: z.union([z.boolean(), z.object({ after: z.array(z.string()).min(1) }).strict()]).optional(),
}).strict().refine((c) => Object.keys(c).length > 0, 'a condition needs at least one key'));

const RuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  text: z.string().min(10),
  when: ConditionSchema,
  topics: z.array(z.string()).default([]),
  priority: z.number().default(50),
  sources: z.array(z.string().min(3)).min(1),
  reviewed: month,
}).strict();

const SectionHeader = z.object({
  id: z.string(), title: z.string(), reviewed: month, sources: z.array(z.string().min(3)).min(1),
  when: ConditionSchema, summary: z.string().min(10), priority: z.number().default(50),
  keywords: z.array(z.string()).default([]),
}).strict();

const AnswerHeader = z.object({
  id: z.string(), title: z.string(), reviewed: z.string(), sources: z.array(z.string()).min(1),
  keywords: z.array(z.string()).default([]),
  forYou: z.array(z.object({ when: ConditionSchema, text: z.string() })).default([]),
}).passthrough();

const SynonymsSchema = z.object({
  groups: z.array(z.object({ concept: z.string().regex(/^[a-z0-9-]+$/), terms: z.array(z.string().min(1)).min(1) })),
}).passthrough();

/** Splits a Markdown file with a JSON header between two `---` lines. */
export function splitHeader(text: string): { header: unknown; body: string } {
  const m = /^\uFEFF?---\s*\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no JSON header between --- lines');
  return { header: JSON.parse(m[1]), body: m[2].trim() };
}

const baseName = (path: string) => path.replace(/\\/g, '/').split('/').pop()!.replace(/\.(md|json)$/, '');
const folderOf = (path: string) => path.replace(/\\/g, '/').split('/').slice(-2, -1)[0] ?? '';

function explain(e: unknown): string {
  if (e instanceof z.ZodError) return e.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
  return e instanceof Error ? e.message : String(e);
}

export function loadKnowledge(files: Record<string, string>): Knowledge {
  const k: Knowledge = { rules: [], sections: [], answers: [], synonyms: [], problems: [] };
  const paths = Object.keys(files).sort();
  for (const path of paths) {
    const text = files[path];
    const folder = folderOf(path);
    try {
      if (folder === 'rules' && path.endsWith('.json')) k.rules.push(...parseRules(text));
      else if (folder === 'sections' && path.endsWith('.md')) k.sections.push(parseSection(path, text));
      else if (folder === 'answers' && path.endsWith('.md')) k.answers.push(parseAnswer(path, text));
      else if (baseName(path) === 'synonyms' && path.endsWith('.json')) k.synonyms.push(...parseSynonyms(text));
    } catch (e) {
      k.problems.push({ file: path, message: explain(e) });
    }
  }
  checkUnique(k);
  return k;
}

export function parseRules(text: string): Rule[] {
  return z.array(RuleSchema).parse(JSON.parse(text)) as Rule[];
}

function parseSection(path: string, text: string): SectionDoc {
  const { header, body } = splitHeader(text);
  const h = SectionHeader.parse(header);
  if (h.id !== baseName(path)) throw new Error(`id "${h.id}" differs from the file name`);
  return { ...h, body } as SectionDoc;
}

function parseAnswer(path: string, text: string): AnswerDoc {
  const { header, body } = splitHeader(text);
  const h = AnswerHeader.parse(header);
  if (h.id !== baseName(path)) throw new Error(`id "${h.id}" differs from the file name`);
  return { id: h.id, title: h.title, reviewed: h.reviewed, sources: h.sources, keywords: h.keywords, forYou: h.forYou as AnswerDoc['forYou'], body };
}

function parseSynonyms(text: string): SynonymGroup[] {
  return SynonymsSchema.parse(JSON.parse(text)).groups;
}

function checkUnique(k: Knowledge): void {
  for (const [kind, items] of [['rule', k.rules], ['section', k.sections], ['answer', k.answers]] as const) {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id)) k.problems.push({ file: `${kind}s`, message: `duplicate ${kind} id "${item.id}"` });
      seen.add(item.id);
    }
  }
}

export const CONDITION_KEYS = ['all', 'any', 'not', ...LEAF_NAMES];
