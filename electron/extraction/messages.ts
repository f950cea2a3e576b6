// Every problem a person can meet when adding a record, in plain words that say what
// happened and what to do next. No jargon, no error codes in the text, no blame.
import type { Problem } from '../../shared/contract/document.ts';

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const messages = {
  empty: (): Problem => ({ code: 'empty', fatal: true,
    message: 'This file is empty (0 bytes), so there is nothing to read. It may not have finished downloading; try saving it again.' }),
  unsupported: (label: string): Problem => ({ code: 'unsupported-type', fatal: true,
    message: label === 'HEIC photo'
      ? 'This is an iPhone photo (HEIC), which this app cannot read yet. Save or share it as a JPEG picture and add that instead.'
      : `This file is not a PDF, picture or text file (it looks like ${article(label)}), so it was not read. Add the record as a PDF or a picture instead.` }),
  renamedImage: (label: string): Problem => ({ code: 'renamed-image', fatal: false,
    message: `This file is named like a PDF but is really ${article(label)}. It was read as a picture instead.` }),
  badImage: (): Problem => ({ code: 'read-failed', fatal: true,
    message: 'This picture could not be opened. It may be damaged. Try taking or saving the picture again.' }),
  damaged: (how: 'truncated' | 'broken-index'): Problem => ({ code: 'damaged', fatal: false,
    message: how === 'truncated'
      ? 'This PDF seems to be incomplete (cut off before its end). What could be read is shown, but some pages or text may be missing. If you can, download it again.'
      : 'This PDF is damaged. What could be read is shown, but some text may be missing or wrong. If you have another copy, try that one.' }),
  javascript: (): Problem => ({ code: 'javascript-ignored', fatal: false,
    message: 'This PDF contains a script. Scripts are never run here; only the visible pages were read.' }),
  attachment: (): Problem => ({ code: 'attachment-ignored', fatal: false,
    message: 'This PDF has a file attached inside it. Attachments are not opened or read; only the visible pages were read.' }),
  pageFailed: (page: number): Problem => ({ code: 'page-failed', fatal: false, page,
    message: `Page ${page} could not be read. The other pages were read.` }),
  pageTimeout: (page: number): Problem => ({ code: 'page-timeout', fatal: false, page,
    message: `Page ${page} took too long to read and was skipped. You can try reading the file again.` }),
  tooLarge: (max: number): Problem => ({ code: 'too-large', fatal: true,
    message: `This file is larger than ${mb(max)}, too large to read safely. If it holds many records, try adding them as separate files.` }),
  tooManyPages: (max: number): Problem => ({ code: 'too-large', fatal: false,
    message: `Only the first ${max} pages were read; this file has more.` }),
  noText: (pages: number): Problem => ({ code: 'no-text', fatal: false,
    message: pages === 0
      ? 'No pages were found in this file.'
      : 'No text was found on these pages. If they are blank, nothing is missing; if they are photos or scans of a record, try a clearer or straighter copy.' }),
  cancelled: (): Problem => ({ code: 'cancelled', fatal: true, message: 'Reading was stopped. You can read this file again at any time.' }),
  failed: (): Problem => ({ code: 'read-failed', fatal: true,
    message: 'Something went wrong while reading this file. Nothing you saved was lost; you can try again.' }),
};

function article(label: string): string {
  return /^[aeiou]/i.test(label) || /^(HEIC|MP|RTF)/.test(label) ? `an ${label}` : `a ${label}`;
}
