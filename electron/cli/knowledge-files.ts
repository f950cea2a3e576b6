// The knowledge base as a { "folder/name": text } map, read from resources/knowledge on
// disk — the same keys the renderer builds with import.meta.glob, so loadKnowledge()
// sees identical input from the command line, the tests and the app.
import fs from 'node:fs';
import path from 'node:path';

export const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '..', '..', 'resources', 'knowledge');

export function readKnowledgeFiles(folders = ['rules', 'sections', 'answers'], base = KNOWLEDGE_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of folders) {
    const dir = path.join(base, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (/\.(md|json)$/.test(name)) files[`${folder}/${name}`] = fs.readFileSync(path.join(dir, name), 'utf8');
    }
  }
  const synonyms = path.join(base, 'synonyms.json');
  if (fs.existsSync(synonyms)) files['synonyms.json'] = fs.readFileSync(synonyms, 'utf8');
  return files;
}
