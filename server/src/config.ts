// `.scope-lint.yaml`: the repository's shared lint settings, read by the editor and the CLI alike.
// The file is found in the scope file's folder or above it, parsed as plain YAML data and validated
// against schemas/scope-lint.schema.json. It never executes code and never loads another file.
//
// Precedence: defaults < VS Code settings < .scope-lint.yaml (< CLI flags). The file is the
// repository's shared truth, so the editor shows what CI shows.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorObject } from 'ajv';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import configSchema from '../../schemas/scope-lint.schema.json';
import type { EngineCode } from './service/codes';
import { ScopeDocument } from './service/document';
import validateConfig from './service/generated/configSchemaValidator.js';
import { editDistance } from './service/editDistance';
import { isRecord } from './service/model';
import { rules } from './service/rules';
import type { PartialSettings } from './service/settings';
import type { Path, PathSegment } from './service/types';
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
}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  readonly path: string;
  /** The valid part of the file: an entry with an error is left out, the rest still applies. */
  readonly settings: PartialSettings;
  /** `ignore:` patterns (.gitignore syntax, relative to the config file's folder), when set. */
  readonly ignore?: readonly string[];
  readonly problems: readonly ConfigProblem[];
}

const lineOne: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Parses and validates the text of a config file; never throws. */
export function parseConfig(text: string, path: string): LoadedConfig {
  const doc = new ScopeDocument(pathToFileURL(path).href, 0, text, {
    maxFileSizeKB: maxConfigBytes / 1024,
    maxNestingDepth: 16,
    maxAliases: 20,
  });
  if (doc.inputProblem) {
    return {
      path,
      settings: {},
      problems: [{ message: doc.inputProblem.message.replace(/ \(setting `[^`]+`\)/, ''), range: doc.firstLineRange() }],
    };
  }
  const syntax = doc.parseErrors;
  if (syntax.length > 0 || doc.valueError) {
    // Data that is not well-formed YAML is not applied at all: guessing could enable the wrong rules.
    const problems = syntax.map((e) => ({
      message: `YAML syntax: ${firstLine(e.message)}`,
      range: doc.oneLineRange(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
    }));
    if (doc.valueError) problems.push({ message: `The file could not be read as data: ${doc.valueError}.`, range: doc.firstLineRange() });
    return { path, settings: {}, problems };
  }
  if (doc.documents.length > 1) {
    const offset = doc.documents[1]?.range?.[0] ?? 0;
    return {
      path,
      settings: {},
      problems: [
        {
          message: 'A config file is one YAML document; remove the `---` separator and what follows it.',
          range: doc.oneLineRange(offset, offset + 3),
        },
      ],
    };
  }
  const value = withoutEmptyKeys(doc.value) ?? {};
  // Compiled ahead of time (scripts/generate.mjs), like the scope schema.
  const validate = validateConfig;
  if (validate(value)) return { path, ...split(value), problems: [] };

  const errors = relevantErrors(validate.errors ?? []);
  const problems = errors.map((e) => toProblem(e, doc));
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { path, ...split(validPart(value, errors)), problems: dedupe(problems) };
}

/** The keys that are not engine settings (`ignore`) apart from those that are. */
function split(value: unknown): { settings: PartialSettings; ignore?: readonly string[] } {
  if (!isRecord(value)) return { settings: {} };
  const { ignore, ...settings } = value;
  return { settings, ...(Array.isArray(ignore) ? { ignore: ignore as string[] } : {}) };
}

/** Reads and validates a config file; an unreadable file is a problem, never an exception. */
export function loadConfig(path: string): LoadedConfig {
  // A symlink to /dev/zero or a FIFO named .scope-lint.yaml can be committed: only a regular file
  // is read, and at most the limit + 1 byte of it.
  const read = readUserFile(path, maxConfigBytes);
  if (!read.ok) {
    const problem = (message: string): LoadedConfig => ({ path, settings: {}, problems: [{ message, range: lineOne }] });
    if (read.reason === 'too-large')
      return problem(
        `This config file is ${Math.round(read.size / 1024)} KB; a configuration is a few lines, so it is not read (limit ${maxConfigBytes / 1024} KB).`,
      );
    if (read.reason === 'not-a-file') return problem(`The config file is ${read.kind}, not a regular file, so it is not read.`);
    return problem(`Cannot read the config file: ${ioReason(read.error)}.`);
  }
  return parseConfig(read.bytes.toString('utf8'), path);
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
  const more = config.problems.length - 1;
  return `${config.path}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`;
}

/** Diagnostics for the config file itself (published on its uri by the server). */
export function configDiagnostics(config: LoadedConfig): Diagnostic[] {
  return config.problems.map((p) => ({
    range: p.range,
    severity: DiagnosticSeverity.Error,
    code: configDiagnosticCode,
    source: 'scope',
    message: p.message,
  }));
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

/** propertyNames reports twice (the enum on the name, then itself); keep the one naming the key. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'propertyNames');
}

function toProblem(error: ErrorObject, doc: ScopeDocument): ConfigProblem {
  const path = pointerToPath(error.instancePath);
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
      if (key === 'extends' && path.length === 0) {
        return {
          message: '`extends` is not supported: a config never loads another file. Copy the settings you need into this one.',
          range: doc.rangeOf([key], 'key'),
        };
      }
      const known = Object.keys(schemaPropertiesAt(path));
      const guess = closest(key, known);
      const section = path.length ? `in \`${dotted(path)}\`` : 'at the top level';
      return {
        message: `Unknown key \`${key}\` ${section}.${guess ? ` Did you mean \`${guess}\`?` : ` Known keys: ${known.map((k) => `\`${k}\``).join(', ')}.`}`,
        range: doc.rangeOf([...path, key], 'key'),
      };
    }
    case 'enum':
      if (path[0] === 'rules')
        return { message: `${where} must be one of ${severityWords.map((w) => `\`${w}\``).join(', ')}.`, range: doc.rangeOf(path) };
      return {
        message: `${where} must be one of ${((params.allowedValues as unknown[]) ?? []).map((v) => `\`${String(v)}\``).join(', ')}.`,
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
            ? `${where} must be a three-letter ISO 4217 code such as \`USD\` or \`EUR\`.`
            : `${where} does not have the expected form.`,
        range: doc.rangeOf(path),
      };
    case 'minLength':
      return { message: `${where} must not be empty.`, range: doc.rangeOf(path) };
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

/** The candidate within a small edit distance, for "did you mean". */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
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
