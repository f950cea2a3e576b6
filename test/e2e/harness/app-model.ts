// A small page model: the app's own signals (data-ready, data-state on records and pages)
// rather than timeouts, and its screens by their navigation buttons.
import { expect, type Locator, type Page } from '@playwright/test';

export const OCR_TIMEOUT = 240_000;

export class AppModel {
  readonly page: Page;
  constructor(page: Page) { this.page = page; }

  async go(screen: string, heading: string | RegExp): Promise<void> {
    await this.page.locator(`[data-nav="${screen}"]`).click();
    await expect(this.page.locator('main h1').first()).toHaveText(heading);
  }

  records(): Locator {
    return this.page.locator('li.record');
  }

  record(name: string): Locator {
    return this.page.locator(`li.record[data-record="${name}"]`);
  }

  /** waits until no record is waiting or being read */
  async allRead(timeout = OCR_TIMEOUT): Promise<void> {
    await expect(this.page.locator('li.record[data-state="queued"], li.record[data-state="reading"]')).toHaveCount(0, { timeout });
  }

  async addFiles(files: string[]): Promise<void> {
    await this.page.getByTestId('file-input').setInputFiles(files);
  }

  async questionTexts(): Promise<string[]> {
    const texts = await this.page.locator('li.question .question-text').allTextContents();
    return texts.map((t) => t.replace(/^\d+\.\s*/, '').replace(/\s*\(asked\)$/, ''));
  }

  async setTextSize(size: 100 | 200): Promise<void> {
    await this.go('settings', 'Settings');
    await this.page.locator(`input[data-text-size="${size}"]`).check();
    await expect(this.page.locator('html')).toHaveClass(size === 100 ? /^(?!.*text-)/ : new RegExp(`text-${size}`));
  }
}
