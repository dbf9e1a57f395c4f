// Validates the committed contracts with tools nobody here wrote:
// - docs/asyncapi.yaml with the AsyncAPI project's parser (the rules of its CLI's `asyncapi validate`): any error fails;
// - docs/openapi.json with Redocly's linter and its recommended rules: any error fails, warnings are printed.
import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
let failed = false;

const asyncapi = join(root, 'docs', 'asyncapi.yaml');
const { document, diagnostics } = await new Parser().parse(readFileSync(asyncapi, 'utf8'), { source: asyncapi });
const errors = diagnostics.filter(d => d.severity === 0);
for (const d of diagnostics.filter(d => d.severity <= 1)) {
  console.log(`${d.severity === 0 ? 'error' : 'warning'}: ${d.code} ${d.message} at ${(d.path || []).join('.')}`);
}
if (!document || errors.length > 0) {
  console.error(`docs/asyncapi.yaml: ${errors.length} error(s)`);
  failed = true;
} else {
  console.log(`docs/asyncapi.yaml: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, `
    + `${document.allMessages().length} messages, ${diagnostics.filter(d => d.severity === 1).length} warning(s)`);
}

const lint = spawnSync(join(here, 'node_modules', '.bin', 'redocly'),
  ['lint', join(root, 'docs', 'openapi.json'), '--extends=recommended', '--format=stylish'],
  { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
const out = `${lint.stdout}${lint.stderr}`.split('\n').filter(l => !/[║╔╚═]/.test(l)).join('\n').trim();
console.log(out);
if (lint.status !== 0) {
  console.error('docs/openapi.json: Redocly lint (recommended rules) found errors');
  failed = true;
}
process.exit(failed ? 1 : 0);
