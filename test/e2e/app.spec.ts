// The whole flow a newcomer goes through, in Debian Chromium against the built renderer and
// the real extraction process (see harness/README.md): first run, importing a scanned case
// with visible progress, a locked PDF, the samples, evidence for a fact, a correction that
// changes the questions, the appointment list printed to PDF, asking, guidelines, 200 % text,
// and a restart that keeps everything. Every screen is scanned with axe and photographed at
// 100 % and 200 % text. Nothing may leave the fake origin.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { launchApp, newProfileDir, ROOT, type AppSession } from './harness/index.ts';
import { AppModel, OCR_TIMEOUT } from './harness/app-model.ts';
import { expectAccessible, shoot, watchPage } from './harness/checks.ts';

const CORPUS = path.resolve(ROOT, '../shared/corpus');
const BAD = path.resolve(ROOT, '../shared/corpus-bad');
const CASE = path.join(CORPUS, 'case004');
const caseFiles = fs.readdirSync(CASE).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(CASE, f));
const lockedPdf = path.join(BAD, 'encrypted-password.pdf');
const password = /user password is `([^`]+)`/.exec(fs.readFileSync(path.join(BAD, 'README.md'), 'utf8'))![1];

const profile = newProfileDir();
let session: AppSession;
let app: AppModel;
let watch: { errors: string[] };
const outside: string[] = [];
const OWN_QUESTION = 'Can I still travel to see my grandchildren in the spring?';
const CARE_TEAM = 'Dr Rivera and the lung team (fictitious)';

async function start(): Promise<void> {
  session = await launchApp(profile);
  app = new AppModel(session.page);
  watch = watchPage(session.page);
}
async function stop(): Promise<void> {
  outside.push(...session.requests.attempted, ...session.requests.outside);
  await session.close();
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(start);
test.afterAll(async () => {
  if (session) await stop();
  fs.rmSync(profile, { recursive: true, force: true });
});
test.afterEach(() => {
  expect(watch.errors, 'page errors or CSP violations').toEqual([]);
  expect(session.requests.attempted, 'requests the app tried to make elsewhere').toEqual([]);
  expect(session.requests.outside, 'requests that left the app').toEqual([]);
});

test('first run: a calm welcome that explains the app and the privacy promise', async () => {
  const { page } = session;
  await expect(page.locator('main h1')).toHaveText('Welcome');
  await expect(page.getByText('Your records stay on this computer.', { exact: true })).toBeVisible();
  await expect(page.getByText(/not medical advice/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try with sample records first' })).toBeVisible();
  await shoot(page, '01-home');
  await expectAccessible(page, 'home');
});

test('works with the keyboard alone: skip link, navigation, and focus on the chosen screen', async () => {
  const { page } = session;
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.locator('[data-nav="records"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('My records');
  await expect(page.locator('main h1')).toBeFocused();
  await page.keyboard.press('Tab');
  const choose = page.getByRole('button', { name: 'Choose files from this computer…' });
  await expect(choose).toBeFocused();
  // the focus is visible: a solid outline of at least 2 px
  const outline = await choose.evaluate((el) => { const s = getComputedStyle(el); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

test('imports a scanned case and shows per-file progress in words and as a bar', async () => {
  const { page } = session;
  await app.go('records', 'My records');
  // collect every progress sentence the screen shows, as a person would see them
  await page.evaluate(() => {
    const w = window as unknown as { __seen: string[] };
    w.__seen = [];
    new MutationObserver(() => {
      for (const p of document.querySelectorAll('.record-progress p')) if (!w.__seen.includes(p.textContent!)) w.__seen.push(p.textContent!);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await app.addFiles(caseFiles);
  await expect(app.records()).toHaveCount(caseFiles.length);
  await expect(page.locator('li.record .record-progress progress').first()).toBeVisible();
  await app.allRead();
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.some((t) => /Waiting to be read/.test(t))).toBe(true);
  expect(seen.some((t) => /OCR\): \d+ of \d+ pages? done/.test(t)), `progress seen: ${seen.join(' | ')}`).toBe(true);

  await expect(page.locator('li.record[data-state="done"]')).toHaveCount(caseFiles.length);
  for (const f of caseFiles) await expect(app.record(path.basename(f))).toContainText(/Read: \d+ pages?/);
  await expect(page.locator('li.record', { hasText: 'text recognition (OCR)' }).first()).toBeVisible();
  await shoot(page, '02-records');
  await expectAccessible(page, 'records');

  // the same content again is recognised, not duplicated
  await app.addFiles([caseFiles[0]]);
  await expect(page.getByText(`“${path.basename(caseFiles[0])}” is already in your records, so it was not added again.`)).toBeVisible();
  await expect(app.records()).toHaveCount(caseFiles.length);
});

test('a password-protected PDF asks for its password and then reads', async () => {
  const { page } = session;
  await app.addFiles([lockedPdf]);
  const row = app.record('encrypted-password.pdf');
  await expect(row).toHaveAttribute('data-state', 'password', { timeout: OCR_TIMEOUT });
  await expect(row).toContainText('This PDF is locked with a password.');
  await row.getByLabel('Password for this PDF').fill('not-the-password');
  await row.getByRole('button', { name: 'Unlock and read' }).click();
  await expect(row.getByRole('alert')).toContainText('That password did not open the file', { timeout: OCR_TIMEOUT });
  await shoot(page, '03-records-password');
  await expectAccessible(page, 'records: password prompt');
  await app.setTextSize(200);
  await app.go('records', 'My records');
  await shoot(page, '03-records-password');
  await expectAccessible(page, 'records: password prompt at 200%');
  await app.setTextSize(100);
  await app.go('records', 'My records');
  await row.getByLabel('Password for this PDF').fill(password);
  await row.getByRole('button', { name: 'Unlock and read' }).click();
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: OCR_TIMEOUT });
  await expect(row).toContainText(/Read: \d+ pages?/);
});

test('problem files are named with the next step; a photo named .pdf is read as a picture; a long scan can be stopped', async () => {
  await app.addFiles([path.join(BAD, 'empty-zero-bytes.pdf'), path.join(BAD, 'photo-jpeg-renamed.pdf')]);
  const empty = app.record('empty-zero-bytes.pdf');
  await expect(empty).toHaveAttribute('data-state', 'failed', { timeout: OCR_TIMEOUT });
  await expect(empty.getByRole('alert')).toContainText('This file could not be read.');
  await expect(empty.locator('.record-notes')).toContainText(/empty/i);
  await expect(empty.getByRole('button', { name: 'Read again' })).toBeVisible();
  const photo = app.record('photo-jpeg-renamed.pdf');
  await expect(photo).toHaveAttribute('data-state', 'done', { timeout: OCR_TIMEOUT });
  await expect(photo).toContainText('from a picture with text recognition (OCR)');
  await expect(photo.locator('.record-notes')).toContainText(/picture/i);

  await app.addFiles([path.join(BAD, 'scanned-300-pages.pdf')]);
  const long = app.record('scanned-300-pages.pdf');
  await expect(long.locator('.record-progress')).toContainText(/of 300 pages done/, { timeout: 120_000 });
  await long.getByRole('button', { name: 'Stop reading' }).click();
  await expect(long).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
  await expect(long).toContainText('Reading was stopped');
  await expect(long.getByRole('button', { name: 'Read again' })).toBeVisible();
  await long.getByRole('button', { name: 'Remove…' }).click();
  await session.page.locator('dialog[data-dialog="confirm"]').getByRole('button', { name: 'Remove this record' }).click();
  await expect(long).toHaveCount(0);
});

test('sample records are marked, read, and their originals stay viewable', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Try with sample records' }).click();
  await expect(page.locator('li.record', { hasText: 'SAMPLE' })).toHaveCount(3);
  await app.allRead();
  const scan = page.locator('li.record', { hasText: 'SAMPLE' }).filter({ hasText: 'text recognition (OCR)' }).first();
  await scan.getByRole('button', { name: 'View the original' }).click();
  const dialog = page.locator('dialog[data-dialog="record-viewer"]');
  await expect(dialog.locator('.page-view')).toHaveAttribute('data-state', 'shown', { timeout: 60_000 });
  await expect(dialog.locator('img')).toBeVisible();
  expect(await dialog.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(500);
  await dialog.getByText('Text read from this page').click();
  await expect(dialog).toContainText(/Read from a scan with text recognition \(OCR\), about \d+% sure/);
  await shoot(page, '04-record-viewer');
  await expectAccessible(page, 'record viewer');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('search finds words in the records; a line becomes a fact whose evidence shows on the page', async () => {
  const { page } = session;
  await app.go('search', 'Search my records');
  await page.getByLabel('Words to find').fill('adenocarcinoma');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.locator('#results-heading')).toContainText(/Found in \d+ places?/);
  const hit = page.locator('li.search-hit', { hasText: 'sample-pathology-report.pdf' }).first();
  await expect(hit.locator('mark').first()).toHaveText(/adenocarcinoma/i);
  await shoot(page, '05-search');
  await expectAccessible(page, 'search');

  await hit.getByRole('button', { name: 'Add as a fact…' }).click();
  const editor = page.locator('dialog[data-dialog="fact-editor"]');
  await expect(editor).toContainText('Where it says this: sample-pathology-report.pdf, page 1');
  await editor.getByLabel('Type of cancer').check();
  await editor.getByLabel('Type of lung cancer (histology)').selectOption('adenocarcinoma');
  await expect(editor.getByLabel('Non-small cell lung cancer (NSCLC)')).toBeChecked();
  await shoot(page, '06-fact-editor');
  await expectAccessible(page, 'fact editor');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);

  await app.go('facts', 'My facts');
  const card = page.locator('li.fact[data-fact="diagnosis"]');
  await expect(card.locator('.fact-label')).toHaveText('Adenocarcinoma');
  await expect(card).toContainText('From sample-pathology-report.pdf, page 1');
  await shoot(page, '07-facts');
  await expectAccessible(page, 'facts');

  await card.getByRole('button', { name: 'Show where it says this' }).click();
  const evidence = page.locator('dialog[data-dialog="evidence"]');
  await expect(evidence.locator('blockquote')).toContainText(/adenocarcinoma/i);
  await expect(evidence.locator('.page-view')).toHaveAttribute('data-state', 'shown', { timeout: 60_000 });
  const img = await evidence.locator('.page-figure img').boundingBox();
  const mark = await evidence.locator('svg.page-highlight rect').boundingBox();
  expect(img && mark).toBeTruthy();
  expect(mark!.width).toBeGreaterThan(20);
  expect(mark!.height).toBeGreaterThan(5);
  expect(mark!.x).toBeGreaterThanOrEqual(img!.x - 1);
  expect(mark!.y + mark!.height).toBeLessThanOrEqual(img!.y + img!.height + 1);
  await shoot(page, '08-evidence');
  await expectAccessible(page, 'evidence');
  await evidence.getByRole('button', { name: 'Close' }).click();
});

test('correcting a fact changes the questions for the appointment at once', async () => {
  const { page } = session;
  await app.go('appointment', 'For my appointment');
  await expect(page.locator('li.question').first()).toBeVisible();
  const before = await app.questionTexts();

  await app.go('facts', 'My facts');
  await page.locator('li.fact[data-fact="diagnosis"]').getByRole('button', { name: 'Correct it' }).click();
  const editor = page.locator('dialog[data-dialog="fact-editor"]');
  await editor.getByLabel('Type of lung cancer (histology)').selectOption('small cell carcinoma');
  await expect(editor.getByLabel('Small cell lung cancer (SCLC)')).toBeChecked();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('li.fact[data-fact="diagnosis"] .fact-label')).toHaveText('Small cell carcinoma');

  await app.go('appointment', 'For my appointment');
  await expect.poll(() => app.questionTexts()).not.toEqual(before);
});

test('the appointment list: own question, reorder with buttons, tick off, print and save as PDF', async () => {
  const { page } = session;
  await page.getByLabel('Care team or doctor').fill(CARE_TEAM);
  await page.getByLabel('Add your own question').fill(OWN_QUESTION);
  await page.getByRole('button', { name: 'Add to my list' }).click();
  await expect.poll(async () => (await app.questionTexts()).at(-1)).toBe(OWN_QUESTION);
  const count = (await app.questionTexts()).length;
  const mine = page.locator('li.question[data-question^="o:"]');
  await mine.getByRole('button', { name: /^Move up:/ }).click();
  await expect.poll(async () => (await app.questionTexts()).indexOf(OWN_QUESTION)).toBe(count - 2);
  await mine.getByRole('checkbox').check();
  await expect(mine).toHaveAttribute('data-done', 'true');
  await shoot(page, '09-appointment');
  await expectAccessible(page, 'appointment');

  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.locator('.print-status')).toHaveText('Sent to the printer.');
  expect(session.bridge.calls).toContain('app:print');

  await page.getByLabel('Large print').check();
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(page.locator('.print-status')).toHaveText('Saved as a PDF.', { timeout: 60_000 });
  const saved = session.bridge.saved.at(-1)!;
  expect(path.basename(saved)).toMatch(/^Questions for my appointment \d{4}-\d{2}-\d{2}\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  expect(text).toContain('Questions for my appointment');
  expect(text).toContain(`For: ${CARE_TEAM}`);
  expect(text).toContain(`Printed on ${today}`);
  expect(text).toContain('Can I still travel to see my grandchildren');
  expect(text).toContain('it is not medical advice');
  for (const chrome of ['Search my records', 'Move up', 'Add to my list', 'Records Companion Private']) expect(text).not.toContain(chrome);

  // the print stylesheet on its own, as Chromium prints it
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(path.dirname(saved), 'print-media.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(printed).toContain(OWN_QUESTION);
  expect(printed).not.toContain('Skip to the main content');
});

test('ask a question: an answer with what it means for you, alternatives and all topics', async () => {
  const { page } = session;
  await app.go('ask', 'Ask a question');
  await page.getByLabel('Your question').fill('What does PD-L1 mean for my treatment?');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  const answer = page.locator('article.answer');
  await expect(answer.locator('h2')).toBeVisible();
  await expect(answer).toContainText('Last checked against its sources');
  await expect(answer.locator('.answer-sources li').first()).toBeVisible();
  const firstTitle = await answer.locator('h2').textContent();
  const topics = page.locator('ul.topics button');
  await expect.poll(() => topics.count()).toBeGreaterThan(10);
  await shoot(page, '10-ask');
  await expectAccessible(page, 'ask');
  await topics.filter({ hasNotText: firstTitle! }).first().click();
  await expect(answer.locator('h2')).not.toHaveText(firstTitle!);

  // the diagnosis is now small cell (corrected above): an answer about it says what that means here
  await page.getByLabel('Your question').fill('What is small cell lung cancer?');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(answer.locator('.for-you h3')).toHaveText('What this means for you');
  await expect(answer.locator('.for-you li').first()).toBeVisible();
});

test('guidelines: matching sections with why, all sections with sources and review dates', async () => {
  const { page } = session;
  await app.go('guidelines', 'Guidelines');
  await expect(page.locator('#matched-heading')).toContainText(/Sections that match your facts \(\d+\)/);
  const all = page.locator('#all-heading + ul > li');
  await expect.poll(() => all.count()).toBeGreaterThan(5);
  await all.first().locator('summary').first().click();
  await expect(all.first()).toContainText('Last checked against its sources');
  await expect(all.first()).toContainText('Sources');
  await shoot(page, '11-guidelines');
  await expectAccessible(page, 'guidelines');
});

test('settings, then every screen at 200 % text', async () => {
  const { page } = session;
  await app.go('settings', 'Settings');
  await shoot(page, '12-settings');
  await expectAccessible(page, 'settings');
  await app.setTextSize(200);
  const screens: Array<[string, string, string]> = [
    ['home', 'Welcome', '01-home'], ['records', 'My records', '02-records'], ['search', 'Search my records', '05-search'],
    ['facts', 'My facts', '07-facts'], ['appointment', 'For my appointment', '09-appointment'], ['ask', 'Ask a question', '10-ask'],
    ['guidelines', 'Guidelines', '11-guidelines'], ['settings', 'Settings', '12-settings'],
  ];
  for (const [id, heading, shot] of screens) {
    await app.go(id, heading);
    // nothing may need sideways scrolling at 200 % (WCAG 1.4.10)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${id} reflows`).toBe(true);
    await shoot(page, shot);
    await expectAccessible(page, `${id} at 200%`);
  }
  await app.go('facts', 'My facts');
  await page.locator('li.fact[data-fact="diagnosis"]').getByRole('button', { name: 'Show where it says this' }).click();
  await expect(page.locator('dialog[data-dialog="evidence"] .page-view')).toHaveAttribute('data-state', 'shown', { timeout: 60_000 });
  await shoot(page, '08-evidence');
  await page.locator('dialog[data-dialog="evidence"]').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Add a fact your records state' }).click();
  await expect(page.locator('dialog[data-dialog="fact-editor"]')).toBeVisible();
  await shoot(page, '06-fact-editor');
  await expectAccessible(page, 'fact editor at 200%');
  await page.locator('dialog[data-dialog="fact-editor"] .dialog-head').getByRole('button', { name: 'Cancel' }).click();
  await app.go('records', 'My records');
  await page.locator('li.record', { hasText: 'SAMPLE' }).filter({ hasText: 'text recognition (OCR)' }).first().getByRole('button', { name: 'View the original' }).click();
  await expect(page.locator('dialog[data-dialog="record-viewer"] .page-view')).toHaveAttribute('data-state', 'shown', { timeout: 60_000 });
  await shoot(page, '04-record-viewer');
  await expectAccessible(page, 'record viewer at 200%');
  await page.locator('dialog[data-dialog="record-viewer"]').getByRole('button', { name: 'Close' }).click();
});

test('after a restart everything is still there', async () => {
  await app.go('records', 'My records');
  const before = caseFiles.length + 6; // the case, the locked PDF, the empty file, the photo and 3 samples
  await expect(app.records()).toHaveCount(before);
  const states = async () => (await app.records().evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-record')}:${r.getAttribute('data-state')}`))).sort();
  const statesBefore = await states();
  await stop();
  await start();
  const { page } = session;
  await expect(page.locator('html')).toHaveClass(/text-200/);
  await app.go('records', 'My records');
  await expect(app.records()).toHaveCount(before);
  expect(await states()).toEqual(statesBefore);
  await app.go('facts', 'My facts');
  await expect(page.locator('li.fact[data-fact="diagnosis"] .fact-label')).toHaveText('Small cell carcinoma');
  await app.go('appointment', 'For my appointment');
  await expect(page.getByLabel('Care team or doctor')).toHaveValue(CARE_TEAM);
  await expect(page.locator('li.question[data-question^="o:"]')).toHaveAttribute('data-done', 'true');
  await expect.poll(() => app.questionTexts()).toContain(OWN_QUESTION);
  await expect(page.getByLabel('Large print')).toBeChecked();
  await app.setTextSize(100);
});

test('removing asks first; the samples go in one step; nothing left the device', async () => {
  const { page } = session;
  await app.go('records', 'My records');
  const row = app.record(path.basename(caseFiles[0]));
  // the list fills from the database after the screen shows: count once the row is there
  await expect(row).toBeVisible();
  await expect(page.locator('li.record', { hasText: 'SAMPLE' })).toHaveCount(3);
  const before = await app.records().count();
  await row.getByRole('button', { name: 'Remove…' }).click();
  const confirm = page.locator('dialog[data-dialog="confirm"]');
  await expect(confirm).toContainText('The file on your computer is not touched');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(app.records()).toHaveCount(before);
  await row.getByRole('button', { name: 'Remove…' }).click();
  await confirm.getByRole('button', { name: 'Remove this record' }).click();
  await expect(app.records()).toHaveCount(before - 1);

  await page.getByRole('button', { name: 'Remove the sample records' }).click();
  await confirm.getByRole('button', { name: 'Remove the samples' }).click();
  await expect(page.locator('li.record', { hasText: 'SAMPLE' })).toHaveCount(0);
  await expect(app.records()).toHaveCount(before - 4);

  expect([...outside, ...session.requests.attempted, ...session.requests.outside]).toEqual([]);
  expect(session.requests.all.length).toBeGreaterThan(0);
});
