// At-rest protections, end to end in Chromium against the built renderer and the real
// extraction process (see harness/README.md):
//  - the lock: set up in Settings, every stored value encrypted (the raw IndexedDB rows hold
//    no record word) and everything stored again in fresh files, so the whole profile on disk,
//    read after the browser closed, holds no record word either; a restart opens on the lock
//    screen before anything is read, a wrong passphrase is refused plainly, the right one
//    opens everything, "Lock now" locks again;
//  - a new passphrase, with the browser closed half-way through storing everything again: the
//    next start asks for the new passphrase, finishes, and nothing is lost; the old key file
//    is nowhere on disk;
//  - a backup saved in one profile restores into a FRESH profile (a new user-data-dir) with
//    every record, fact, correction and own question, and the backup file is unreadable
//    without its passphrase (no record word in its bytes; a wrong passphrase does not open it);
//  - "Delete everything" leaves no record data (IndexedDB empty, no lock) and the app is back
//    at its first run, also after a restart.
// The lock screen and the new dialogs are scanned with axe and photographed at 100 % and
// 200 % text. Nothing may leave the fake origin.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { isSecurityError, openBackup } from '../../shared/security/index.ts';
import { launchApp, newProfileDir, ROOT, type AppSession } from './harness/index.ts';
import { stashDir } from './harness/api-bridge.ts';
import { rawStore, wordsOnDisk } from './harness/at-rest.ts';
import { AppModel } from './harness/app-model.ts';
import { expectAccessible, shoot, watchPage } from './harness/checks.ts';

const PASS = 'purple otters read quietly';
const OWN_QUESTION = 'Should my daughter come with me to the scan results?';
// words from the sample records, their file names, the correction and the own question
const WORDS = ['Northfield', 'adenocarcinoma', 'Sam Sample', 'SAMPLE-0001', 'Genomics', 'sample-pathology-report', 'sample-molecular-report', 'daughter come with me'];
const SAVE_DIR = path.join(ROOT, 'test-results/security-saved');

const profileA = newProfileDir();
const profileB = newProfileDir();
let session: AppSession;
let app: AppModel;
let watch: { errors: string[] };
let backupFile = '';
const outside: string[] = [];

async function start(profile: string): Promise<void> {
  session = await launchApp(profile, SAVE_DIR);
  app = new AppModel(session.page);
  watch = watchPage(session.page);
}
async function stop(): Promise<void> {
  outside.push(...session.requests.attempted, ...session.requests.outside);
  await session.close();
}

async function openSettings(): Promise<void> {
  await app.go('settings', 'Settings');
  await expect(session.page.locator('[data-lock-section]')).toBeVisible();
}

async function unlock(passphrase = PASS): Promise<void> {
  const { page } = session;
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Open my records' }).click();
  await page.locator('.app[data-ready="true"]:not([data-locked])').waitFor({ timeout: 60_000 });
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  fs.rmSync(SAVE_DIR, { recursive: true, force: true });
  await start(profileA);
});
test.afterAll(async () => {
  if (session) await stop();
  for (const p of [profileA, profileB]) fs.rmSync(p, { recursive: true, force: true });
});
test.afterEach(() => {
  expect(watch.errors, 'page errors or CSP violations').toEqual([]);
  expect(session.requests.attempted, 'requests the app tried to make elsewhere').toEqual([]);
  expect(session.requests.outside, 'requests that left the app').toEqual([]);
});

test('records, a correction and an own question, then the lock is set up and every stored value is encrypted', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Try with sample records first' }).click();
  await expect(app.records()).toHaveCount(3);
  await app.allRead();
  await app.go('facts', 'My facts');
  await page.locator('li.fact[data-fact="diagnosis"]').getByRole('button', { name: 'Correct it' }).click();
  const editor = page.locator('dialog[data-dialog="fact-editor"]');
  await editor.getByLabel('Type of lung cancer (histology)').selectOption('small cell carcinoma');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('li.fact[data-fact="diagnosis"] .fact-label')).toHaveText('Small cell carcinoma');
  await app.go('appointment', 'For my appointment');
  await page.getByLabel('Add your own question').fill(OWN_QUESTION);
  await page.getByRole('button', { name: 'Add to my list' }).click();
  await expect.poll(async () => (await app.questionTexts()).at(-1)).toBe(OWN_QUESTION);
  await openSettings();
  await shoot(page, '20-settings-privacy');
  await expectAccessible(page, 'settings: privacy and security');
  const setup = page.locator('dialog[data-dialog="lock-setup"]');
  for (const size of [200, 100] as const) {
    await app.setTextSize(size);
    await page.getByRole('button', { name: 'Set up a lock…' }).click();
    await expect(setup.getByText('If you forget your passphrase, your records cannot be recovered')).toBeVisible();
    await shoot(page, '21-lock-setup');
    await expectAccessible(page, `lock setup at ${size}%`);
    if (size === 200) await setup.getByRole('button', { name: 'Cancel' }).last().click();
  }
  // paste works (WCAG 3.3.8): nothing blocks it
  await setup.getByLabel('Passphrase', { exact: true }).focus();
  await page.evaluate((text) => {
    const box = document.activeElement as HTMLInputElement;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const allowed = box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    if (allowed) document.execCommand('insertText', false, text);
  }, PASS);
  await expect(setup.getByLabel('Passphrase', { exact: true })).toHaveValue(PASS);
  await setup.getByLabel('The same passphrase again').fill(`${PASS} typo`);
  await setup.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(setup.getByRole('alert')).toHaveText(/The two passphrases are not the same/);
  await setup.getByLabel('Show the passphrases').check();
  await expect(setup.getByLabel('The same passphrase again')).toHaveAttribute('type', 'text');
  await setup.getByLabel('The same passphrase again').fill(PASS);
  // before the lock, the words are in the store as they are, and in its files on disk (so
  // the checks below mean something)
  const before = await rawStore(page);
  for (const w of ['Northfield', 'sample-pathology-report', 'daughter come with me']) expect(before.text, w).toContain(w);
  expect(Object.keys(wordsOnDisk(profileA)).filter((f) => f.includes('IndexedDB')), 'words in the IndexedDB files before the lock').not.toEqual([]);
  await setup.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.locator('dialog[data-dialog="lock-setup"] h2')).toHaveText('The lock is on', { timeout: 120_000 });
  // nothing left to do by hand: no "delete everything and restore" advice
  await expect(setup).not.toContainText('Delete everything');
  await setup.getByRole('button', { name: 'Not now' }).click();
  await expect(page.locator('[data-lock-section="lock"]')).toContainText('On.');

  const after = await rawStore(page);
  expect(after.vault).toMatchObject({ phase: 'encrypted' });
  expect(after.rows).toBe(before.rows + 1); // the same rows, plus the key file
  for (const w of [...WORDS, 'Small cell', PASS]) expect(after.text, w).not.toContain(w);
  // stored again in fresh files through main's stash, which is gone again
  expect(session.bridge.calls).toEqual(expect.arrayContaining(['vault:stash-save', 'vault:stash-commit', 'vault:clear-database', 'vault:stash-clear']));
  expect(fs.existsSync(stashDir(profileA))).toBe(false);
});

test('a restart opens on the lock screen; a wrong passphrase is refused plainly; the right one opens everything; Lock now locks again', async () => {
  await app.setTextSize(200);
  await stop();
  // the whole profile on disk, read after the browser closed (IndexedDB's LevelDB logs and
  // tables, its blob files, caches, local and session storage): none of the plaintext from
  // before the lock is left anywhere
  expect(wordsOnDisk(profileA)).toEqual({});
  await start(profileA);
  const { page } = session;
  await expect(page.locator('[data-lock-screen="ask"] h1')).toHaveText('Your records are locked');
  await expect(page.locator('html')).toHaveClass(/text-200/);
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  expect(await page.locator('li.record, li.fact, li.question').count()).toBe(0);
  await shoot(page, '22-lock-screen');
  await expectAccessible(page, 'lock screen at 200%');

  await page.getByLabel('Passphrase', { exact: true }).fill('purple otters read quickly');
  await page.getByRole('button', { name: 'Open my records' }).click();
  await expect(page.getByRole('alert')).toHaveText(/That passphrase is not right/, { timeout: 60_000 });
  await expect(page.locator('[data-lock-screen]')).toBeVisible();
  await shoot(page, '23-lock-screen-wrong');
  await expectAccessible(page, 'lock screen, wrong passphrase, at 200%');

  await unlock();
  await app.setTextSize(100);
  // Settings with the lock on: lock now, change, turn off, and how soon it locks by itself
  await expect(page.locator('[data-lock-section="lock"]')).toContainText('On.');
  await expect(page.getByLabel('Lock by itself when the app is not used')).toHaveValue('15');
  await shoot(page, '20-settings-privacy-locked');
  await expectAccessible(page, 'settings with the lock on');
  await app.go('records', 'My records');
  await expect(app.records()).toHaveCount(3);
  await expect(page.locator('li.record[data-state="done"]')).toHaveCount(3);
  await app.go('facts', 'My facts');
  await expect(page.locator('li.fact[data-fact="diagnosis"] .fact-label')).toHaveText('Small cell carcinoma');
  await app.go('appointment', 'For my appointment');
  await expect.poll(() => app.questionTexts()).toContain(OWN_QUESTION);

  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.locator('[data-lock-screen="ask"] h1')).toHaveText('Your records are locked');
  await page.getByText('Forgot your passphrase?').click();
  await expect(page.getByText(/A forgotten passphrase cannot be recovered/)).toBeVisible();
  await shoot(page, '22-lock-screen');
  await expectAccessible(page, 'lock screen');
  await unlock();
});

test('a new passphrase, with the browser closed half-way: the next start asks for it, finishes, and the old key file is nowhere on disk', async () => {
  const { page } = session;
  const NEW = 'seven quiet lanterns glow';
  const oldSlot = ((await rawStore(page)).vault as { keyFile: { passphrase: { wrapped: string } } }).keyFile.passphrase.wrapped;
  expect(Object.keys(wordsOnDisk(profileA, [oldSlot])), 'the old key file in the database files').not.toEqual([]);
  // the browser closes once the database was cleared, while rows are coming back from the stash
  let cleared = false;
  let stopped = false;
  session.bridge.before = (channel) => {
    if (channel === 'vault:clear-database') cleared = true;
    else if (cleared && channel === 'vault:stash-read') { stopped = true; return new Promise<void>(() => {}); }
  };
  await openSettings();
  await page.getByRole('button', { name: 'Change the passphrase…' }).click();
  const change = page.locator('dialog[data-dialog="change-passphrase"]');
  await change.getByLabel('Your passphrase now').fill(PASS);
  await change.getByLabel('New passphrase', { exact: true }).fill(NEW);
  await change.getByLabel('The new passphrase again').fill(NEW);
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect.poll(() => stopped, { timeout: 60_000 }).toBe(true);
  await stop();
  // on disk now: a complete stash, sealed (no record word in it or anywhere else), and no old key file
  expect(fs.readdirSync(stashDir(profileA))).toContain('manifest.json');
  expect(wordsOnDisk(profileA)).toEqual({});
  expect(wordsOnDisk(profileA, [oldSlot])).toEqual({});

  await start(profileA);
  await expect(session.page.locator('[data-lock-screen="ask"] h1')).toHaveText('Your records are locked');
  await session.page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await session.page.getByRole('button', { name: 'Open my records' }).click();
  await expect(session.page.getByRole('alert')).toHaveText(/That passphrase is not right/, { timeout: 60_000 });
  await unlock(NEW);
  expect(fs.existsSync(stashDir(profileA))).toBe(false);
  await app.go('records', 'My records');
  await expect(session.page.locator('li.record[data-state="done"]')).toHaveCount(3);
  await app.go('facts', 'My facts');
  await expect(session.page.locator('li.fact[data-fact="diagnosis"] .fact-label')).toHaveText('Small cell carcinoma');
  await app.go('appointment', 'For my appointment');
  await expect.poll(() => app.questionTexts()).toContain(OWN_QUESTION);

  // and back to the first passphrase, all the way through this time (the tests below use it)
  await openSettings();
  await session.page.getByRole('button', { name: 'Change the passphrase…' }).click();
  const again = session.page.locator('dialog[data-dialog="change-passphrase"]');
  await again.getByLabel('Your passphrase now').fill(NEW);
  await again.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await again.getByLabel('The new passphrase again').fill(PASS);
  await again.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(again.locator('h2')).toHaveText('Your passphrase was changed', { timeout: 120_000 });
  await shoot(session.page, '28-passphrase-changed');
  await expectAccessible(session.page, 'passphrase changed');
  await again.getByRole('button', { name: 'Done' }).click();
  expect((await rawStore(session.page)).vault).toMatchObject({ phase: 'encrypted' });
});

test('a backup: unreadable without its passphrase, with no record word in its bytes', async () => {
  const { page } = session;
  await openSettings();
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const dialog = page.locator('dialog[data-dialog="backup"]');
  await expect(dialog.getByLabel('Your passphrase', { exact: true })).toBeFocused();
  await shoot(page, '24-backup');
  await expectAccessible(page, 'save a backup');
  await dialog.getByLabel('Your passphrase', { exact: true }).fill('not my passphrase');
  await dialog.getByRole('button', { name: 'Save the backup…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/That is not your passphrase/, { timeout: 60_000 });
  await dialog.getByLabel('Your passphrase', { exact: true }).fill(PASS);
  await dialog.getByRole('button', { name: 'Save the backup…' }).click();
  await expect(dialog.locator('h2')).toHaveText('Your backup was saved', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect(session.bridge.calls).toContain('backup:save');
  backupFile = session.bridge.saved.at(-1)!;
  expect(path.basename(backupFile)).toMatch(/^Records backup \d{4}-\d{2}-\d{2}\.recordsbackup$/);

  const bytes = new Uint8Array(fs.readFileSync(backupFile));
  expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('RCBACKUP');
  for (const encoding of ['latin1', 'utf16le'] as const) {
    const text = Buffer.from(bytes).toString(encoding);
    for (const w of [...WORDS, 'Small cell', PASS]) expect(text, `${w} (${encoding})`).not.toContain(w);
  }
  const wrong = await openBackup(bytes, 'not my passphrase').then(() => 'opened', (e) => (isSecurityError(e) ? e.code : String(e)));
  expect(wrong).toBe('wrong-passphrase');
  // with the passphrase, the words are all there (so their absence above means something)
  const payload = Buffer.from(await openBackup(bytes, PASS)).toString('latin1');
  for (const w of WORDS) expect(payload, w).toContain(w);
});

test('the backup restores into a fresh profile with every record, fact, correction and own question', async () => {
  await stop();
  await start(profileB);
  const { page } = session;
  await expect(page.locator('main h1')).toHaveText('Welcome');
  await openSettings();
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  const dialog = page.locator('dialog[data-dialog="restore"]');
  await shoot(page, '25-restore-pick');
  await expectAccessible(page, 'restore: pick a file');
  // a file that is not a backup is named as such
  await dialog.getByLabel('Backup file').setInputFiles(path.join(ROOT, 'resources/samples/sample-pathology-report.pdf'));
  await expect(dialog.getByRole('alert')).toHaveText('This file is not a backup made by this app.');
  await dialog.getByLabel('Backup file').setInputFiles(backupFile);
  await dialog.getByLabel('The backup’s passphrase').fill('not my passphrase');
  await dialog.getByRole('button', { name: 'Open the backup' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/That passphrase does not open this backup/, { timeout: 60_000 });
  await dialog.getByLabel('The backup’s passphrase').fill(PASS);
  await dialog.getByRole('button', { name: 'Open the backup' }).click();
  const summary = dialog.locator('[data-restore="summary"]');
  await expect(summary).toContainText('3 records (all of them made-up samples)', { timeout: 60_000 });
  await expect(summary).toContainText('1 fact you corrected or turned down');
  await expect(summary).toContainText('1 question of your own');
  await expect(dialog).toContainText('Nothing here is removed or changed');
  await shoot(page, '26-restore-summary');
  await expectAccessible(page, 'restore: what the backup holds');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.locator('[data-restore="report"]')).toContainText('Restored: 3 records', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();

  await app.go('records', 'My records');
  await expect(page.locator('li.record[data-state="done"]')).toHaveCount(3);
  for (const name of ['sample-pathology-report.pdf', 'sample-molecular-report.pdf', 'sample-clinic-note-scanned.pdf']) await expect(app.record(name)).toHaveCount(1);
  await app.go('facts', 'My facts');
  await expect(page.locator('li.fact[data-fact="diagnosis"] .fact-label')).toHaveText('Small cell carcinoma');
  await expect(page.locator('li.fact[data-fact^="biomarker"]').first()).toBeVisible();
  await app.go('appointment', 'For my appointment');
  await expect.poll(() => app.questionTexts()).toContain(OWN_QUESTION);
  // the original files came back too: one opens in the viewer
  await app.go('records', 'My records');
  await app.record('sample-pathology-report.pdf').getByRole('button', { name: 'View the original' }).click();
  await expect(page.locator('dialog[data-dialog="record-viewer"] .page-view')).toHaveAttribute('data-state', 'shown', { timeout: 60_000 });
  await page.locator('dialog[data-dialog="record-viewer"]').getByRole('button', { name: 'Close' }).click();

  // the restore dialog at 200 %
  await app.setTextSize(200);
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  await dialog.getByLabel('Backup file').setInputFiles(backupFile);
  await dialog.getByLabel('The backup’s passphrase').fill(PASS);
  await dialog.getByRole('button', { name: 'Open the backup' }).click();
  await expect(dialog.locator('[data-restore="summary"]')).toBeVisible({ timeout: 60_000 });
  await shoot(page, '26-restore-summary');
  await expectAccessible(page, 'restore summary at 200%');
  // restoring the same backup again adds nothing: everything is already here
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.locator('[data-restore="report"]')).toContainText('Restored: 0 records', { timeout: 60_000 });
  await expect(dialog.locator('[data-restore="report"]')).toContainText('3 records were already here');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await app.setTextSize(100);
  await app.go('records', 'My records');
  await expect(app.records()).toHaveCount(3);
});

test('delete everything: keeping is the default, deleting is deliberate, and no record data is left', async () => {
  await stop();
  // the disk scan finds record words where they are kept (profile B has no lock), so the
  // empty result after deleting below means something
  expect(Object.keys(wordsOnDisk(profileB)).some((f) => f.includes('IndexedDB')), 'words in an unlocked profile').toBe(true);
  await start(profileA);
  const { page } = session;
  await unlock();
  await openSettings();
  const dialog = page.locator('dialog[data-dialog="erase"]');
  for (const size of [200, 100] as const) {
    await app.setTextSize(size);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await expect(dialog.getByRole('button', { name: 'Keep everything' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Delete everything', exact: true })).toBeDisabled();
    await shoot(page, '27-erase');
    await expectAccessible(page, `delete everything at ${size}%`);
    if (size === 200) {
      await page.keyboard.press('Enter'); // the focused, default choice keeps everything
      await expect(dialog).toHaveCount(0);
      await expect(page.locator('[data-lock-section="lock"]')).toBeVisible();
    }
  }
  await dialog.getByLabel('I understand: delete everything from this app').check();
  await dialog.getByRole('button', { name: 'Delete everything', exact: true }).click();
  await expect(page.locator('main h1')).toHaveText('Welcome', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Try with sample records first' })).toBeVisible();
  await expect(page.locator('[data-lock-now]')).toHaveCount(0);
  expect(session.bridge.calls).toContain('data:erase');
  const raw = await rawStore(page);
  expect(raw.rows).toBe(0);
  expect(raw.vault).toBeNull();
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  // and on disk: no record word anywhere in the browser profile (IndexedDB's files, caches,
  // local and session storage), read after the browser has closed
  await stop();
  expect(wordsOnDisk(profileA)).toEqual({});
  // after a restart: the first run, with no lock screen
  await start(profileA);
  await expect(session.page.locator('main h1')).toHaveText('Welcome');
  await expect(session.page.locator('[data-lock-screen]')).toHaveCount(0);
  await app.go('records', 'My records');
  await expect(app.records()).toHaveCount(0);
  expect((await rawStore(session.page)).rows).toBe(0);
  expect([...outside, ...session.requests.attempted, ...session.requests.outside]).toEqual([]);
});
