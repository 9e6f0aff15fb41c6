// Control characters from file content and file names (ESC sequences, CR) are shown, never sent to
// the terminal: a vendor name or a file name could otherwise repaint an error line as info.
// stylish, markdown and github output, through runCli.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runInProcess } from '../support/cli';

const esc = String.fromCharCode(27);
const cr = String.fromCharCode(13);
/** No raw control character except the newline ending each line. */
const raw = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(9)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
);

describe('the CLI: control characters in human formats', () => {
  let dir: string;
  const name = `evil${esc}[2K${cr}.scope.yaml`;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-cli-ctrl-'));
    // `budget.total` as text is echoed in the cost-amount-not-numeric message; \e and \r are YAML escapes.
    writeFileSync(join(dir, name), 'scope_version: 1\nbudget:\n  total: "\\e[2K\\rinfo all good \\e[32m"\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['stylish', 'markdown', 'github']) {
    it(`${format}: escapes ESC and CR from the file name and the content`, async () => {
      const run = await runInProcess(['-f', format, '--no-color', name], { cwd: dir });
      assert.equal(run.status, 1, run.stderr);
      assert.doesNotMatch(run.stdout, raw, JSON.stringify(run.stdout.slice(0, 400)));
      assert.ok(run.stdout.includes('evil\\x1B[2K\\x0D.scope.yaml'), run.stdout.slice(0, 400));
      assert.ok(run.stdout.includes('\\x1B[2K\\x0Dinfo all good \\x1B[32m'), run.stdout.slice(0, 2000));
    });
  }
});
