// The app's own fictitious sample records (resources/samples, made by
// test/tools/make-samples.ts), for people who want to see the app before trusting it with
// theirs. Vite inlines them into a separate chunk loaded only when asked for, so they cost
// nothing at start-up and need no request. They are marked as samples and removed in one go.
import { dataUrlBytes } from '../../ui/bytes.ts';
import { addFiles, type AddOutcome } from './add-files.ts';

const SAMPLES = import.meta.glob('../../../../resources/samples/*.pdf', { query: '?inline', import: 'default' }) as Record<string, () => Promise<string>>;

export async function addSamples(): Promise<AddOutcome[]> {
  const files = await Promise.all(Object.entries(SAMPLES).sort(([a], [b]) => a.localeCompare(b)).map(async ([path, load]) => ({
    name: path.split('/').pop()!,
    bytes: dataUrlBytes(await load()),
  })));
  return addFiles(files, { sample: true });
}
