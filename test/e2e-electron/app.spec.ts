// The real Electron app, built (out/main/index.js), with its own profile (RECORDS_E2E=1 and
// RECORDS_USER_DATA, honoured by main only in test mode). The OS is stubbed in main (the save
// dialog), never the app. One import through the sandboxed preload and the utility process,
// a PDF saved through the stubbed dialog, and the navigation rules: no leaving app://records,
// no new windows, no remote images.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'out/main/index.js');
const SCAN = path.resolve(ROOT, '../shared/corpus/case004/01-pathology.pdf');
const hasElectron = fs.existsSync(path.join(ROOT, 'node_modules/electron/path.txt'));

test.skip(!hasElectron, 'needs the Electron binary (node_modules/electron/dist); run `npx electron-vite build` too');
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let dir: string;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-electron-'));
  app = await electron.launch({
    args: [MAIN, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, RECORDS_E2E: '1', RECORDS_USER_DATA: path.join(dir, 'profile'), RECORDS_QUIET_LOG: '1' },
  });
  page = await app.firstWindow();
  await page.locator('.app[data-ready="true"]').waitFor({ timeout: 60_000 });
  // the save dialog answers with a file in our folder; nothing else in main is changed
  await app.evaluate(({ dialog }, target) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog;
  }, path.join(dir, 'questions.pdf'));
});

test.afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('runs from app://records in an isolated window that sees window.api only', async () => {
  expect(new URL(page.url()).origin).toBe('app://records');
  // isolated and without Node: the page sees window.api and nothing of Electron or Node
  expect(await page.evaluate(() => ({ api: typeof (window as any).api?.readRecord, require: typeof (window as any).require, process: typeof (window as any).process }))).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
  const axe = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('imports a scanned record through the preload and the utility process', async () => {
  await page.locator('[data-nav="records"]').click();
  await page.getByTestId('file-input').setInputFiles(SCAN);
  const row = page.locator(`li.record[data-record="${path.basename(SCAN)}"]`);
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(row).toContainText('text recognition (OCR)');
  await row.getByRole('button', { name: 'View the original' }).click();
  await expect(page.locator('dialog[data-dialog="record-viewer"] .page-view')).toHaveAttribute('data-state', 'shown', { timeout: 60_000 });
  await page.locator('dialog[data-dialog="record-viewer"]').getByRole('button', { name: 'Close' }).click();
});

test('saves the appointment list as a PDF through the (stubbed) save dialog', async () => {
  await page.locator('[data-nav="appointment"]').click();
  await page.getByLabel('Add your own question').fill('What should I ask first?');
  await page.getByRole('button', { name: 'Add to my list' }).click();
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(page.locator('.print-status')).toHaveText('Saved as a PDF.');
  expect(fs.readFileSync(path.join(dir, 'questions.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
});

test('cannot navigate away, open windows or load remote content', async () => {
  const start = page.url();
  await page.evaluate(() => { location.href = 'https://example.invalid/?next=app://records'; }).catch(() => undefined);
  await page.waitForTimeout(500); // a refused navigation has no event to wait for
  expect(page.url()).toBe(start);
  expect(await page.evaluate(() => window.open('https://example.invalid/') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
  const loaded = await page.evaluate(() => new Promise<boolean>((resolve) => {
    const img = new Image();
    img.onload = () => resolve(true);
    img.onerror = () => resolve(false);
    img.src = 'https://example.invalid/pixel.png';
  }));
  expect(loaded).toBe(false);
});
