// A temporary folder for one test file, removed after it, and a writer of files inside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

export interface TempFolder {
  readonly root: string;
  /** Writes `text` to `path` (relative to the folder, parents created) and returns the full path. */
  readonly write: (path: string, text: string) => string;
}

export function tempFolder(prefix: string): TempFolder {
  const root = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    write: (path, text) => {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
  };
}
