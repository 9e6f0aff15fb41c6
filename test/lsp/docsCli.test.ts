// docs/cli.md quotes the CLI's own --help, so the two cannot drift apart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { runInProcess } from '../support/cli';
import { repoRoot } from '../support/paths';

it('docs/cli.md contains the exact output of scope-lint --help', async () => {
  const help = (await runInProcess(['--help'])).stdout;
  const doc = readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8');
  assert.ok(doc.includes(help.trimEnd()), 'regenerate the usage block in docs/cli.md from `node dist/cli.js --help`');
});

it('docs/cli.md contains the exact output of scope-lint compare --help', async () => {
  const help = (await runInProcess(['compare', '--help'])).stdout;
  const doc = readFileSync(join(repoRoot, 'docs', 'cli.md'), 'utf8');
  assert.ok(doc.includes(help.trimEnd()), 'regenerate the compare usage block in docs/cli.md from `node dist/cli.js compare --help`');
});
