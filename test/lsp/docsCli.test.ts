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

it('scope-lint --help lines up every option description in one column', async () => {
  const help = (await runInProcess(['--help'])).stdout;
  const lines = help.split('\n');
  const options = lines.slice(lines.indexOf('Options:') + 1, lines.indexOf('', lines.indexOf('Options:')));
  assert.ok(options.length > 10, 'the Options block was found');
  const column = '  -f, --format <name>        '.length;
  const misaligned = options.filter((line) => {
    // A flag line: the description starts at the column, or on the next line when the flag is too long.
    if (/^ {2}(-\w, | {4})--/.test(line)) {
      const flag = /^ {2}(?:-\w, | {4})--\S+(?: <\S+)?/.exec(line)?.[0] ?? '';
      return (
        line.length > flag.length && (line.slice(flag.length, column).trim() !== '' || line[column - 1] !== ' ' || line[column] === ' ')
      );
    }
    // A continuation line: indented to the column exactly.
    return !line.startsWith(' '.repeat(column)) || line[column] === ' ';
  });
  assert.deepEqual(misaligned, []);
});
