// `.scope-lint.yaml`: the repository's shared lint settings, read by the editor and the CLI alike.
// The file is found in the scope file's folder or above it, parsed as plain YAML data and validated
// against schemas/scope-lint.schema.json. It never executes code. `extends:` names the policy
// files it builds on (relative paths, or npm packages found in node_modules): each is read the same
// way, as bounded data, and merged in order under the file itself.
//
// Precedence: defaults < VS Code settings < .scope-lint.yaml (< CLI flags). The file is the
// repository's shared truth, so the editor shows what CI shows.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorObject } from 'ajv';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import configSchema from '../../schemas/scope-lint.schema.json';
import type { EngineCode } from './service/codes';
import { customRuleProblems, maxCustomRules, type CustomRule } from './service/customRules';
import { ScopeDocument } from './service/document';
import validateConfig from './service/generated/configSchemaValidator.js';
import { closest } from './service/editDistance';

export { closest };
import { isRecord, shortText } from './service/model';
import { rules } from './service/rules';
import type { PartialSettings } from './service/settings';
import type { Path, PathSegment, SeverityOverride } from './service/types';
import { plural } from './service/plural';
import { readUserFile } from './userFile';

export { configSchema };

/** Looked for in this order in each folder. */
export const configFileNames: readonly string[] = ['.scope-lint.yaml', '.scope-lint.yml'];
export const configDiagnosticCode: EngineCode = 'config/invalid';

/** A config file is a few lines; anything bigger is a mistake, not a configuration. */
const maxConfigBytes = 256 * 1024;

export interface ConfigProblem {
  readonly message: string;
  /** 0-based, as in LSP. */
  readonly range: Range;
  /** The policy file the problem is in, when it is not the config file itself (one it extends). */
  readonly file?: string;
}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  readonly path: string;
  /** The valid part of the file: an entry with an error is left out, the rest still applies. */
  readonly settings: PartialSettings;
  /** `ignore:` patterns (.gitignore syntax, relative to the config file's folder), when set. */
  readonly ignore?: readonly string[];
  readonly problems: readonly ConfigProblem[];
  /** Every policy file `extends` read, in the order they apply (absent: none). */
  readonly extended?: readonly string[];
}

const lineOne: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Parses and validates the text of a config file, with the policies it extends; never throws. */
export function parseConfig(text: string, path: string): LoadedConfig {
  return withUniqueCustomRules(withExtends(parseConfigFile(text, path), { stack: [realPath(path)], read: new Set() }));
}

/** One file's own content, and the policies it names in `extends` (not read yet). */
interface ParsedFile {
  readonly config: LoadedConfig;
  readonly extendsEntries: readonly ExtendsEntry[];
}

interface ExtendsEntry {
  readonly name: string;
  /** The entry in the file that names it. */
  readonly range: Range;
}

function parseConfigFile(text: string, path: string): ParsedFile {
  const done = (config: LoadedConfig, doc?: ScopeDocument): ParsedFile => {
    const {
      extends: names,
      custom_rules: written,
      ...settings
    } = config.settings as PartialSettings & { extends?: unknown; custom_rules?: unknown };
    const problems = [...config.problems];
    if (Array.isArray(written) && doc) {
      const customRules = checkedCustomRules(written as CustomRule[], path, doc, problems);
      if (customRules.length > 0) Object.assign(settings, { customRules });
    }
    // Only an `extends` without an error is still in the settings (validPart), so only a valid one is followed.
    const entries: ExtendsEntry[] = [];
    if (typeof names === 'string') entries.push({ name: names, range: doc?.rangeOf(['extends']) ?? lineOne });
    else if (Array.isArray(names))
      names.forEach((name, i) => {
        if (typeof name === 'string') entries.push({ name, range: doc?.rangeOf(['extends', i]) ?? lineOne });
      });
    return { config: { ...config, settings, problems }, extendsEntries: entries };
  };
  const doc = new ScopeDocument(pathToFileURL(path).href, 0, text, {
    maxFileSizeKB: maxConfigBytes / 1024,
    maxNestingDepth: 16,
    maxAliases: 20,
  });
  if (doc.inputProblem) {
    return done({
      path,
      settings: {},
      problems: [{ message: doc.inputProblem.message.replace(/ \(setting `[^`]+`\)/, ''), range: doc.firstLineRange() }],
    });
  }
  const syntax = doc.parseErrors;
  if (syntax.length > 0 || doc.valueError) {
    // Data that is not well-formed YAML is not applied at all: guessing could enable the wrong rules.
    const problems = syntax.map((e) => ({
      message: `The config is not valid YAML, so none of it applies: ${firstLine(e.message)}`,
      range: doc.oneLineRange(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
    }));
    if (doc.valueError) problems.push({ message: `The file could not be read as data: ${doc.valueError}.`, range: doc.firstLineRange() });
    return done({ path, settings: {}, problems });
  }
  if (doc.documents.length > 1) {
    const offset = doc.documents[1]?.range?.[0] ?? 0;
    return done({
      path,
      settings: {},
      problems: [
        {
          message: 'A config file is one YAML document; remove the `---` separator and what follows it.',
          range: doc.oneLineRange(offset, offset + 3),
        },
      ],
    });
  }
  const cleaned = withoutEmptyKeys(doc.value) ?? {};
  // A rule's schemas are kept as written: `const: null` is a value there, not an empty key.
  const written = isRecord(doc.value) ? doc.value.custom_rules : undefined;
  const value = isRecord(cleaned) && Array.isArray(written) ? { ...cleaned, custom_rules: written } : cleaned;
  // Compiled ahead of time (scripts/generate.mjs), like the scope schema.
  const validate = validateConfig;
  if (validate(value)) return done({ path, ...split(value), problems: [] }, doc);

  const errors = relevantErrors(validate.errors ?? []);
  const problems = errors.map((e) => {
    const problem = toProblem(e, doc);
    const rulesValue = isRecord(value) ? value.rules : undefined;
    if (typeof e.propertyName === 'string' && isRecord(rulesValue))
      unknownRuleOf.set(problem, { id: e.propertyName, severity: rulesValue[e.propertyName] });
    return problem;
  });
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return done({ path, ...split(validPart(value, errors)), problems: dedupe(problems) }, doc);
}

/** Where each custom rule was written (file, and the range of its id), for a clash found after merging. */
const writtenAt = new WeakMap<CustomRule, { readonly file: string; readonly range: Range }>();

/**
 * The custom rules of one file that can run: each schema compiled (cached), its path checked
 * against the scope format and its id against the built-in ones; a rule with a problem is left out
 * and the problem is on the key it is about.
 */
function checkedCustomRules(written: readonly CustomRule[], path: string, doc: ScopeDocument, problems: ConfigProblem[]): CustomRule[] {
  const kept: CustomRule[] = [];
  written.forEach((rule, i) => {
    const found = customRuleProblems(rule);
    for (const p of found) problems.push({ message: p.message, range: doc.rangeOf(['custom_rules', i, p.key]) });
    if (found.length > 0) return;
    writtenAt.set(rule, { file: path, range: doc.rangeOf(['custom_rules', i, 'id']) });
    kept.push(rule);
  });
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return kept;
}

/**
 * The custom rules of a config with what it extends: an id written twice is a problem on the
 * second (the first still runs), and past `maxCustomRules` the rest are left out, said once.
 */
function withUniqueCustomRules(config: LoadedConfig): LoadedConfig {
  const all = config.settings.customRules;
  if (!all || all.length === 0) return config;
  const problems = [...config.problems];
  const kept: CustomRule[] = [];
  const firstOf = new Map<string, CustomRule>();
  for (const rule of all) {
    const at = writtenAt.get(rule);
    const first = firstOf.get(rule.id);
    const problemHere = (message: string): void => {
      problems.push({ message, range: at?.range ?? lineOne, ...(at && at.file !== config.path ? { file: at.file } : {}) });
    };
    if (first) {
      const there = writtenAt.get(first);
      const where = there
        ? `${there.file === (at?.file ?? config.path) ? 'line' : `${there.file}, line`} ${there.range.start.line + 1}`
        : 'above';
      problemHere(`Another custom rule already has the id \`${rule.id}\`: it is at ${where}; give each rule its own id.`);
      continue;
    }
    if (kept.length >= maxCustomRules) {
      problemHere(
        `A config has at most ${maxCustomRules} custom rules, with what it extends; \`${rule.id}\` and those after it are left out.`,
      );
      break;
    }
    firstOf.set(rule.id, rule);
    kept.push(rule);
  }
  if (problems.length === config.problems.length) return config;
  return { ...config, settings: { ...config.settings, customRules: kept }, problems };
}

/** The keys that are not engine settings (`ignore`) apart from those that are. */
function split(value: unknown): { settings: PartialSettings; ignore?: readonly string[] } {
  if (!isRecord(value)) return { settings: {} };
  const { ignore, ...settings } = value;
  return { settings, ...(Array.isArray(ignore) ? { ignore: ignore as string[] } : {}) };
}

/** Reads and validates a config file; an unreadable file is a problem, never an exception. */
export function loadConfig(path: string): LoadedConfig {
  const read = readConfigText(path);
  return typeof read === 'string' ? parseConfig(read, path) : { path, settings: {}, problems: [{ message: read.problem, range: lineOne }] };
}

/** The text of a config or policy file, or why it cannot be read. */
function readConfigText(path: string): string | { problem: string } {
  // A symlink to /dev/zero or a FIFO named .scope-lint.yaml can be committed: only a regular file
  // is read, and at most the limit + 1 byte of it.
  const read = readUserFile(path, maxConfigBytes);
  if (read.ok) return read.bytes.toString('utf8');
  if (read.reason === 'too-large')
    return {
      problem: `This config file is ${Math.round(read.size / 1024)} KB; a configuration is a few lines, so it is not read (limit ${maxConfigBytes / 1024} KB).`,
    };
  if (read.reason === 'not-a-file') return { problem: `The config file is ${read.kind}, not a regular file, so it is not read.` };
  return { problem: `Cannot read the config file: ${ioReason(read.error)}.` };
}

// ---- extends ---------------------------------------------------------------------------------

/** A chain of policies deeper than this, or more files than this in all, is a mistake, not a policy. */
const maxExtendsDepth = 8;
const maxExtendedFiles = 32;
/** A package.json is data to read one field from; a bigger one is not read. */
const maxPackageJsonBytes = 1024 * 1024;
/** The policy file of a package without a `scope-lint` field in its package.json. */
export const packagePolicyFileName = 'scope-lint.yaml';
/** An npm package name (with an optional @scope), as npm allows it. */
const packageNamePattern = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** The `rules:` entries the schema does not know (not built-in ids): a custom rule's id is one. */
const unknownRuleOf = new WeakMap<ConfigProblem, { readonly id: string; readonly severity: unknown }>();

/**
 * `rules: { <custom rule id>: off }`: the severity of a custom rule this file or a policy it
 * extends defines is a setting like any other, not an unknown rule id.
 */
function withCustomRuleSeverities(own: LoadedConfig, layers: readonly LoadedConfig[]): LoadedConfig {
  const customIds = new Set([...layers, own].flatMap((l) => l.settings.customRules ?? []).map((r) => r.id));
  if (customIds.size === 0) return own;
  const rules: Record<string, SeverityOverride> = { ...own.settings.rules };
  let changed = false;
  const problems = own.problems.flatMap((p): ConfigProblem[] => {
    const unknown = unknownRuleOf.get(p);
    if (!unknown || !customIds.has(unknown.id)) return [p];
    changed = true;
    if (typeof unknown.severity === 'string' && severityWords.includes(unknown.severity)) {
      rules[unknown.id] = unknown.severity as SeverityOverride;
      return [];
    }
    return [{ message: notASeverity(unknown.id), range: p.range }];
  });
  return changed ? { ...own, settings: { ...own.settings, rules }, problems } : own;
}

/** The problems on an `extends` entry that only point to a problem inside the policy it names. */
const summaries = new WeakSet<ConfigProblem>();

interface ExtendsWalk {
  /** The real paths of the files that lead here, for cycles. */
  readonly stack: readonly string[];
  /** Every policy file read so far (real paths), for the bound. */
  readonly read: Set<string>;
}

/**
 * The file's settings over those of the policies it extends, in order (a later policy over an
 * earlier one). A policy that cannot be found, read or parsed is a problem on the `extends` entry
 * that names it (with its own problems kept, on its own file), never a silent gap.
 */
function withExtends(parsed: ParsedFile, walk: ExtendsWalk): LoadedConfig {
  if (parsed.extendsEntries.length === 0) return withCustomRuleSeverities(parsed.config, []);
  const layers: LoadedConfig[] = [];
  const problems: ConfigProblem[] = [];
  const nested: ConfigProblem[] = [];
  const extended: string[] = [];
  const problemAt = (entry: ExtendsEntry, message: string, cause = false): void => {
    const policy = `The policy "${shortText(entry.name, 40)}" in \`extends\``;
    const problem = { message: cause ? `${policy} is not read: ${message}` : `${policy} has problems: ${message}`, range: entry.range };
    if (!cause) summaries.add(problem);
    problems.push(problem);
  };
  for (const entry of parsed.extendsEntries) {
    const found = resolvePolicy(entry.name, parsed.config.path);
    if ('problem' in found) {
      problemAt(entry, found.problem, true);
      continue;
    }
    const real = realPath(found.path);
    if (walk.stack.includes(real)) {
      const cycle = [...walk.stack.slice(walk.stack.indexOf(real)), real].map((p) => shortPath(p, parsed.config.path)).join(' → ');
      problemAt(entry, `it extends this file again (${cycle}); remove one of the \`extends\` entries.`, true);
      continue;
    }
    if (walk.stack.length >= maxExtendsDepth) {
      problemAt(entry, `policies extend each other more than ${maxExtendsDepth} deep.`, true);
      continue;
    }
    if (!walk.read.has(real) && walk.read.size >= maxExtendedFiles) {
      problemAt(entry, `a config reads at most ${maxExtendedFiles} policy files.`, true);
      continue;
    }
    walk.read.add(real);
    const text = readConfigText(found.path);
    if (typeof text !== 'string') {
      problemAt(entry, `${found.path}: ${text.problem}`, true);
      continue;
    }
    const policy = withExtends(parseConfigFile(text, found.path), { stack: [...walk.stack, real], read: walk.read });
    extended.push(...(policy.extended ?? []), found.path);
    layers.push(policy);
    // Each problem of the policy on its own file, where the editor shows it; the entry names the first.
    const inPolicy = policy.problems.map((p) => ({ ...p, file: p.file ?? found.path }));
    const causes = inPolicy.filter((p, i) => !summaries.has(policy.problems[i] as ConfigProblem));
    const first = causes[0];
    if (first) {
      const where = `${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1}`;
      const more = causes.length - 1;
      problemAt(entry, `${where}: ${first.message}${more > 0 ? ` (and ${plural(more, 'more problem')})` : ''}`);
    }
    inPolicy.forEach((p, i) => {
      if (summaries.has(policy.problems[i] as ConfigProblem)) summaries.add(p);
      nested.push(p);
    });
  }
  const own = withCustomRuleSeverities(parsed.config, layers);
  problems.push(...own.problems);
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const merged = mergeConfigLayers([...layers, own]);
  return { path: own.path, ...merged, problems: [...problems, ...nested], extended: [...new Set(extended)] };
}

/**
 * Later layers win, key by key (`rules`, `thresholds`, `limits`); the lists (`vagueTerms`,
 * `ignore`) add up. An extended `ignore:` is read relative to the folder of the config that applies.
 */
function mergeConfigLayers(layers: readonly LoadedConfig[]): { settings: PartialSettings; ignore?: readonly string[] } {
  const settings: Record<string, unknown> = {};
  const ignore: string[] = [];
  let anyIgnore = false;
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.settings)) {
      const before = settings[key];
      if (key === 'customRules' && Array.isArray(before) && Array.isArray(value)) settings[key] = (before as unknown[]).concat(value);
      else if (key === 'vagueTerms' && isRecord(before) && isRecord(value)) {
        const lists: Record<string, unknown> = { ...before };
        for (const [name, list] of Object.entries(value)) {
          const earlier: unknown = before[name];
          lists[name] = Array.isArray(earlier) && Array.isArray(list) ? [...new Set<unknown>((earlier as unknown[]).concat(list))] : list;
        }
        settings[key] = lists;
      } else if (isRecord(before) && isRecord(value)) settings[key] = { ...before, ...value };
      else settings[key] = value;
    }
    if (layer.ignore) {
      anyIgnore = true;
      ignore.push(...layer.ignore);
    }
  }
  return { settings, ...(anyIgnore ? { ignore } : {}) };
}

/**
 * Where an `extends` entry points: a path (starting with `.` or `/`) relative to the file's folder,
 * or an installed npm package. A package is looked for in `node_modules` of the file's folder and
 * each folder above it (as Node does), skipping folders anyone can write to; its package.json is
 * read as data (nothing is required or run) for a `scope-lint` field naming the policy file in the
 * package, else `scope-lint.yaml` at its root.
 */
function resolvePolicy(name: string, fromFile: string): { path: string } | { problem: string } {
  const base = dirname(fromFile);
  if (name.startsWith('.') || isAbsolute(name)) {
    const path = resolve(base, name);
    return existsSync(path) ? { path } : { problem: `no such file (${path}).` };
  }
  if (!packageNamePattern.test(name))
    return {
      problem: 'it is neither a relative path (start it with `./` or `../`) nor an npm package name.',
    };
  for (let dir = base; ;) {
    const packageDir = join(dir, 'node_modules', ...name.split('/'));
    if (!isOpenToOthers(dir) && existsSync(join(packageDir, 'package.json'))) return packagePolicy(name, packageDir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return {
    problem: `no package of that name is installed in node_modules from ${base} up; install it (npm install --save-dev ${name}) or write a relative path.`,
  };
}

function packagePolicy(name: string, packageDir: string): { path: string } | { problem: string } {
  const manifestPath = join(packageDir, 'package.json');
  const read = readUserFile(manifestPath, maxPackageJsonBytes);
  if (!read.ok) return { problem: `${manifestPath} cannot be read${read.reason === 'io' ? `: ${ioReason(read.error)}` : ''}.` };
  let manifest: unknown;
  try {
    manifest = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return { problem: `${manifestPath} is not valid JSON.` };
  }
  const field = isRecord(manifest) ? manifest['scope-lint'] : undefined;
  if (field !== undefined && (typeof field !== 'string' || field.trim() === ''))
    return { problem: `the \`scope-lint\` field of ${manifestPath} must name the policy file in the package (a relative path).` };
  const path = resolve(packageDir, typeof field === 'string' ? field : packagePolicyFileName);
  const inside = relative(packageDir, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    return { problem: `the \`scope-lint\` field of ${manifestPath} points outside the package (${String(field)}).` };
  if (!existsSync(path))
    return {
      problem:
        field === undefined
          ? `the package has no \`scope-lint\` field in its package.json and no ${packagePolicyFileName} (${path}).`
          : `the policy file its package.json names does not exist (${path}).`,
    };
  return { path };
}

/** The path with symlinks resolved (the path itself when it cannot be). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A path relative to the config's folder when it is below it, for messages. */
function shortPath(path: string, configPath: string): string {
  const rel = relative(dirname(configPath), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/**
 * The nearest config file for a file in `startDir`: that folder first, then each parent, until
 * `isBoundary(dir)` is true for a folder already searched. Whatever the boundary, the search also
 * stops where a config could be somebody else's: before a folder anyone can write to (like /tmp,
 * where another user can plant one), after the user's home folder, and at the edge of the file
 * system `startDir` is on (a mount point), as well as at the filesystem root.
 */
export function findConfigFile(startDir: string, isBoundary: (dir: string) => boolean, home: string = homedir()): string | undefined {
  const homeDir = resolve(home);
  const device = deviceOf(startDir);
  if (device === undefined) return undefined;
  let dir = startDir;
  for (;;) {
    if (isOpenToOthers(dir)) return undefined;
    for (const name of configFileNames) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (isBoundary(dir) || resolve(dir) === homeDir) return undefined;
    const parent = dirname(dir);
    if (parent === dir || deviceOf(parent) !== device) return undefined;
    dir = parent;
  }
}

/** The file system a folder is on; undefined when it cannot be read. */
function deviceOf(dir: string): number | undefined {
  try {
    return statSync(dir).dev;
  } catch {
    return undefined;
  }
}

/** A folder any user can write to (o+w, like /tmp); Windows has no such mode bits. */
function isOpenToOthers(dir: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    return (statSync(dir).mode & 0o002) !== 0;
  } catch {
    return true;
  }
}

/** The CLI's boundary: the repository root (a folder with `.git`, a folder or a worktree file). */
export function isRepositoryRoot(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/** One line for a terminal: `file:line:col: message (and N more problems)`. */
export function describeProblems(config: LoadedConfig): string {
  const first = config.problems[0];
  if (!first) return `${config.path}: no problems`;
  // A policy's problems are also summed up on the `extends` entry that names it: counted once.
  const more = config.problems.filter((p) => p.file === undefined).length - 1;
  return `${first.file ?? config.path}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}${more > 0 ? ` (and ${plural(more, 'more problem')})` : ''}`;
}

/** Diagnostics for the config file itself (published on its uri by the server). */
export function configDiagnostics(config: LoadedConfig): Diagnostic[] {
  return config.problems.filter((p) => p.file === undefined).map(toDiagnostic);
}

/** The diagnostics of every file the config read, by path (an empty list for a file without problems). */
export function configDiagnosticsByFile(config: LoadedConfig): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>([[config.path, []], ...(config.extended ?? []).map((f): [string, Diagnostic[]] => [f, []])]);
  for (const p of config.problems) {
    const file = p.file ?? config.path;
    byFile.set(file, [...(byFile.get(file) ?? []), toDiagnostic(p)]);
  }
  return byFile;
}

function toDiagnostic(p: ConfigProblem): Diagnostic {
  return { range: p.range, severity: DiagnosticSeverity.Error, code: configDiagnosticCode, source: 'scope', message: p.message };
}

/**
 * Config lookup with caches, for the server: which config applies to a document, and the loaded
 * content of each config file. Inside a workspace folder the search stops at the folder root;
 * outside any folder it stops where the CLI stops, at the repository root.
 */
export class ConfigFiles {
  private roots: string[] = [];
  private readonly configOfDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** `onLoad` is told each time a config file is (re)read, so its problems can be published. */
  constructor(private readonly onLoad: (config: LoadedConfig) => void = () => {}) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.roots = uris.flatMap((uri) => {
      const path = fileSystemPath(uri);
      return path ? [path] : [];
    });
    this.configOfDir.clear();
  }

  /** The config that applies to a document, if it is a file and one exists. */
  forDocument(uri: string): LoadedConfig | undefined {
    const path = fileSystemPath(uri);
    if (!path) return undefined;
    const dir = dirname(path);
    let configPath = this.configOfDir.get(dir);
    if (configPath === undefined) {
      const root = this.rootOf(path);
      configPath = findConfigFile(dir, root ? (d) => d === root : isRepositoryRoot) ?? null;
      this.configOfDir.set(dir, configPath);
    }
    return configPath === null ? undefined : this.load(configPath);
  }

  /** Reads a config file (cached until `invalidate`). */
  load(path: string): LoadedConfig {
    let config = this.loaded.get(path);
    if (!config) {
      config = loadConfig(path);
      this.loaded.set(path, config);
      this.onLoad(config);
    }
    return config;
  }

  /** Forgets everything: a config file was created, changed or deleted. */
  invalidate(): void {
    this.configOfDir.clear();
    this.loaded.clear();
  }

  private rootOf(path: string): string | undefined {
    let best: string | undefined;
    for (const root of this.roots) {
      const inside = path === root || path.startsWith(root.endsWith('/') || root.endsWith('\\') ? root : `${root}${pathSeparatorOf(root)}`);
      if (inside && (!best || root.length > best.length)) best = root;
    }
    return best;
  }
}

/** True for the uri of a `.scope-lint.yaml` / `.scope-lint.yml`. */
export function isConfigUri(uri: string): boolean {
  return configFileNames.some((name) => uri.endsWith(`/${name}`));
}

export function fileSystemPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

// ---- ajv errors -> problems ------------------------------------------------------------------

const ruleIds = rules.map((r) => r.id);
const severityWords = ['off', 'hint', 'info', 'warning', 'error'];

/** The problem of a `rules:` entry whose value is not a severity. */
function notASeverity(ruleId: string): string {
  return `\`${ruleId}\` in \`rules\` is not a severity: use ${orList(severityWords.map((w) => `\`${w}\``))}.`;
}

/** `a`, `b` or `c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** propertyNames reports twice (the enum on the name, then itself); keep the one naming the key. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  // `extends` is a text or a list (anyOf): with a bad list item, the branch for a text says nothing useful.
  const listItem = errors.some((e) => e.instancePath.startsWith('/extends/'));
  return errors.filter((e) => e.keyword !== 'propertyNames' && !(listItem && e.instancePath === '/extends'));
}

function toProblem(error: ErrorObject, doc: ScopeDocument): ConfigProblem {
  const path = pointerToPath(error.instancePath);
  if (path[0] === 'extends' && (path.length === 1 || error.keyword !== 'minLength'))
    return {
      message: '`extends` must name policy files: a relative path or an npm package name (a non-empty text), or a list of them.',
      range: doc.rangeOf(path),
    };
  const where = path.length ? `\`${dotted(path)}\`` : 'The config';
  const params = error.params as Record<string, unknown>;
  if (typeof error.propertyName === 'string') {
    // An unknown rule id (the only property-name enum in the schema).
    const name = error.propertyName;
    const guess = closest(name, ruleIds);
    return {
      message: `Unknown rule id \`${name}\` in \`rules\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
      range: doc.rangeOf([...path, name], 'key'),
    };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(schemaPropertiesAt(path));
      const guess = closest(key, known);
      const section = path.length ? `in \`${dotted(path)}\`` : 'at the top level';
      return {
        message: `Unknown key \`${key}\` ${section}.${guess ? ` Did you mean \`${guess}\`?` : ` Known keys: ${known.join(', ')}.`}`,
        range: doc.rangeOf([...path, key], 'key'),
      };
    }
    case 'enum':
      if (path[0] === 'rules' && path.length === 2) return { message: notASeverity(String(path[1])), range: doc.rangeOf(path) };
      return {
        message: `${where} is not one of the allowed values: use ${orList(((params.allowedValues as unknown[]) ?? []).map((v) => `\`${String(v)}\``))}.`,
        range: doc.rangeOf(path),
      };
    case 'type': {
      const type = String(params.type);
      const noun = type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : type === 'integer' ? 'a whole number' : `a ${type}`;
      return { message: `${where} must be ${noun}.`, range: doc.rangeOf(path) };
    }
    case 'minimum':
    case 'maximum':
      return {
        message: `${where} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`,
        range: doc.rangeOf(path),
      };
    case 'pattern':
      return {
        message:
          path[1] === 'defaultCurrency'
            ? `${where} is not a currency code: write three letters of ISO 4217, such as \`USD\` or \`EUR\`.`
            : `${where} does not have the expected form.`,
        range: doc.rangeOf(path),
      };
    case 'minLength':
      return { message: `${where} must not be empty.`, range: doc.rangeOf(path) };
    case 'required':
      return { message: `${where} is missing the required key \`${String(params.missingProperty)}\`.`, range: doc.rangeOf(path) };
    default:
      return { message: `${where} ${error.message ?? 'is invalid'}.`, range: doc.rangeOf(path) };
  }
}

/** The value with every entry that has an error removed, so the rest of the file still applies. */
function validPart(value: unknown, errors: readonly ErrorObject[]): Record<string, unknown> {
  if (!isRecord(value)) return {};
  const copy = structuredClone(value) as Record<string, unknown>;
  const doomed: Path[] = [];
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    if (typeof error.propertyName === 'string') doomed.push([...path, error.propertyName]);
    else if (error.keyword === 'additionalProperties') doomed.push([...path, String(params.additionalProperty)]);
    else doomed.push(path);
  }
  // Deepest first, and list items from the end, so earlier removals do not shift later ones.
  doomed.sort((a, b) => b.length - a.length || Number(b[b.length - 1]) - Number(a[a.length - 1]) || 0);
  for (const path of doomed) {
    if (path.length === 0) return {};
    remove(copy, path);
  }
  return validateConfig(copy) ? copy : {};
}

/** A key left empty (`rules:` with every line below commented out) means "not set". */
function withoutEmptyKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, withoutEmptyKeys(v)]])));
}

function remove(root: Record<string, unknown>, path: Path): void {
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(segment)] : isRecord(node) ? node[String(segment)] : undefined;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  // The copy is ours (structuredClone), so it may be changed in place.
  else if (isRecord(node) && last !== undefined) Reflect.deleteProperty(node, String(last));
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function dotted(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function schemaPropertiesAt(path: Path): Record<string, unknown> {
  let node: unknown = configSchema;
  for (const segment of path) {
    const props = isRecord(node) && isRecord(node.properties) ? node.properties : undefined;
    node = props?.[String(segment)];
  }
  return isRecord(node) && isRecord(node.properties) ? node.properties : {};
}

function dedupe(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.range.start.line}:${p.range.start.character}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function firstLine(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
  return first.endsWith('.') ? first : `${first}.`;
}

function ioReason(error: unknown): string {
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

function pathSeparatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}
