// User-facing text speaks to an engineering lead and cites named public sources. Background
// material the catalogue was drawn from is not an authority for users: no hover, docs page, schema
// description, setting, SARIF help or README may refer to "the blog", a "seed" or a "seed risk".
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { engineCodes } from '../../server/src/service/codes';
import { rules } from '../../server/src/service/rules';
import { analyzeFile } from '../support/analyze';
import { fixturesDir, repoRoot } from '../support/paths';

const forbidden = [/\bthe blog\b/i, /\(blog\)/i, /\bblog's\b/i, /\bblogs?\b/i, /\bseed(?:s|ed)?\b/i, /\bseed risk\b/i];

/** Addresses are where a source lives, not words a lead reads (a practitioner article may sit under `/blog/`). */
const address = /\b(?:https?:\/\/|www\.)[^\s)\]>"'`]+/g;

function offences(where: string, written: string): string[] {
  const text = written.replace(address, (url) => ' '.repeat(url.length));
  const found: string[] = [];
  for (const pattern of forbidden) {
    const match = pattern.exec(text);
    if (match) found.push(`${where}: "${text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 20)}"`);
  }
  return found;
}

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ending);
    return name.endsWith(ending) ? [path] : [];
  });
}

describe('user-facing wording', () => {
  it('the check itself catches the phrases it is meant to catch', () => {
    assert.equal(offences('x', 'The blog says so.').length, 2);
    assert.equal(offences('x', 'a hidden cost (blog).').length, 2);
    assert.equal(offences('x', 'Seed risk 2: oversight').length, 2);
    assert.equal(offences('x', 'as a vendor blog puts it').length, 1);
    assert.deepEqual(offences('x', '[eSignHub](https://esignhub.io/blog/statement-of-work-template-guide)'), []);
    assert.deepEqual(offences('x', 'GDPR Art. 28(3) and PMBOK; blogger, seedling and seeding are other words.'), []);
  });

  it('rule and code metadata (titles, explanations, remedies, sources) do not mention the blog or seed risks', () => {
    const found = [
      ...rules.flatMap((rule) => [
        ...offences(`${rule.id} title`, rule.title),
        ...offences(`${rule.id} explanation`, rule.explanation),
        ...offences(`${rule.id} remedy`, rule.remedy),
        ...rule.sources.flatMap((s) => [...offences(`${rule.id} source`, s.name), ...offences(`${rule.id} source label`, s.short)]),
      ]),
      ...engineCodes.flatMap((c) => [
        ...offences(`${c.code} title`, c.title),
        ...offences(`${c.code} explanation`, c.explanation),
        ...offences(`${c.code} remedy`, c.remedy),
      ]),
    ];
    assert.deepEqual(found, []);
  });

  it('the schemas, the manifest, the README, every page under docs/ and the walkthrough do not either', () => {
    const files = [
      join(repoRoot, 'README.md'),
      join(repoRoot, 'SECURITY.md'),
      join(repoRoot, 'CHANGELOG.md'),
      join(repoRoot, 'package.json'),
      ...filesUnder(join(repoRoot, 'schemas'), '.json'),
      ...filesUnder(join(repoRoot, 'docs'), '.md'),
      // The Getting Started walkthrough's pages.
      ...filesUnder(join(repoRoot, 'media'), '.md'),
    ];
    assert.ok(files.length > 60, `only ${files.length} files scanned`);
    const found = files.flatMap((file) => offences(relative(repoRoot, file), readFileSync(file, 'utf8')));
    assert.deepEqual(found, []);
  });

  it('the messages on the bad fixtures and on the spec examples do not either', () => {
    const found: string[] = [];
    const files = [
      ...rules.map((rule) => join(fixturesDir, 'rules', rule.id, 'bad.scope.yaml')),
      // The spec's examples (../shared/spec/examples), as the golden tests keep them.
      ...filesUnder(join(fixturesDir, 'golden'), '.scope.yaml'),
    ];
    assert.ok(files.length >= rules.length + 3, `only ${files.length} files`);
    for (const file of files)
      for (const d of analyzeFile(file).diagnostics)
        found.push(
          ...offences(`${relative(repoRoot, file)} ${String(d.code)}`, typeof d.message === 'string' ? d.message : d.message.value),
        );
    assert.deepEqual(found, []);
  });
});
