// The Getting Started walkthrough in package.json: every step has a small markdown page that
// exists, links only to commands that exist, and is completed by an event something raises (a
// contributed command, a setting, or a context key the client sets).
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/paths';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  contributes: { commands: { command: string }[]; walkthroughs: { id: string; title: string; steps: Step[] }[] };
};
const clientSource = (file: string): string => readFileSync(join(repoRoot, 'client', 'src', file), 'utf8');
const walkthroughSource = clientSource('walkthrough.ts');
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
/** Built-in VS Code commands a step may link to. */
const builtIn = new Set(['workbench.actions.view.problems']);

const [walkthrough] = manifest.contributes.walkthroughs;

describe('Getting Started walkthrough', () => {
  it('is one walkthrough with the five first-run steps, and the client opens it by its full id', () => {
    assert.equal(manifest.contributes.walkthroughs.length, 1);
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.title),
      ['Open an example scope', 'Hover a finding', 'Apply a fix', 'Fix all at once', 'Start your own scope'],
    );
    const id = /walkthroughId = '([^']+)'/.exec(walkthroughSource)?.[1];
    assert.equal(id, `${manifest.publisher}.${manifest.name}#${walkthrough.id}`);
  });

  it('gives every step a markdown page under 2 kB that exists, with a heading', () => {
    for (const step of walkthrough?.steps ?? []) {
      assert.ok(step.media.markdown, `${step.id} has no markdown media`);
      const file = join(repoRoot, step.media.markdown);
      assert.ok(statSync(file).size < 2048, `${step.media.markdown} is ${statSync(file).size} bytes`);
      assert.match(readFileSync(file, 'utf8'), /^# \S/, `${step.media.markdown} has no heading`);
    }
  });

  it('links only to commands that exist', () => {
    for (const step of walkthrough?.steps ?? []) {
      for (const [, command] of step.description.matchAll(/\]\(command:([\w.]+)\)/g)) {
        assert.ok(command && (commands.has(command) || builtIn.has(command)), `${step.id} links to unknown command ${command}`);
      }
    }
  });

  it('completes each step on an event that is raised: a contributed command, a setting, or a context key the client sets', () => {
    const contextKeys = new Set([...walkthroughSource.matchAll(/export const \w+Context = '([^']+)'/g)].map((m) => m[1]));
    assert.equal(contextKeys.size, 2);
    for (const step of walkthrough?.steps ?? []) {
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has no completion event`);
      for (const event of step.completionEvents ?? []) {
        const [kind, name] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: ${name} is not a contributed command`);
        else if (kind === 'onContext') assert.ok(contextKeys.has(name), `${step.id}: the client never sets ${name}`);
        else assert.equal(kind, 'onSettingChanged', `${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('"Open Example Scope" and "Get Started" are registered by the client; the example is the one the README names', () => {
    const table = clientSource('commands.ts');
    for (const command of ['scope.openExample', 'scope.getStarted']) {
      assert.ok(commands.has(command), `${command} is not contributed`);
      assert.match(table, new RegExp(`'${command.replace('.', '\\.')}': `), `${command} is not registered`);
    }
    const example = /from '\.\.\/\.\.\/examples\/([^']+)'/.exec(clientSource('openExample.ts'))?.[1];
    assert.ok(example);
    assert.ok(readFileSync(join(repoRoot, 'README.md'), 'utf8').includes(example), `the README does not name ${example}`);
  });
});
