// The language service (server/src/service/**) is pure: ESLint refuses Node built-ins and the LSP
// connection there. This runs the repository's own ESLint configuration on a service file that
// breaks the rule, so the rule cannot be lost or narrowed without a failing test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/paths';

interface LintMessage {
  readonly ruleId: string | null;
  readonly line: number;
}

function lintAs(file: string, text: string): LintMessage[] {
  const eslint = join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(process.execPath, [eslint, '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: repoRoot,
    input: text,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const results = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return results.flatMap((r) => r.messages);
}

const offending = [
  "import { readFileSync } from 'node:fs';",
  "import { join } from 'path';",
  "import { createConnection } from 'vscode-languageserver/node';",
  "import type { Connection } from 'vscode-languageserver';",
  "import { Range } from 'vscode-languageserver-types';",
  "import { TextDocument } from 'vscode-languageserver-textdocument';",
  'export const used: unknown[] = [readFileSync, join, createConnection, Range, TextDocument];',
  'export type C = Connection;',
  '',
].join('\n');

describe('layering', () => {
  it('refuses node built-ins and the LSP connection in server/src/service, and allows the LSP types', () => {
    const messages = lintAs('server/src/service/hover.ts', offending);
    const restricted = messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
    assert.deepEqual(restricted, [1, 2, 3, 4]);
  });

  it('allows the same imports outside the service', () => {
    const messages = lintAs('server/src/config.ts', offending);
    assert.deepEqual(
      messages.filter((m) => m.ruleId === 'no-restricted-imports'),
      [],
    );
  });
});
