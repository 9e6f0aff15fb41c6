// Reading a file that someone else put on disk (a scope file, a .scope-lint.yaml): only a regular
// file, and never more than a bound. `stat().size` is 0 for devices and pipes, so a size check on
// the path lets a symlink to /dev/zero exhaust memory and a FIFO block forever; this module opens
// first (without waiting on a FIFO), checks the opened file itself, and reads at most limit + 1 bytes.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type UserFileRead =
  | { readonly ok: true; readonly bytes: Buffer }
  /** `size` is at least the limit + 1; it is the real size when the file did not grow while read. */
  | { readonly ok: false; readonly reason: 'too-large'; readonly size: number }
  /** A folder, FIFO, device or socket: never read. `kind` names it ("a FIFO (named pipe)"). */
  | { readonly ok: false; readonly reason: 'not-a-file'; readonly kind: string }
  | { readonly ok: false; readonly reason: 'io'; readonly error: unknown };

/** O_NONBLOCK: opening a FIFO must not wait for a writer (fstat then refuses it). Not defined on Windows. */
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const chunkBytes = 64 * 1024;

/** Never throws. */
export function readUserFile(path: string, maxBytes: number): UserFileRead {
  let fd: number;
  try {
    fd = openSync(path, openFlags);
  } catch (error) {
    return { ok: false, reason: 'io', error };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file', kind: kindOf(stat) };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    // The file can grow between fstat and read: read until end of file or limit + 1 bytes.
    const chunks: Buffer[] = [];
    let total = 0;
    let capacity = Math.min(stat.size, maxBytes) + 1;
    for (;;) {
      const chunk = Buffer.allocUnsafe(capacity);
      const read = readSync(fd, chunk, 0, capacity, null);
      if (read === 0) break;
      chunks.push(read === capacity ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { ok: false, reason: 'too-large', size: Math.max(stat.size, total) };
      capacity = Math.min(chunkBytes, maxBytes + 1 - total);
    }
    return { ok: true, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, reason: 'io', error };
  } finally {
    closeSync(fd);
  }
}

/** "a FIFO (named pipe)", "a character device", ... for messages. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}
