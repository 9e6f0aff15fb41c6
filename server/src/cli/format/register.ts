// `--format markdown`, `--format csv` and `--format html`: the risk register for a committee, from
// the same renderer as the editor's "Scope: Export Risk Register" (service/report/register.ts), so
// both write the same bytes for the same file and settings. One file is named by its file name (as
// the editor names it); several files by their path, one section each.
import { basename } from 'node:path';
import { serverVersion } from '../../../../shared/protocol';
import { unreadableReport } from '../../service/report/fileReport';
import { renderRegister, type RegisterFile, type RegisterFormat } from '../../service/report/register';
import type { FileResult } from '../lint';
import type { FormatContext } from './index';
import { displayPath, unreadableCode, unreadableMessage } from './summary';

export function registerFiles(results: readonly FileResult[], cwd: string): RegisterFile[] {
  return results.map((r) => ({
    name: results.length === 1 ? basename(r.filePath) : displayPath(r.filePath, cwd),
    report:
      r.readError !== undefined || r.report === undefined
        ? unreadableReport(`it could not be read: ${r.readError ?? 'no result'}`, {
            ruleId: unreadableCode,
            severity: 'error',
            message: unreadableMessage(r.readError ?? 'no result'),
            line: 1,
            column: 1,
            path: '',
          })
        : r.report,
  }));
}

export function formatRegister(format: RegisterFormat): (results: readonly FileResult[], context: FormatContext) => string {
  // The package version as the editor's server states it (not the bin's build-time define), so the
  // two exports match byte for byte in development builds too.
  return (results, context) => renderRegister(format, registerFiles(results, context.cwd), { version: serverVersion });
}
