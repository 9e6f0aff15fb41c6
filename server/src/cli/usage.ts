// The usage text, the version and the format names: all that `scope-lint --help` and
// `--version` need, so the bin (cli.ts) answers them without loading the engine.

/** The output formats (cli/format/index.ts has a formatter for each, checked by the type). */
export const formatNames = ['stylish', 'json', 'sarif', 'github', 'markdown', 'csv', 'html'] as const;
export type FormatName = (typeof formatNames)[number];

declare const SCOPE_LINT_VERSION: string | undefined;

/** Inlined by esbuild from package.json (see esbuild.mjs); unbundled test builds say "dev". */
export const version: string = typeof SCOPE_LINT_VERSION === 'string' ? SCOPE_LINT_VERSION : '0.0.0-dev';

export const usage = `Usage: scope-lint [options] <file | folder | glob> ...
       scope-lint [options] --stdin [--stdin-filename <path>]
       scope-lint rules [--format json] [--config <file>]
       scope-lint explain [--config <file>] <rule-id>
       scope-lint init [--scope <file>]
       scope-lint compare [--format <name>] <old-file> <new-file> | --base <git-ref> <file> ...
       scope-lint --base <git-ref> [--format <name>] <file> ...

Lints IT-outsourcing scope files (*.scope.yaml) for security, oversight and hidden-cost risks,
with the same rules, .scope-lint.yaml configuration and suppression comments as the editor.
Folders are searched recursively for *.scope.yaml and *.scope.yml; quote globs: "specs/**/*.scope.yaml".

Options:
  -f, --format <name>        ${formatNames.join(', ')} (default: stylish)
  -c, --config <file>        use this config file instead of the nearest .scope-lint.yaml
      --rule <id>:<sev>      set a rule's severity: off, hint, info, warning or error (repeatable)
      --max-warnings <n>     also fail when there are more than n warnings
  -q, --quiet                report errors only
      --fix                  apply the safe fixes to the files, then report what remains
      --unsafe-fixes         with --fix or --diff: also apply unsafe fixes (proposals to review)
      --diff                 print a unified diff of what --fix would change; write nothing
      --stdin                lint standard input (with --fix: print the fixed text)
      --stdin-filename <p>   check standard input as if it were the file p (config, rules, paths)
  -o, --output-file <path>   write the report to this file instead of standard output
      --statistics           print how many findings each rule has instead of each finding
      --suppress-all         record every finding in scope-lint-suppressions.json; later runs
                             report only files with more findings of a rule than recorded
      --suppress-rule <id>   the same for one rule (repeatable)
      --prune-suppressions   remove recorded findings that no longer occur
      --suppressions-location <file>
                             the suppressions file (default: ./scope-lint-suppressions.json)
      --no-color             no colors (also off when NO_COLOR is set or output is not a terminal)
  -h, --help                 show this help
  -v, --version              print the version

Commands:
  rules                      list every rule: area, default severity and fix levels
  explain <rule-id>          print a rule's documentation page
  init [--scope <file>]      write a commented .scope-lint.yaml here (and a starter scope file);
                             an existing file is never overwritten
  compare <old> <new>        what changed between two versions, and what no approved change
                             request accounts for (--base <git-ref>: old versions from git);
                             see scope-lint compare --help

Fixes: --fix applies only safe fixes, whose result is beyond doubt; --unsafe-fixes adds proposals
a person should review (a guessed currency, a new wording); fixes with placeholders to fill in are
offered in the editor only. A file is written only if it did not change while it was checked,
atomically, with its line endings, byte order mark and permissions kept.

Configuration: the nearest .scope-lint.yaml (or .yml) in the file's folder or above it, up to the
repository root (the folder holding .git), never above your home folder, never on another file
system and never from a folder anyone can write to (like /tmp). --rule flags override it.
Its extends: (shared policy files or npm packages) and custom_rules: (your own checks as JSON
Schemas) are read as data, never run; a mistake in either is a config error (exit 2).

Environment: NO_COLOR / FORCE_COLOR turn colors off / on. Files are checked on worker threads
(one for a few files, up to one per core for many; a single file of at most 16 KB on the main
thread, under the same time bound); SCOPE_LINT_WORKERS sets how many (at most two per core; 0: on
the main thread, without the bounds). Each file gets at most SCOPE_CHECK_TIMEOUT_MS (default 20000)
and SCOPE_LINT_WORKER_MEMORY_MB of heap (default 1024); a file over either is reported as not
checked (input/timeout, input/check-failed). V8's compiled code is cached for faster starts in
SCOPE_COMPILE_CACHE_DIR (default: scope-yaml/compile-cache in your user cache folder; off: none).

Exit codes: 0 no errors (and at most --max-warnings warnings; with --diff: nothing to change),
1 findings at or above that threshold (with --diff: a file would change), 2 usage or I/O error
(a missing file, a file or folder that cannot be read, an unreadable or invalid config, a report
that cannot be written, a fixed file that changed while it was checked or cannot be written).`;
