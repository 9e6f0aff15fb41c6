// Finds a diagnostic's finding again from its data (code, path, index), by running that one rule
// (or the schema) on the same version and settings. Validation sends no fixes or facts with its
// diagnostics; code actions, codeAction/resolve and hover ask for them here, for a few diagnostics.
import type { ScopeDocument } from './document';
import { formatPath } from './model';
import { rulesById } from './rules';
import { missingSectionsCode, missingSectionsLookup } from './missingSections';
import { validateDocumentSchema } from './schema';
import type { RuleSettings } from './settings';
import type { Finding, Fix } from './types';
import { isDiagnosticData } from './validate';

/**
 * The findings of one rule (or of the schema, for `schema/*` codes) on this document, computed once
 * per request: validation does not keep them.
 */
export class FindingLookup {
  private readonly byRule = new Map<string, readonly Finding[]>();

  constructor(
    private readonly doc: ScopeDocument,
    private readonly settings: RuleSettings,
  ) {}

  /** The finding of this code that a diagnostic's data names, if this version still has it at that path. */
  finding(code: unknown, data: unknown): Finding | undefined {
    if (typeof code !== 'string' || !isDiagnosticData(data)) return undefined;
    const finding = this.findingsOf(code)[data.index];
    return finding && finding.ruleId === code && formatPath(finding.path) === data.path ? finding : undefined;
  }

  fixes(code: unknown, data: unknown): readonly Fix[] {
    return this.finding(code, data)?.fixes ?? [];
  }

  private findingsOf(ruleId: string): readonly Finding[] {
    // A `yaml/warning` with data is a YAML pitfall the schema findings carry (see validateDocumentSchema).
    const key =
      rulesById.has(ruleId) || ruleId === missingSectionsCode
        ? ruleId
        : ruleId.startsWith('schema/') || ruleId === 'yaml/warning'
          ? 'schema'
          : undefined;
    if (key === undefined) return [];
    let found = this.byRule.get(key);
    if (!found) {
      found = this.compute(key);
      this.byRule.set(key, found);
    }
    return found;
  }

  private compute(key: string): readonly Finding[] {
    const { doc, settings } = this;
    if (doc.inputProblem || doc.valueError || doc.parseErrors.length > 0) return [];
    try {
      if (key === 'schema') return validateDocumentSchema(doc);
      if (key === missingSectionsCode) return missingSectionsLookup(doc);
      return rulesById.get(key)?.check(doc, settings) ?? [];
    } catch {
      // A rule that throws was reported when validating; it offers no fix.
      return [];
    }
  }
}
