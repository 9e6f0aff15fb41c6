// Writing a fixed file back: only if it is still exactly what was read (same bytes, size and
// modification time), atomically (a temporary file in the same folder, flushed, then renamed over
// the original, so a crash leaves the old file or the new one, never half of one), with the
// original BOM, line endings (kept by fix.ts), permissions and, where allowed, owner.
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readUserFile } from '../userFile';
import { sha256, type FileFix } from './fix';
import { describeIoError } from './lint';

const bomBytes = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes a fixed file is written as. */
export function fixedBytes(fix: FileFix): Buffer {
  const body = Buffer.from(fix.after, 'utf8');
  return fix.bom ? Buffer.concat([bomBytes, body]) : body;
}

/** undefined when written; else why not, as a sentence fragment ("it changed on disk while ..."). */
export function writeFixedFile(filePath: string, fix: FileFix): string | undefined {
  if (!fix.read) return 'it was not read from disk';
  let target: string;
  try {
    // A symlink stays a symlink: its target is what is rewritten.
    target = realpathSync(filePath);
  } catch (error) {
    return `it cannot be found any more (${describeIoError(error)})`;
  }
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    return `it cannot be found any more (${describeIoError(error)})`;
  }
  const changed = 'it changed on disk while it was being checked, so the fixes were not written; run again';
  if (!stat.isFile() || stat.size !== fix.read.size || stat.mtimeMs !== fix.read.mtimeMs) return changed;
  const now = readUserFile(target, fix.read.size);
  if (!now.ok || sha256(now.bytes) !== fix.read.sha256) return changed;

  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.scope-lint.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    // The mode of the original, whatever the umask; the owner too when this user may set it.
    fchmodSync(fd, stat.mode & 0o7777);
    if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || stat.gid !== process.getgid?.())) {
      try {
        fchownSync(fd, stat.uid, stat.gid);
      } catch {
        // Not allowed (not root): the file becomes this user's, as any editor's save would make it.
      }
    }
    const bytes = fixedBytes(fix);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already closed.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    return `it could not be written (${describeIoError(error)})`;
  }
}
