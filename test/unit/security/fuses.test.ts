// Checklist items 16 and 19: the fuses flipped into the packaged Electron binary, the one
// difference the end-to-end build is allowed, and an exactly pinned Electron version.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '../../..');
// js-yaml comes with electron-builder (which reads the same files with it)
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const load = (file: string) => yaml.load(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, any>;

// [fuse, release value, why]
const RELEASE_FUSES: Array<[string, boolean, string]> = [
  ['runAsNode', false, 'ELECTRON_RUN_AS_NODE would turn the signed app into a general Node runtime'],
  ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS could preload code (or a CA bundle) into main'],
  ['enableNodeCliInspectArguments', false, '--inspect or SIGUSR1 would attach a debugger to main, which holds the keychain and all IPC'],
  ['enableEmbeddedAsarIntegrityValidation', true, 'a modified app.asar is refused (macOS, Windows)'],
  ['onlyLoadAppFromAsar', true, 'a loose app/ folder cannot replace the validated archive'],
  ['grantFileProtocolExtraPrivileges', false, 'we serve app:// only; file:// pages get no extra powers'],
  ['enableCookieEncryption', true, 'cookies on disk are encrypted with the OS key'],
];

describe('electron-builder fuses', () => {
  const release = load('electron-builder.yml');
  const e2e = load('test/ci/electron-builder.e2e.yml');

  it.each(RELEASE_FUSES)('release: %s = %s (%s)', (fuse, value) => {
    expect(release.electronFuses?.[fuse]).toBe(value);
  });

  it('the end-to-end build differs from the release in enableNodeCliInspectArguments only (Playwright attaches through --inspect)', () => {
    const diff = Object.keys({ ...release.electronFuses, ...e2e.electronFuses }).filter((k) => release.electronFuses[k] !== e2e.electronFuses[k]);
    expect(diff).toEqual(['enableNodeCliInspectArguments']);
    expect(e2e.electronFuses.enableNodeCliInspectArguments).toBe(true);
    expect(e2e.extends).toBe('electron-builder.yml');
    expect(e2e.directories.output).not.toBe(release.directories?.output ?? 'dist');
    expect(e2e.publish).toBeNull();
  });

  it('the end-to-end build is made only on purpose', () => {
    const script = fs.readFileSync(path.join(root, 'test/ci/package-e2e.sh'), 'utf8');
    expect(script).toMatch(/RECORDS_E2E_BUILD:-\}" != 1/);
    expect(script).toContain('--config test/ci/electron-builder.e2e.yml');
  });

  it('electron-builder accepts both files (its own schema), and the e2e file inherits the release targets', async () => {
    // app-builder-lib's loader and validator, as `electron-builder` itself runs them
    const req = createRequire(path.join(root, 'package.json'));
    const { getConfig, validateConfiguration } = req('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = req('builder-util');
    for (const file of ['electron-builder.yml', 'test/ci/electron-builder.e2e.yml']) {
      const config = await getConfig(root, path.join(root, file), null);
      await validateConfiguration(config, new DebugLogger(false));
      if (file.includes('e2e')) expect(config.linux?.target).toEqual(release.linux?.target);
    }
  });

  it('nothing is published or auto-updated from a package', () => {
    expect(release.publish ?? null).toBeNull();
  });
});

describe('Electron version (checklist 16)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  it('is pinned exactly, so upgrades are deliberate, one major at a time', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('the installed Electron is the pinned one and a supported major (≥ 38)', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version as string;
    expect(installed).toBe(pkg.devDependencies.electron);
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(38);
  });
});
