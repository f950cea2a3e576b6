// Question matching: synonyms, misspellings, off-topic questions, 0–1 scores, alternatives,
// and forYou lines that name the fact and where it was read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../shared/guidance/ask.ts';
import { guide } from '../../../shared/guidance/engine.ts';
import { bm, facts, fixtureKnowledge, realKnowledge } from './helpers.ts';

const k = fixtureKnowledge();
const matcher = buildMatcher(k.answers, k.synonyms);
const best = (q: string) => matcher.match(q).best?.id ?? null;

describe('matching a person\'s words to an answer', () => {
  it.each([
    ['can they reprogram my immune cells to fight it', 'car-t-lung'],
    ['CAR T?', 'car-t-lung'],
    ['is cart cell therapy aproved for lung cancer', 'car-t-lung'],
    ['osimertinb side efects', 'osimertinib-side-effects'],
    ['my dad is on tagriso and has a rash', 'osimertinib-side-effects'],
    ['how does tagrisso work on my egfr mutation', 'egfr-positive'],
    ['why are they waiting for gene results before starting chemo', 'biomarker-testing'],
    ['does palliative mean hospice', 'palliative-care'],
  ])('%s → %s', (q, id) => expect(best(q)).toBe(id));

  it.each(['what is the weather tomorrow', 'best pizza in town', 'how do I renew my passport', '', '   ?!'])('off-topic or empty "%s" gives no answer', (q) => {
    const m = matcher.match(q);
    expect(m.best).toBeNull();
    expect(m.alternatives.length).toBeLessThanOrEqual(3);
  });

  it('scores lie between 0 and 1 and alternatives are at most 3, best first', () => {
    for (const q of ['car-t', 'osimertinib', 'what does my biomarker result mean for osimertinib and hospice']) {
      const m = matcher.match(q);
      const all = [m.best, ...m.alternatives].filter((x) => x !== null);
      for (const s of all) {
        expect(s!.score).toBeGreaterThanOrEqual(0);
        expect(s!.score).toBeLessThanOrEqual(1);
      }
      expect(m.alternatives.length).toBeLessThanOrEqual(3);
      for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
    }
  });
});

describe('the answer in guidance', () => {
  it('carries text, sources, review month, and forYou naming the fact and where it was read', () => {
    const f = facts({ biomarkers: [{ ...bm('EGFR', 'exon 19 deletion'), evidence: [{ file: '03-molecular.pdf', page: 2, quote: 'Exon 19 deletion' }] }] });
    const g = guide(f, 'what is an egfr mutation', k);
    expect(g.answer?.id).toBe('egfr-positive');
    expect(g.answer?.sources.length).toBeGreaterThan(0);
    expect(g.answer?.reviewed).toBe('2026-11');
    expect(g.answer?.forYou).toEqual(['Your records show an EGFR mutation. (EGFR exon 19 deletion detected: 03-molecular.pdf, page 2)']);
  });
  it('forYou without evidence names the fact but no place, and a condition that fails adds nothing', () => {
    expect(guide(facts({ biomarkers: [bm('EGFR', 'L858R')] }), 'egfr mutation', k).answer?.forYou).toEqual(['Your records show an EGFR mutation. (EGFR L858R detected)']);
    expect(guide(facts({}), 'egfr mutation', k).answer?.forYou).toEqual([]);
  });
  it('a rejected fact does not show in forYou', () => {
    const g = guide(facts({ biomarkers: [{ ...bm('EGFR', 'L858R'), review: 'rejected' }] }), 'egfr mutation', k);
    expect(g.answer?.forYou).toEqual([]);
  });
  it('no question: no answer and no alternatives', () => {
    const g = guide(facts({}), null, k);
    expect(g.answer).toBeNull();
    expect(g.alternatives).toEqual([]);
    expect(g.question).toBeNull();
  });
});

describe('the real answers, on questions written for these tests', () => {
  const real = realKnowledge();
  const topics = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'topic-regexes.json'), 'utf8')) as Record<string, string[]>;
  const questions = ['questions-eval.json', 'questions-eval-2.json', 'questions-eval-3.json']
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as [string, string | null][]);
  it.skipIf(real.answers.length < 40)('match at least 90% of them to the right topic, and off-topic ones to nothing', () => {
    const m = buildMatcher(real.answers, real.synonyms);
    const misses: string[] = [];
    for (const [q, topic] of questions) {
      const got = m.match(q).best;
      const ok = topic === null ? got === null : !!got && topics[topic].some((re) => new RegExp(re, 'i').test(got.id) || new RegExp(re, 'i').test(got.title));
      if (!ok) misses.push(`${q} → ${got?.id ?? 'none'} (want ${topic})`);
    }
    expect(misses.length / questions.length, misses.join('\n')).toBeLessThanOrEqual(0.1);
  });
});
