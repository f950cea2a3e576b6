// Content checks for the general answers in resources/knowledge/answers/*.md:
// the JSON header (zod), the shape of the body, its reading grade (Flesch–Kincaid, see
// shared/guidance/readability.ts), the answer topics the scenarios expect, and that every drug
// named is described in line with its class in resources/vocab/drugs.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HISTOLOGIES, RESULTS, STAGE_GROUPS, TREATMENT_CATEGORIES } from '../../../shared/contract/facts.ts';
import { loadKnowledge } from '../../../shared/guidance/knowledge.ts';
import { readability, stripMarkdown } from '../../../shared/guidance/readability.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ANSWERS_DIR = join(ROOT, 'resources/knowledge/answers');
const DRUGS_FILE = join(ROOT, 'resources/vocab/drugs.json');
// The team folder beside the app (scenarios and their README); optional.
const SCENARIOS_DIR = join(ROOT, '../shared/scenarios');

const MAX_GRADE_EACH = 10;
const MAX_GRADE_MEAN = 8;
const MIN_ANSWERS = 45;
const QUESTIONS_HEADING = '## Questions you could ask';

// ---------------------------------------------------------------------------------------------
// Header schema: the documented members and the documented condition language (knowledge-format.md)

const Str = z.string().min(1);
const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).min(1)]);
const TreatmentLeaf = z.strictObject({
  name: oneOrMany(Str).optional(),
  category: oneOrMany(z.enum(TREATMENT_CATEGORIES)).optional(),
});
const BiomarkerLeaf = z.strictObject({
  gene: oneOrMany(Str),
  alteration: oneOrMany(Str).optional(),
  result: oneOrMany(z.enum(RESULTS)).optional(),
  valueAtLeast: z.number().optional(),
  valueBelow: z.number().optional(),
});
const ConditionSchema: z.ZodType = z.lazy(() =>
  z
    .strictObject({
      all: z.array(ConditionSchema).min(1).optional(),
      any: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
      cancerType: oneOrMany(z.enum(['NSCLC', 'SCLC'])).optional(),
      histology: oneOrMany(z.enum(HISTOLOGIES)).optional(),
      stage: oneOrMany(Str).optional(),
      stageKnown: z.boolean().optional(),
      t: oneOrMany(Str).optional(),
      n: oneOrMany(Str).optional(),
      m: oneOrMany(Str).optional(),
      biomarker: BiomarkerLeaf.optional(),
      noBiomarker: z.strictObject({ gene: Str }).optional(),
      noBiomarkers: z.literal(true).optional(),
      driver: z.literal(true).optional(),
      noDriver: z.literal(true).optional(),
      treatment: TreatmentLeaf.optional(),
      noTreatment: TreatmentLeaf.optional(),
      surgery: z.boolean().optional(),
      progression: z.union([z.boolean(), z.strictObject({ after: z.array(Str).min(1) })]).optional(),
      equivocal: z.boolean().optional(),
    })
    .refine((c) => Object.keys(c).length > 0, 'a condition needs at least one key'),
);

const HeaderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case'),
  title: z.string().min(5).max(90),
  reviewed: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'reviewed must be YYYY-MM'),
  sources: z.array(z.string().min(10)).min(1),
  keywords: z.array(z.string().min(2)).min(8),
  forYou: z.array(z.strictObject({ when: ConditionSchema, text: z.string().min(20) })).optional(),
});
type Header = z.infer<typeof HeaderSchema>;

interface AnswerFile {
  file: string;
  name: string;
  raw: string;
  header: unknown;
  body: string;
}

function readAnswers(): AnswerFile[] {
  return readdirSync(ANSWERS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(ANSWERS_DIR, file), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(raw);
      if (!m) throw new Error(`${file}: no JSON header between --- lines`);
      return { file, name: file.replace(/\.md$/, ''), raw, header: JSON.parse(m[1]), body: m[2].trim() };
    });
}

const answers = readAnswers();
const parsed = answers.map((a) => ({ ...a, h: HeaderSchema.safeParse(a.header) }));
const ok = parsed.filter((p) => p.h.success).map((p) => ({ ...p, h: p.h.data as Header }));

/** Folding as in the scenarios README: dashes, quotes, Markdown `*` and backticks, whitespace. */
function fold(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
const rx = (source: string) => new RegExp(source, 'i');

// ---------------------------------------------------------------------------------------------
// Answer topics (scenarios README, "Answer topics"): each needs an answer whose id or title
// matches one of its regexes.

const TYPES = 'nsclc.?(vs|and|or|versus).?sclc|non.?small.{0,30}\\bsmall|types? of lung cancer|lung cancer types';
const EGFR = '^(?!.*(side|effects|resist|durvalumab)).*egfr';
const TOPICS: Record<string, string[]> = {
  'NSCLC vs SCLC': [TYPES],
  'What SCLC is': [TYPES, '^(?!.*non.?small)(?!.*nsclc).*(small.cell|sclc)'],
  'Histology words': ['histolog|adenocarcinoma|squamous|cell types?|subtypes?|\\bnos\\b'],
  'What my stage means': ['^(?!.*(limited|extensive|durvalumab|consolidat)).*(\\bstag(e|es|ing)\\b|\\btnm\\b)'],
  'Limited vs extensive SCLC': ['limited|extensive'],
  'Biomarker / NGS testing': [
    '^(?!.*(liquid|germline|inherit|glossary|report|\\bvus\\b|\\bvaf\\b)).*(biomarker|molecular|\\bngs\\b|genomic|next.generation|gene (test|panel)|mutation test)',
  ],
  'Liquid biopsy': ['liquid|blood.based|blood (test|biopsy)|plasma'],
  'PD-L1': ['pd-?l1'],
  'TMB and MSI': ['\\btmb\\b|mutational burden|\\bmsi\\b|microsatellite|mismatch repair'],
  'EGFR-positive lung cancer': [EGFR],
  'What osimertinib is': [EGFR, '^(?!.*(durvalumab|consolidat)).*(osimertinib|tagrisso)'],
  'ALK / ROS1 / RET / NTRK fusions': ['^(?!.*(side|effects)).*(\\bfusions?\\b|rearrang|\\balk\\b|ros1|\\bret\\b|ntrk)'],
  KRAS: ['kras'],
  'HER2 / ERBB2': ['her2|erbb2'],
  'Osimertinib side effects': [
    '(osimertinib|tagrisso|egfr|targeted|tki).{0,40}(side|effect|toxic)',
    '(side|effect|toxic).{0,40}(osimertinib|tagrisso|egfr|targeted|tki)',
  ],
  'ALK-inhibitor side effects': [
    '(\\balk\\b|lorlatinib|alectinib|brigatinib|targeted|tki).{0,40}(side|effect|toxic)',
    '(side|effect|toxic).{0,40}(\\balk\\b|lorlatinib|alectinib|brigatinib|targeted|tki)',
  ],
  'Targeted-therapy side effects': [
    '(osimertinib|tagrisso|egfr|\\balk\\b|lorlatinib|alectinib|targeted|tki|pills?).{0,40}(side|effect|toxic)',
    '(side|effect|toxic).{0,40}(osimertinib|tagrisso|egfr|\\balk\\b|lorlatinib|alectinib|targeted|tki|pills?)',
  ],
  'Immunotherapy side effects': ['immun.{0,40}(side|effect|toxic|adverse)|(side|effect|toxic|adverse).{0,40}immun', 'irae|immune.related'],
  'Durvalumab consolidation': ['durvalumab|imfinzi|consolidat|pacific'],
  'How chemotherapy works': ['^(?!.*(latest|newest|new (treatments|drugs|medicines|therapies)|chemo-?radiation|durvalumab)).*chemo'],
  'Latest treatments': [
    'latest|newest|newer|what.?s new|new (treatments|drugs|medicines|therapies|options)|recent (advances|approvals)|advances|emerging',
  ],
  'CAR-T and cellular therapy': ['car-?t|cellular|adoptive cell'],
  'Tarlatamab, CRS/ICANS': ['tarlatamab|imdelltra|t.cell engager|bispecific t|cytokine release|\\bcrs\\b'],
  'Neoadjuvant / adjuvant / perioperative': ['adjuvant|perioperative|before.(and|or).after.surgery|around.surgery'],
  'Surgery types': [
    '^(?!.*(adjuvant|perioperative|before.(and|or).after.surgery|around.surgery)).*(surg|lobectomy|segmentectomy|resection|operation)',
  ],
  'Radiation types': ['^(?!.*(brain|durvalumab|consolidat)).*(radiation|radiotherapy|\\bsbrt\\b|\\bsabr\\b|stereotactic)'],
  'Brain metastases': ['brain|\\bcns\\b'],
  'Bone metastases': ['bone'],
  'Pleural effusion': ['pleural|effusion|fluid'],
  'How response is measured': ['response|recist|restaging|pseudo.?progression|how.{0,20}(measured|working)|(treatment|it) (is )?working'],
  'Resistance and re-biopsy': ['resist|stop(s|ped)? working|re-?biopsy'],
  'Oligometastatic disease': ['oligo'],
  'Clinical trials': ['^(?!.*car-?t).*trial'],
  'Second opinions, tumour boards': ['second opinion|tumou?r board|multidisciplinary'],
  'Palliative care and hospice': ['palliative|hospice|supportive care'],
  'Accelerated approval, companion diagnostics': [
    'accelerated|companion|approval (process|types|pathways?)|how (drugs|medicines) (are|get) approved|traditional approval',
  ],
  'Inherited (germline) risk': ['germline|inherit|hereditar|genetic counsel|family (history|risk)|relatives'],
  'Smoking cessation': ['smok|tobacco|quit|vap(e|ing)'],
  'Drug interactions': ['interact|grapefruit|supplement|st\\.? john'],
  'Fertility and pregnancy': ['fertil|pregnan|contracep|\\bsex'],
  'Nutrition, exercise, fatigue': ['nutrition|diet|eating|exercise|physical activity|fatigue|tired|weight'],
  'Vaccines and infections': ['vaccin|infection|immuni[sz]ation|flu shot'],
  'Costs and assistance': ['cost|insurance|financ|afford|paying|assistance'],
  'Follow-up after curative treatment': ['follow.?up|surveillance|survivorship|after (curative )?treatment|recurrence'],
  'Carcinoid and LCNEC': ['carcinoid|neuroendocrine|lcnec'],
  'Emotional health, caregivers, advance care planning': [
    'emotion|coping|mental|anxi|depress|distress|caregiver|carer|advance (care|directive)|feelings',
  ],
  'Reading a molecular report': [
    'read(ing)?.{0,30}report|(molecular|genomic|ngs|biomarker|genetic) (test )?report|report (words|terms)|glossary|jargon|\\bvus\\b|\\bvaf\\b|uncertain significance',
  ],
};

const matchesTopic = (id: string, title: string, regexes: string[]) =>
  regexes.some((r) => rx(r).test(fold(id)) || rx(r).test(fold(title)));

// Recurring patterns (scenarios README): no answer may say these.
const NEVER_SAYS: Record<string, string> = {
  'CAR-T approved for lung cancer':
    '(?<!\\b(no|not|any|single) )\\bcar-?t( cells?)?( therapy| therapies)? (is|are|has been|have been) (now |already )?(fda[- ])?approved (for|in|to treat) ([\\w-]+ ){0,3}lung',
  'tarlatamab is CAR-T': 'tarlatamab[^.]{0,40}\\b(is|are) (a |an )?((type|kind|form) of )?car-?t',
  'durvalumab is a pill': 'durvalumab[^.]{0,30}\\b(is|are) (a |an )?(oral|pill|tablet|targeted)',
};

// ---------------------------------------------------------------------------------------------
// Drug table and class consistency

interface Drug {
  generic: string;
  brands: string[];
  abbreviations?: string[];
  class: string;
  category: string;
  mechanism?: string;
  route?: string;
  otherRoutes?: string[];
  targets?: { gene: string }[];
}
const drugTable = JSON.parse(readFileSync(DRUGS_FILE, 'utf8')) as { drugs: Drug[]; supportive?: string[] };
const drugs = drugTable.drugs;

const GENE_TOKEN = 'egfr|alk|ros1|ret|ntrk[123]?|trk|kras|braf|mek|c-met|met|her2|erbb2|her3|nrg1|trop2|dll3|cd3|vegfr2|vegf|mtor';
const normGene = (g: string): string => {
  const x = g.toLowerCase();
  if (x === 'her2') return 'erbb2';
  if (x === 'c-met') return 'met';
  if (/^(ntrk[123]?|trk)$/.test(x)) return 'ntrk';
  return x;
};
function geneSet(d: Drug): Set<string> {
  const set = new Set<string>((d.targets ?? []).map((t) => normGene(t.gene)));
  for (const m of d.class.toLowerCase().matchAll(new RegExp(`(?<![\\w])(${GENE_TOKEN})(?![\\w])`, 'g'))) set.add(normGene(m[1]));
  return set;
}
const checkpointTarget = (d: Drug): string | null => {
  const m = /\b(PD-L1|PD-1|CTLA-4)\b/.exec(d.class);
  return d.mechanism === 'checkpoint-inhibitor' && m ? m[1].toLowerCase().replace(/-/g, '') : null;
};
const routes = (d: Drug) => new Set([d.route ?? '', ...(d.otherRoutes ?? [])]);

const NOUNS = {
  oral: 'oral|pills?|tablets?|capsules?',
  infusion: 'infusions?|injections?|drips?|intravenous|iv',
  cart: 'car-?t(?:\\s+cells?)?(?:\\s+therap(?:y|ies))?|cell therapy|cellular therapy',
  io: 'immunotherap(?:y|ies)|immune therapy|checkpoint inhibitors?|checkpoint blockers?',
  targeted: 'targeted (?:therapy|therapies|drugs?|medicines?|pills?|treatments?)|tkis?|tyrosine kinase inhibitors?',
  chemo: 'chemotherapy|chemo',
  adc: 'antibody-drug conjugates?|adcs?',
  checkpoint: 'checkpoint inhibitors?|checkpoint blockers?',
};
function forbiddenNouns(d: Drug): string[] {
  const out = [NOUNS.cart];
  if (d.category === 'immunotherapy') out.push(NOUNS.targeted, NOUNS.chemo, NOUNS.adc);
  if (d.category === 'targeted therapy') out.push(NOUNS.io, NOUNS.chemo, NOUNS.adc);
  if (d.category === 'antibody-drug conjugate') out.push(NOUNS.io, 'tkis?|tyrosine kinase inhibitors?');
  if (d.category === 'chemotherapy') out.push(NOUNS.io, NOUNS.targeted, NOUNS.adc);
  if (d.mechanism === 't-cell-engager') out.push(NOUNS.checkpoint);
  const r = routes(d);
  if (!r.has('oral')) out.push(NOUNS.oral);
  if (!r.has('iv') && !r.has('sc')) out.push(NOUNS.infusion);
  return out;
}

const NOT_NEG = '(?!(?:not|no|never|neither|nor)\\b)';
/** "<drug> … is/are (a) (kind of) (adjective) NOUN" or "<drug>: / , (a) NOUN" at the start of the text after a mention. */
const claimRe = (nouns: string) =>
  new RegExp(
    `^(?:[^.;!?]{0,60}?\\b(?:is|are|was|were|comes as|taken as|given as|acts as|works as)\\s+|[\\s)]*[:,\\u2013-]\\s*)` +
      `(?:(?:a|an|the)\\s+)?(?:(?:type|kind|form|sort|class)\\s+of\\s+)?(?:${NOT_NEG}[a-z0-9-]+\\s+)?(?:${nouns})(?![\\w])`,
    'i',
  );

interface Mention {
  drug: Drug;
  start: number;
  end: number;
}
const nameToDrug = new Map<string, Drug>();
for (const d of drugs) {
  for (const n of [d.generic, ...d.brands, ...(d.abbreviations ?? []).filter((a) => a.length >= 5)]) nameToDrug.set(n.toLowerCase(), d);
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DRUG_RE = new RegExp(
  `(?<![\\w-])(${[...nameToDrug.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\w])`,
  'gi',
);

function mentions(line: string): Mention[] {
  const out: Mention[] = [];
  for (const m of line.matchAll(DRUG_RE)) {
    const drug = nameToDrug.get(m[1].toLowerCase())!;
    const start = m.index;
    const end = start + m[0].length;
    const prev = out[out.length - 1];
    // "durvalumab (Imfinzi)" is one mention
    if (prev && prev.drug === drug && /^[\s(),]*$/.test(line.slice(prev.end, start))) prev.end = end;
    else out.push({ drug, start, end });
  }
  for (const m of out) {
    const close = /^\s*\)/.exec(line.slice(m.end));
    if (close && line.lastIndexOf('(', m.end) > line.lastIndexOf(')', m.start)) m.end += close[0].length;
  }
  return out;
}

/** Problems with how drugs are described on one line of plain (stripped, folded) text. */
function drugProblems(line: string): string[] {
  const problems: string[] = [];
  const ms = mentions(line);
  ms.forEach((m, i) => {
    const next = ms[i + 1]?.start ?? line.length;
    const stop = /[.;!?](?:\s|$)/.exec(line.slice(m.end));
    const after = line.slice(m.end, Math.min(next, stop ? m.end + stop.index : line.length));
    const prevEnd = i > 0 ? ms[i - 1].end : 0;
    const before = line.slice(prevEnd, m.start);
    const name = m.drug.generic;
    for (const nouns of forbiddenNouns(m.drug)) {
      if (claimRe(nouns).test(after)) problems.push(`${name} (${m.drug.class}) described as "${after.trim().slice(0, 60)}"`);
    }
    if (!routes(m.drug).has('oral')) {
      if (/^\s*(?:pills?|tablets?|capsules?)\b/i.test(after)) problems.push(`${name} called a pill`);
      if (/\b(?:oral|pills?|tablets?)\s*$/i.test(before)) problems.push(`${name} called oral`);
    }
    const target = checkpointTarget(m.drug);
    if (target) {
      const t =
        /^[\s)]*(?:[:,\u2013-]|\bis\b|\bare\b)?\s*(?:(?:a|an|the)\s+)?(?:anti-?)?(pd-?l1|pd-?1|ctla-?4)\b/i.exec(after) ??
        /^[^.;!?]{0,40}?\bblocks?\s+(pd-?l1|pd-?1|ctla-?4)\b/i.exec(after);
      if (t && t[1].toLowerCase().replace(/-/g, '') !== target) problems.push(`${name} is not a ${t[1]} drug (${m.drug.class})`);
    }
    const genes = geneSet(m.drug);
    if (genes.size > 0) {
      const g =
        new RegExp(
          `^[\\s)]*(?:[:,\\u2013-]\\s*)?(?:(?:is|are)\\s+)?(?:(?:a|an|the)\\s+)?(${GENE_TOKEN})\\b(?=[\\s-]+(?:pills?|inhibitors?|drugs?|medicines?|tkis?|blockers?|antibod|treatment|therapy|targeted|exon|fusions?|mutations?|v600e|g12c))`,
          'i',
        ).exec(after) ?? new RegExp(`^[^.;!?]{0,40}?\\b(?:targets?|blocks?|treats?|for)\\s+(?:both\\s+)?(${GENE_TOKEN})\\b`, 'i').exec(after);
      if (g && !genes.has(normGene(g[1]))) problems.push(`${name} linked to ${g[1]} (${m.drug.class})`);
    }
  });
  // "EGFR pills such as erlotinib, …" / "PD-1 blockers: pembrolizumab, …": every drug listed must fit
  const lists: [RegExp, (d: Drug, key: string) => boolean][] = [
    [
      new RegExp(
        `\\b(${GENE_TOKEN})\\s+(?:pills?|inhibitors?|drugs?|medicines?|tkis?|blockers?)\\b\\s*(?:\\([^)]*\\)\\s*)?(?::\\s*|,?\\s+(?:such as|like|include|includes|including|are|is)\\s+)`,
        'gi',
      ),
      (d, key) => geneSet(d).has(normGene(key)),
    ],
    [
      /\b(pd-?l1|pd-?1|ctla-?4)\s+(?:checkpoint\s+)?(?:blockers?|inhibitors?|drugs?|antibod(?:y|ies)|medicines?)\b\s*(?:\([^)]*\)\s*)?(?::\s*|,?\s+(?:such as|like|include|includes|including|are|is)\s+)/gi,
      (d, key) => checkpointTarget(d) === key.toLowerCase().replace(/-/g, ''),
    ],
  ];
  for (const [re, fits] of lists) {
    for (const m of line.matchAll(re)) {
      const from = m.index + m[0].length;
      let rest = line.slice(from);
      const stop = /[.;!?](?:\s|$)|\b(?:egfr|alk|ros1|ret|ntrk|kras|braf|met|her2|erbb2|nrg1|pd-?l1|pd-?1|ctla-?4)\b/i.exec(rest);
      if (stop) rest = rest.slice(0, stop.index);
      for (const mm of mentions(rest)) {
        if (!fits(mm.drug, m[1])) problems.push(`${mm.drug.generic} listed among ${m[1]} drugs (${mm.drug.class})`);
      }
    }
  }
  return problems;
}

function plainLines(body: string): string[] {
  return stripMarkdown(body)
    .split('\n')
    .map((l) => fold(l))
    .filter(Boolean);
}
function sentences(body: string): string[] {
  return plainLines(body).flatMap((l) => l.split(/(?<=[.!?])\s+/));
}

function questionsSection(body: string): string[] | null {
  const idx = body.lastIndexOf(`\n${QUESTIONS_HEADING}\n`);
  if (idx < 0) return null;
  const lines = body.slice(idx + QUESTIONS_HEADING.length + 2).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.every((l) => l.startsWith('- ')) ? lines.map((l) => l.slice(2)) : null;
}

// ---------------------------------------------------------------------------------------------

describe('answers: files and headers', () => {
  it(`has at least ${MIN_ANSWERS} answers`, () => {
    expect(answers.length).toBeGreaterThanOrEqual(MIN_ANSWERS);
  });

  it.each(parsed.map((p) => [p.file, p] as const))('%s has a valid JSON header', (_f, p) => {
    expect(p.h.success ? [] : p.h.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it.each(ok.map((a) => [a.file, a] as const))('%s: id equals the file name', (_f, a) => {
    expect(a.h.id).toBe(a.name);
  });

  it('titles are unique', () => {
    const titles = ok.map((a) => a.h.title.toLowerCase());
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  it('forYou conditions use facts/1 names and each text names the fact', () => {
    const procedures = ['lobectomy', 'segmentectomy', 'wedge resection', 'pneumonectomy', 'radiation therapy', 'stereotactic body radiation therapy', 'chemoradiation'];
    const knownTreatments = new Set([...drugs.map((d) => d.generic), ...(drugTable.supportive ?? []), ...procedures]);
    const stageOk = (glob: string) => STAGE_GROUPS.some((g) => new RegExp(`^${escapeRe(glob).replace(/\\\*/g, '.*')}$`).test(g));
    const problems: string[] = [];
    const walk = (file: string, c: unknown): void => {
      if (Array.isArray(c)) return c.forEach((x) => walk(file, x));
      if (!c || typeof c !== 'object') return;
      for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
        const list = (x: unknown) => (Array.isArray(x) ? x : [x]) as string[];
        if (k === 'stage') list(v).filter((g) => !stageOk(g)).forEach((g) => problems.push(`${file}: stage "${g}" matches no stage group`));
        if ((k === 'biomarker' || k === 'noBiomarker') && v && typeof v === 'object') {
          list((v as { gene: unknown }).gene)
            .filter((g) => g === 'HER2' || !/^[A-Z0-9-]+$/.test(g))
            .forEach((g) => problems.push(`${file}: gene "${g}" is not a facts/1 gene symbol`));
        }
        if ((k === 'treatment' || k === 'noTreatment') && v && typeof v === 'object' && 'name' in v) {
          list((v as { name: unknown }).name)
            .filter((n) => !knownTreatments.has(n))
            .forEach((n) => problems.push(`${file}: treatment "${n}" is not a facts/1 treatment name`));
        }
        walk(file, v);
      }
    };
    for (const a of ok) {
      for (const f of a.h.forYou ?? []) {
        walk(a.file, f.when);
        if (!/^Your records\b/.test(f.text)) problems.push(`${a.file}: forYou text should start with "Your records": ${f.text}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the engine loads every answer without problems', () => {
    const k = loadKnowledge(Object.fromEntries(answers.map((a) => [`resources/knowledge/answers/${a.file}`, a.raw])));
    expect(k.problems).toEqual([]);
    expect(k.answers.length).toBe(answers.length);
  });
});

describe('answers: body', () => {
  it.each(ok.map((a) => [a.file, a] as const))('%s ends with 3-6 questions for the care team', (_f, a) => {
    const qs = questionsSection(a.body);
    expect(qs, 'last section must be a "## Questions you could ask" list').not.toBeNull();
    expect(qs!.length).toBeGreaterThanOrEqual(3);
    expect(qs!.length).toBeLessThanOrEqual(6);
    expect(qs!.filter((q) => !q.endsWith('?'))).toEqual([]);
  });

  it.each(ok.map((a) => [a.file, a] as const))('%s has 250-500 words', (_f, a) => {
    const count = stripMarkdown(a.body).split(/\s+/).filter(Boolean).length;
    expect(count).toBeGreaterThanOrEqual(250);
    expect(count).toBeLessThanOrEqual(500);
  });

  it('offers information, not advice, in a calm tone', () => {
    const problems: string[] = [];
    for (const a of ok) {
      if (/!/.test(stripMarkdown(a.body))) problems.push(`${a.file}: exclamation mark`);
      for (const s of sentences(a.body)) if (/\byou (should|must|need to)\b/i.test(s)) problems.push(`${a.file}: "${s}"`);
    }
    expect(problems).toEqual([]);
  });

  it(`reading grade (Flesch-Kincaid) is at most ${MAX_GRADE_EACH} for each answer and ${MAX_GRADE_MEAN} on average`, () => {
    const grades = ok.map((a) => ({ file: a.file, grade: readability(a.body).grade }));
    expect(grades.filter((g) => g.grade > MAX_GRADE_EACH)).toEqual([]);
    const mean = grades.reduce((s, g) => s + g.grade, 0) / grades.length;
    expect(mean).toBeLessThanOrEqual(MAX_GRADE_MEAN);
  });
});

describe('answers: topics', () => {
  it.each(Object.entries(TOPICS))('topic "%s" has an answer whose id or title matches', (_topic, regexes) => {
    expect(ok.filter((a) => matchesTopic(a.h.id, a.h.title, regexes)).map((a) => a.h.id)).not.toEqual([]);
  });

  const readme = join(SCENARIOS_DIR, 'README.md');
  it.skipIf(!existsSync(readme))('every answer topic in the scenarios README is covered', () => {
    const text = readFileSync(readme, 'utf8');
    const section = text.slice(text.indexOf('## Answer topics'), text.indexOf('\n## ', text.indexOf('## Answer topics') + 5));
    const topics: { name: string; regexes: string[] }[] = [];
    for (const line of section.split('\n')) {
      const t = /^- \*\*(.+?)\*\*/.exec(line);
      if (t) topics.push({ name: t[1], regexes: [] });
      const r = /^\s+- `(.+)`\s*$/.exec(line);
      if (r && topics.length) topics[topics.length - 1].regexes.push(r[1]);
    }
    expect(topics.length).toBeGreaterThan(40);
    expect(topics.filter((t) => !ok.some((a) => matchesTopic(a.h.id, a.h.title, t.regexes))).map((t) => t.name)).toEqual([]);
  });
});

describe('answers: clinical consistency', () => {
  it('never says the recurring wrong things (CAR-T approved, tarlatamab is CAR-T, durvalumab is a pill)', () => {
    const problems: string[] = [];
    for (const a of ok) {
      const text = fold(a.body);
      for (const [what, re] of Object.entries(NEVER_SAYS)) if (rx(re).test(text)) problems.push(`${a.file}: ${what}`);
      for (const s of sentences(a.body)) {
        if (/\bcar-?t\b/i.test(s) && /\bapproved\b/i.test(s) && /\blung\b/i.test(s) && !/\b(not|no|none|only|never)\b|n't\b/i.test(s)) {
          problems.push(`${a.file}: may say CAR-T is approved for lung cancer: "${s}"`);
        }
      }
      for (const q of questionsSection(a.body) ?? []) {
        if (/\bcar-?t\b/i.test(q) && !/trial|stud(y|ies)|investigational|research|experimental/i.test(q)) {
          problems.push(`${a.file}: question offers CAR-T outside a trial: "${q}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every drug it names in line with its class in drugs.json', () => {
    const problems = ok.flatMap((a) => plainLines(a.body).flatMap((l) => drugProblems(l).map((p) => `${a.file}: ${p}`)));
    expect(problems).toEqual([]);
  });

  it('the class check catches wrong descriptions (self-test)', () => {
    const wrong = [
      'Durvalumab is an oral targeted pill.',
      'Pembrolizumab (Keytruda) is a targeted therapy.',
      'Keytruda pills are taken daily.',
      'Tarlatamab is a type of CAR-T cell therapy.',
      'Amivantamab is an immunotherapy.',
      'Amivantamab is CAR-T.',
      'Zenocutuzumab is an antibody-drug conjugate.',
      'Osimertinib is an infusion.',
      'Nivolumab, a PD-L1 blocker, is given by drip.',
      'PD-L1 blockers: pembrolizumab and atezolizumab.',
      'Lorlatinib is an EGFR pill.',
      'EGFR pills such as osimertinib and alectinib are common.',
      'Sotorasib (Lumakras): ALK fusions.',
    ];
    expect(wrong.filter((s) => drugProblems(fold(s)).length === 0)).toEqual([]);
    const right = [
      'Durvalumab is not a pill.',
      'Tarlatamab is not CAR-T.',
      'Durvalumab (Imfinzi) is an immunotherapy.',
      'PD-1 blockers: pembrolizumab (Keytruda), nivolumab (Opdivo) and cemiplimab (Libtayo).',
      'Older EGFR pills are erlotinib, gefitinib, afatinib and dacomitinib.',
      'Examples are osimertinib for EGFR, and alectinib, brigatinib and lorlatinib for ALK.',
      'Topotecan is given by a drip or as capsules.',
      'Zenocutuzumab (Bizengri) targets HER2 and HER3.',
    ];
    expect(right.flatMap((s) => drugProblems(fold(s)))).toEqual([]);
  });
});

// Question scenarios from the team folder, when it sits beside the app: every answer the
// engine may rightly pick for a question (its id or title matches the scenario's `answer`
// regexes) must satisfy that scenario's answerSays and answerNeverSays.
const questionFiles = existsSync(SCENARIOS_DIR) ? readdirSync(SCENARIOS_DIR).filter((f) => /^questions-.*\.json$/.test(f)) : [];
interface QuestionScenario {
  id: string;
  question?: string;
  answer?: string[] | null;
  answerSays?: string[];
  answerNeverSays?: string[];
}
const scenarios = questionFiles.flatMap((f) => {
  const data = JSON.parse(readFileSync(join(SCENARIOS_DIR, f), 'utf8')) as QuestionScenario | QuestionScenario[];
  return Array.isArray(data) ? data : [data];
});

describe.skipIf(scenarios.length === 0)('answers: question scenarios (../shared/scenarios)', () => {
  it.each(scenarios.filter((s) => Array.isArray(s.answer)).map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const fitting = ok.filter((a) => matchesTopic(a.h.id, a.h.title, s.answer!));
    expect(fitting.length, 'some answer must fit this question').toBeGreaterThan(0);
    const problems: string[] = [];
    for (const a of fitting) {
      const text = fold(a.body);
      for (const r of s.answerSays ?? []) if (!rx(r).test(text)) problems.push(`${a.file} does not say /${r}/`);
      for (const r of s.answerNeverSays ?? []) if (rx(r).test(text)) problems.push(`${a.file} says /${r}/`);
    }
    expect(problems).toEqual([]);
  });
});
