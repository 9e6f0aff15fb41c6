// Waivers through the CLI: a waiver that has not expired suppresses (exit 0); an expired one
// brings its finding back (exit 1) with suppression/expired on the comment; the register lists
// the approver and the expiry. Dates far in the past and future, so the real clock decides nothing.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runInProcess as run } from '../support/cli';
import { fixturesDir } from '../support/paths';

const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
const ndaLine = '  nda: { signed: true, date: 2027-02-20 }';

describe('scope-lint: waivers with approved-by and until', () => {
  const root = mkdtempSync(join(tmpdir(), 'scope-waivers-'));
  mkdirSync(join(root, '.git'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (name: string, until: string): string => {
    const comment = `  # scope-lint-disable-next-line security-nda-missing -- signed copy is with legal (approved-by: Jane Doe, until: ${until})`;
    writeFileSync(join(root, name), minimal.replace(ndaLine, `${comment}\n  nda: { signed: false }`));
    return comment;
  };
  const commentLine = minimal.split('\n').indexOf(ndaLine) + 1;

  it('a waiver that has not expired suppresses: exit 0', async () => {
    write('current.scope.yaml', '2999-12-31');
    const result = await run(['-f', 'json', 'current.scope.yaml'], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    const ids = (JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[])[0]?.messages.map((m) => m.ruleId);
    assert.ok(ids && !ids.some((id) => id === 'security-nda-missing' || id.startsWith('suppression/')), ids?.join(', '));
  });

  it('an expired waiver: the finding is back (exit 1) and the comment says who approved it and when it expired', async () => {
    const comment = write('expired.scope.yaml', '2000-01-31');
    const result = await run(['-f', 'json', 'expired.scope.yaml'], { cwd: root });
    assert.equal(result.status, 1);
    const messages = (
      JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; column: number; endColumn: number; message: string }[] }[]
    )[0]?.messages;
    assert.deepEqual(
      messages?.filter((m) => m.line === commentLine || m.line === commentLine + 1).map((m) => `${m.ruleId} ${m.line}:${m.column}`),
      [`suppression/expired ${commentLine}:3`, `security-nda-missing ${commentLine + 1}:${'  nda: { signed: '.length + 1}`],
    );
    const expired = messages?.find((m) => m.ruleId === 'suppression/expired');
    assert.equal(expired?.endColumn, comment.length + 1);
    assert.equal(
      expired?.message,
      'This waiver of `security-nda-missing` expired on 2000-01-31 (approved by Jane Doe), so it no longer suppresses anything: the accepted risk needs a fresh decision. Renew the approval with a new `until:` date, or fix the risk.',
    );
  });

  it('--format csv lists the waiver with its approver and expiry', async () => {
    write('current.scope.yaml', '2999-12-31');
    const result = await run(['-f', 'csv', 'current.scope.yaml'], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    const row = result.stdout.split('\r\n').find((r) => r.includes(',security-nda-missing,'));
    assert.ok(
      row?.endsWith(
        `,"Accepted: signed copy is with legal (approved by Jane Doe, until 2999-12-31)",${commentLine + 1},security-nda-missing,Jane Doe,2999-12-31`,
      ),
      row,
    );
  });
});
