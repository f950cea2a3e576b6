// Checks every e2e screen goes through: an axe scan (WCAG 2.2 A/AA; serious and critical
// findings fail the test, all findings are summarised in test-results/axe-summary.json),
// screenshots at the current text size, and a log of page errors and CSP violations.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, SCREENSHOTS } from './index.ts';

const SUMMARY = path.join(ROOT, 'test-results/axe-summary.json');
const summary: Record<string, { violations: Array<{ id: string; impact: string | null | undefined; nodes: number }> }> = {};

export async function expectAccessible(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  summary[name] = { violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) };
  fs.mkdirSync(path.dirname(SUMMARY), { recursive: true });
  fs.writeFileSync(SUMMARY, JSON.stringify(summary, null, 2));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), `axe on ${name}`).toEqual([]);
}

/** Saves test-results/screenshots/<name>-<size>.png: the whole page, or only the window when a dialog is open. */
export async function shoot(page: Page, name: string): Promise<string> {
  const dialogOpen = await page.locator('dialog[open]').count() > 0;
  const size = await page.evaluate(() => (document.documentElement.className.match(/text-(\d+)/)?.[1] ?? '100'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}-${size}.png`);
  await page.screenshot({ path: file, fullPage: !dialogOpen, animations: 'disabled' });
  return file;
}

/** Collects uncaught page errors and CSP violations, which must stay empty. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(`csp: ${m.text()}`); });
  return { errors };
}
