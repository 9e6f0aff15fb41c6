// Neovim's built-in LSP client (Debian 12: 0.7.2), headless, running the docs/editors.md snippet word for
// word against the real server: the findings it shows (rule id and line), settings answered through
// workspace/configuration, and defaults for a client that announces no capabilities at all.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createWorkspace, editorsDir, engineRows, requireEditor, riskyFile, runEditor, snippet } from './support.mjs';

const vagueOff = { 'cost-vague-language': 'off' };

/** What Neovim shows, as `<line> <severity> <rule id>` rows; its severity names are LSP's. */
const shown = (result) => result.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`).sort();

describe('Neovim with the docs/editors.md snippet', () => {
  let workspace;
  let config;
  before(() => {
    requireEditor('nvim');
    workspace = createWorkspace('neovim');
    config = workspace.write('config.lua', snippet('neovim'));
  });
  after(() => workspace?.remove());

  const nvim = (env = {}) =>
    runEditor(workspace, 'nvim', ['--headless', '--clean', '-c', `luafile ${join(editorsDir, 'neovim', 'driver.lua')}`], {
      SCOPE_CONFIG: config,
      ...env,
    });

  it('attaches to risky.scope.yaml and shows every finding of the engine, on its line', async () => {
    const result = await nvim();
    assert.deepEqual(result.buffer, { kind: 'buffer', filetype: 'yaml.scope', clients: ['scope'] });
    assert.equal(result.diagnostics.length, engineRows(riskyFile).length);
    assert.deepEqual(shown(result), engineRows(riskyFile));
    assert.deepEqual(result.logs, []);
  });

  it('applies the `scope` settings it answers to workspace/configuration: cost-vague-language off', async () => {
    const result = await nvim({ SCOPE_SETTINGS: JSON.stringify({ scope: { rules: vagueOff } }) });
    assert.equal(result.diagnostics.filter((d) => d.code === 'cost-vague-language').length, 0);
    assert.equal(result.diagnostics.length, engineRows(riskyFile, vagueOff).length);
    assert.ok(engineRows(riskyFile, vagueOff).length < engineRows(riskyFile).length);
    assert.deepEqual(shown(result), engineRows(riskyFile, vagueOff));
    assert.deepEqual(result.logs, []);
  });

  it('gives a client without workspace/configuration (nor any other capability) the defaults, without errors', async () => {
    // Settings present but not announced: the server must not ask, and Neovim still pushes them with didChangeConfiguration.
    const result = await nvim({ SCOPE_SETTINGS: JSON.stringify({ scope: { rules: vagueOff } }), SCOPE_CAPABILITIES: '{}' });
    assert.equal(result.diagnostics.filter((d) => d.code === 'cost-vague-language').length, 5);
    assert.deepEqual(shown(result), engineRows(riskyFile));
    assert.deepEqual(result.logs, []);
  });
});
