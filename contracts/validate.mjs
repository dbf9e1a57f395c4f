// Validates docs/asyncapi.yaml with the AsyncAPI project's parser (the same rules as its CLI's
// `asyncapi validate`): any error fails; warnings are printed.
import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'docs', 'asyncapi.yaml');
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: file });
const severity = ['error', 'warning', 'info', 'hint'];
let errors = 0;
for (const d of diagnostics) {
  const level = severity[d.severity] ?? String(d.severity);
  if (d.severity === 0) errors++;
  if (d.severity <= 1) console.log(`${level}: ${d.code} ${d.message} at ${(d.path || []).join('.')}`);
}
if (!document || errors > 0) {
  console.error(`docs/asyncapi.yaml: ${errors} error(s)`);
  process.exit(1);
}
console.log(`docs/asyncapi.yaml: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, `
  + `${document.allMessages().length} messages, ${diagnostics.filter(d => d.severity === 1).length} warning(s)`);
