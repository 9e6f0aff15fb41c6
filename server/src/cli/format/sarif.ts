// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, with rule
// metadata (title, explanation, help link, default level) and locations relative to %SRCROOT%.
import { pathToFileURL } from 'node:url';
import type { FormatContext } from './index';
import { customRuleInfo } from '../../service/customRules';
import { customRuleBasis, ruleBasis } from '../../service/ruleBasis';
import { rules } from '../../service/rules';
import type { Rule, Severity } from '../../service/types';
import { docsUrl } from '../../service/validate';
import type { FileResult, LintMessage } from '../lint';
import { titleOf } from '../lint';
import { displayPath, unreadableCode, unreadableMessage } from './summary';

const levelOf: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub ranks security alerts by this score (critical >= 9, high >= 7, medium >= 4, low). */
const securitySeverityOf: Record<Severity, string> = { error: '7.5', warning: '5.0', info: '2.0', hint: '1.0' };
const informationUri = 'https://github.com/scope-yaml/scope-yaml';
const srcRoot = '%SRCROOT%';

interface ReportingDescriptor {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription?: { readonly text: string; readonly markdown: string };
  readonly help?: { readonly text: string; readonly markdown: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' };
  readonly properties: Record<string, unknown>;
}

export function formatSarif(results: readonly FileResult[], context: FormatContext): string {
  const descriptors: ReportingDescriptor[] = rules.map(ruleDescriptor);
  const indexOf = new Map(descriptors.map((d, i) => [d.id, i]));
  const checked = results.filter((r) => r.readError === undefined);
  const unreadable = results.filter((r): r is FileResult & { readError: string } => r.readError !== undefined);
  const sarifResults = checked.flatMap((result) =>
    result.messages.map((m) => {
      let ruleIndex = indexOf.get(m.ruleId);
      if (ruleIndex === undefined) {
        ruleIndex = descriptors.push(customDescriptor(m) ?? engineDescriptor(m)) - 1;
        indexOf.set(m.ruleId, ruleIndex);
      }
      return {
        ruleId: m.ruleId,
        ruleIndex,
        level: levelOf[m.severity],
        message: { text: m.message },
        locations: [location(result.filePath, m, context.cwd)],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'scope-lint',
            fullName: 'Scope YAML risk linter',
            version: context.version,
            semanticVersion: context.version,
            informationUri,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [srcRoot]: { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
        // A path that could not be read is a failed part of the run, not a clean file.
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((r) => ({
              level: 'error',
              descriptor: { id: unreadableCode },
              message: { text: `${displayPath(r.filePath, context.cwd)}: ${unreadableMessage(r.readError)}` },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.filePath, context.cwd) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: Rule): ReportingDescriptor {
  const plain = rule.explanation.replace(/\*\*|`/g, '');
  const basis = ruleBasis(rule);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: firstSentence(plain), markdown: firstSentence(rule.explanation) },
    help: {
      text: `${plain}\n\n${basis}\n\nMore: ${docsUrl(rule.id)}`,
      markdown: `${rule.explanation}\n\n${basis}\n\n[Rule documentation](${docsUrl(rule.id)})`,
    },
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { level: levelOf[rule.severity] },
    properties: {
      tags: ['scope-yaml', rule.category],
      ...(rule.category === 'security' ? { 'security-severity': securitySeverityOf[rule.severity] } : {}),
    },
  };
}

/** A custom rule of `.scope-lint.yaml`: its message is its description; it has no page. */
function customDescriptor(m: LintMessage): ReportingDescriptor | undefined {
  const info = customRuleInfo(m.ruleId);
  if (!info) return undefined;
  const basis = customRuleBasis(info);
  return {
    id: m.ruleId,
    name: pascalCase(m.ruleId),
    shortDescription: { text: info.title },
    fullDescription: { text: info.explanation.replace(/`/g, ''), markdown: info.explanation },
    help: { text: `${info.explanation.replace(/`/g, '')}\n\n${basis}`, markdown: `${info.explanation}\n\n${basis}` },
    defaultConfiguration: { level: levelOf[m.severity] },
    properties: {
      tags: ['scope-yaml', 'custom-rule', info.area],
      ...(info.area === 'security' ? { 'security-severity': securitySeverityOf[m.severity] } : {}),
    },
  };
}

/** Schema, YAML and suppression findings are not catalogue rules but still need a descriptor. */
function engineDescriptor(m: LintMessage): ReportingDescriptor {
  return {
    id: m.ruleId,
    name: pascalCase(m.ruleId),
    shortDescription: { text: titleOf(m.ruleId) },
    helpUri: docsUrl(m.ruleId),
    defaultConfiguration: { level: levelOf[m.severity] },
    properties: { tags: ['scope-yaml', m.ruleId.split('/')[0] ?? 'engine'] },
  };
}

function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(filePath, cwd);
  return shown === filePath ? { uri: pathToFileURL(filePath).href } : { uri: encodeURI(shown), uriBaseId: srcRoot };
}

function location(filePath: string, m: LintMessage, cwd: string): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(filePath, cwd),
      region: {
        startLine: m.line,
        startColumn: m.column,
        endLine: m.endLine,
        endColumn: Math.max(m.endColumn, m.line === m.endLine ? m.column : 1),
      },
    },
    ...(m.path ? { logicalLocations: [{ fullyQualifiedName: m.path, kind: 'member' }] } : {}),
  };
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}
