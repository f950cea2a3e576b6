// The whole import-to-questions flow in Node, under the no-network guard: real corpus
// records (born-digital and scanned, so pdf.js, the image decoders and the OCR worker
// threads all run) → facts → the knowledge base → tailored questions and an answer. Zero
// connection attempts, from this thread, the OCR threads or anything else.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import workerThreads from 'node:worker_threads';
import { factsFromFiles } from '../../../electron/extraction/read-records.ts';
import { guide } from '../../../shared/guidance/engine.ts';
import { loadKnowledge } from '../../../shared/guidance/knowledge.ts';
import { FactsSchema } from '../../../shared/contract/facts.ts';
import { GuidanceSchema } from '../../../shared/contract/guidance.ts';
import { attempts, takeChildAttempts } from './net-guard.cjs';
import { corpus } from '../../support/paths.ts';
import { readKnowledgeFiles } from '../../../electron/cli/knowledge-files.ts';


describe('import → facts → questions, offline', () => {
  it('the guard is in place, for this thread and for the OCR worker threads', () => {
    expect(workerThreads.Worker.name).toBe('GuardedWorker');
    // eslint-disable-next-line no-restricted-globals -- deliberate: fetch must be the guard's refusal
    expect(fetch.name).toBe('fetch');
    expect(process.env.NODE_OPTIONS).toContain('net-guard.cjs');
  });

  it('reads a case with scanned records and answers with tailored questions, making zero connection attempts', async () => {
    // case004: two born-digital records and three one-page scans (OCR)
    const files = fs.readdirSync(corpus('case004')).filter((f) => f.endsWith('.pdf')).map((f) => corpus('case004', f));
    expect(files.length).toBe(5);
    const before = attempts().length;

    const { facts, documents } = await factsFromFiles(files, { cache: null });
    expect(documents.flatMap((d) => d.pages.filter((p) => p.source === 'ocr')).length).toBeGreaterThanOrEqual(3);
    expect(FactsSchema.safeParse(facts).success).toBe(true);
    expect(facts.sources).toHaveLength(5);

    const knowledge = loadKnowledge(readKnowledgeFiles());
    expect(knowledge.answers.length).toBeGreaterThan(10);
    const guidance = guide(facts, 'What does my PD-L1 result mean?', knowledge);
    expect(GuidanceSchema.safeParse(guidance).success).toBe(true);
    expect(guidance.questions.length).toBeGreaterThan(0);
    expect(guidance.answer).not.toBeNull();

    expect(attempts().length - before).toBe(0);
    expect(takeChildAttempts(process.env.RECORDS_NET_GUARD_LOG!)).toEqual([]);
  }, 120_000);
});
