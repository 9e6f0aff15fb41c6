// The risk register and report, rendered from FileReports: Markdown (with a Mermaid Gantt block),
// CSV and a standalone HTML page (inline SVG charts, no script), plus the HTML body the editor's
// panel shows. Pure and deterministic (no clock, no locale beyond en-US number formatting), so
// `scope-lint --format markdown|csv|html` and "Scope: Export Risk Register" write the same bytes
// for the same file and settings: both call these functions with the same FileReport.
import { formatAmount } from '../model';
import type { Severity } from '../types';
import { docsUrl } from '../validate';
import { paymentsSvg, timelineSvg, escapeXml } from './charts';
import type { AcceptedRisk, FileReport, ReportFinding, ScopeFacts } from './fileReport';
import { scoreOfReport } from './fileReport';
import { areaOf, areas, areaTitles, plural, type Area, type Counts, type Score } from './score';
import { reportCss, standaloneCss } from '../../../../shared/reportStyles';
import { mitigationOf, plainText, titleOf, whyItMatters } from './wording';
import { customRuleInfo } from '../customRules';
import { rulesById } from '../rules';

export interface RegisterFile {
  /** How the file is named in the register: its file name, or its path when several files are in one register. */
  readonly name: string;
  readonly report: FileReport;
}

export interface RegisterContext {
  /** The scope-lint / extension version that checked the files. */
  readonly version: string;
}

export const registerFormats = ['markdown', 'csv', 'html'] as const;
export type RegisterFormat = (typeof registerFormats)[number];

/** The file extension each register format is written with. */
export const registerExtensions: Readonly<Record<RegisterFormat, string>> = { markdown: 'md', csv: 'csv', html: 'html' };

export const scoreDocsUrl = 'https://github.com/scope-yaml/scope-yaml/blob/main/docs/score.md';

/** Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unprintable = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file's text is shown, never obeyed: an ESC sequence or a CR in a vendor name is written as
 * `\x1B` (or `\u202E`), so it cannot repaint a terminal, reorder a line or hide a row.
 */
export function printable(text: string): string {
  return text.replace(unprintable, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).toUpperCase()}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

export function renderRegister(format: RegisterFormat, files: readonly RegisterFile[], context: RegisterContext): string {
  switch (format) {
    case 'markdown':
      return registerMarkdown(files, context);
    case 'csv':
      return registerCsv(files, context);
    case 'html':
      return registerHtml(files, context);
  }
}

// ---- rows ----------------------------------------------------------------------------------

const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface RegisterRow {
  /** R1, R2, ... in register order: open risks worst first, then accepted ones. */
  readonly id: string;
  readonly finding: ReportFinding;
  readonly area: Area;
  readonly accepted?: string;
  /** For an accepted risk: who approved it and until when, as the waiver says. */
  readonly waiver?: Pick<AcceptedRisk, 'approvedBy' | 'until'>;
}

/**
 * The register's rows: open findings (hints left out: they are tidying notes, not risks) by
 * severity, area and line, then the accepted risks in the same order.
 */
export function rowsOf(report: FileReport): RegisterRow[] {
  const order = (a: ReportFinding, b: ReportFinding): number =>
    severityRank[a.severity] - severityRank[b.severity] ||
    areas.indexOf(areaOf(a.ruleId)) - areas.indexOf(areaOf(b.ruleId)) ||
    a.line - b.line ||
    a.column - b.column;
  const open = report.findings.filter((f) => f.severity !== 'hint').sort(order);
  const accepted = [...report.accepted].sort(order);
  return [
    ...open.map((finding) => ({ finding, area: areaOf(finding.ruleId) })),
    ...accepted.map((finding) => ({
      finding,
      area: areaOf(finding.ruleId),
      accepted: finding.reason,
      waiver: {
        ...(finding.approvedBy !== undefined ? { approvedBy: finding.approvedBy } : {}),
        ...(finding.until !== undefined ? { until: finding.until } : {}),
      },
    })),
  ].map((row, i) => ({ id: `R${i + 1}`, ...row }));
}

/** The risks a committee reads first: up to five open errors, else warnings. */
export function topRows(rows: readonly RegisterRow[]): RegisterRow[] {
  const open = rows.filter((r) => r.accepted === undefined && (r.finding.severity === 'error' || r.finding.severity === 'warning'));
  return open.slice(0, 5);
}

// ---- header facts ----------------------------------------------------------------------------

const pricingLabels: Readonly<Record<string, string>> = {
  fixed_price: 'fixed price',
  time_and_materials: 'time and materials',
  capped_time_and_materials: 'capped time and materials',
};

export function priceText(facts: ScopeFacts): string {
  const currency = facts.currency ? ` ${facts.currency}` : '';
  let text =
    facts.total !== undefined
      ? `${formatAmount(facts.total)}${currency}`
      : facts.totalText !== undefined
        ? `${facts.totalText} (not a number, so the payments cannot be checked against it)`
        : 'not stated';
  if (facts.pricingModel) text += `, ${pricingLabels[facts.pricingModel] ?? facts.pricingModel}`;
  if (facts.contingencyPercent !== undefined && facts.contingencyPercent > 0) {
    const reserve =
      facts.total !== undefined ? ` (${formatAmount(Math.round((facts.total * facts.contingencyPercent) / 100))}${currency})` : '';
    text += `; contingency ${formatAmount(facts.contingencyPercent)}%${reserve}`;
  } else if (facts.total !== undefined) text += '; no contingency';
  return text;
}

export function datesText(facts: ScopeFacts): string {
  if (facts.start && facts.end) return `${facts.start} to ${facts.end}`;
  if (facts.start) return `from ${facts.start} (no end date)`;
  if (facts.end) return `until ${facts.end} (no start date)`;
  return 'not stated';
}

export function countsText(counts: Counts): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.join(', ') || 'no open findings';
}

export function scoreText(score: Score): string {
  if (score.risk === undefined) return 'not scored: the file could not be checked';
  return `${score.risk}/100 (${countsText(score.counts)}; ${score.accepted} accepted)`;
}

function titleOfFile(file: RegisterFile): string {
  return file.report.facts.project ?? file.name;
}

// ---- Markdown ------------------------------------------------------------------------------

/** Table-cell safe: one line, pipes escaped. */
function cell(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
    .replace(/\|/g, '\\|');
}

function statusText(row: RegisterRow): string {
  if (row.accepted === undefined) return 'Open';
  const waiver = waiverText(row);
  return `Accepted: ${row.accepted}${waiver ? ` (${waiver})` : ''}`;
}

/** "approved by Jane Doe, until 2027-03-31"; a waiver without them says so, so nobody reads it as approved. */
export function waiverText(row: RegisterRow): string {
  if (row.accepted === undefined) return '';
  const approver = row.waiver?.approvedBy !== undefined ? `approved by ${row.waiver.approvedBy}` : 'no approver named';
  const until = row.waiver?.until !== undefined ? `until ${row.waiver.until}` : 'no expiry';
  return `${approver}, ${until}`;
}

function riskCell(row: RegisterRow): string {
  return `**${cell(titleOf(row.finding.ruleId))}**: ${cell(row.finding.message)}`;
}

export function registerMarkdown(files: readonly RegisterFile[], context: RegisterContext): string {
  return printable(files.map((file) => fileMarkdown(file, context)).join('\n---\n\n'));
}

function fileMarkdown(file: RegisterFile, context: RegisterContext): string {
  const { report } = file;
  const { facts } = report;
  const score = scoreOfReport(report);
  const rows = rowsOf(report);
  const out: string[] = [];
  out.push(`# Risk register: ${cell(titleOfFile(file))}`, '');
  out.push(`Scope file \`${cell(file.name)}\`, checked by scope-lint ${context.version}. The Owner column is for you to fill in.`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Project | ${cell(facts.project ?? 'not stated')} |`);
  out.push(`| Vendor | ${cell(facts.vendor ?? 'not stated')} |`);
  out.push(`| Total | ${cell(priceText(facts))} |`);
  out.push(`| Dates | ${cell(datesText(facts))} |`);
  out.push(`| Verdict | **${cell(score.verdict.text)}** |`);
  out.push(`| Risk score | ${cell(scoreText(score))} |`, '');
  out.push(
    `The risk score runs from 0 (no open risk found) to 100: each open error takes away a quarter of the confidence that is left, each warning 8%, each info note 2%. Accepted risks are listed but not scored ([how the score is computed](${scoreDocsUrl})).`,
    '',
  );

  out.push('## Risk by area', '');
  out.push('| Area | Risk | Errors | Warnings | Info | Accepted |', '|---|--:|--:|--:|--:|--:|');
  for (const a of score.areas) {
    const risk = score.risk === undefined ? 'not scored' : `${a.risk}/100`;
    out.push(`| ${a.title} | ${risk} | ${a.counts.error} | ${a.counts.warning} | ${a.counts.info} | ${a.accepted} |`);
  }
  out.push('');

  const top = topRows(rows);
  out.push('## Top risks', '');
  if (top.length === 0) out.push(report.notChecked ? 'None listed: the file could not be checked.' : 'No open errors or warnings.', '');
  else {
    out.push('| # | Risk | Area | Mitigation | Owner | Status |', '|---|---|---|---|---|---|');
    for (const row of top)
      out.push(
        `| ${row.id} | ${riskCell(row)} | ${areaTitles[row.area]} | ${cell(mitigationOf(row.finding.ruleId))} |  | ${cell(statusText(row))} |`,
      );
    out.push('');
  }

  for (const area of areas) {
    const inArea = rows.filter((r) => r.area === area);
    const areaScore = score.areas.find((a) => a.area === area);
    out.push(`## ${areaTitles[area]}`, '');
    if (report.notChecked !== undefined && area !== 'structure') {
      out.push('Not checked: the file could not be read as a scope.', '');
      continue;
    }
    if (inArea.length === 0) {
      out.push(`No open risks: ${passedText(report, area)}.`, '');
      continue;
    }
    if (areaScore) out.push(`Risk ${areaScore.risk}/100: ${countsText(areaScore.counts)}; ${areaScore.accepted} accepted.`, '');
    out.push('| # | Severity | Risk | Why it matters | Mitigation | Owner | Status | Line |', '|---|---|---|---|---|---|---|--:|');
    for (const row of inArea)
      out.push(
        `| ${row.id} | ${row.finding.severity} | ${riskCell(row)} (\`${row.finding.ruleId}\`) | ${cell(whyItMatters(row.finding.ruleId))} | ${cell(mitigationOf(row.finding.ruleId))} |  | ${cell(statusText(row))} | ${row.finding.line} |`,
      );
    out.push('');
  }

  out.push('## Timeline', '');
  const gantt = mermaidGantt(facts);
  if (gantt) out.push('```mermaid', gantt, '```', '');
  else out.push('No milestone or deliverable has a date, so there is no timeline to draw.', '');

  out.push('## What was checked', '');
  if (report.notChecked !== undefined) out.push(`Nothing beyond the file itself: it could not be checked (${report.notChecked}).`, '');
  else {
    out.push('| Area | Check | Result |', '|---|---|---|');
    for (const check of checksOf(report)) out.push(`| ${areaTitles[check.area]} | ${cell(check.title)} | ${check.result} |`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

interface Check {
  readonly area: Area;
  readonly title: string;
  readonly result: string;
}

/** Every check that ran, with its result: "Passed", "2 open", "1 accepted". */
export function checksOf(report: FileReport): Check[] {
  // A check whose findings scope-lint-suppressions.json holds back did not pass: it says so.
  const describe = (open: number, accepted: number, inBulk: number): string => {
    const parts = [
      open > 0 ? `${open} open` : '',
      accepted > 0 ? `${accepted} accepted` : '',
      inBulk > 0 ? `${inBulk} in the bulk suppressions file` : '',
    ].filter(Boolean);
    return parts.join(', ') || 'Passed';
  };
  const inBulk = Object.entries(report.suppressedInBulk ?? {});
  const isFormat = (id: string): boolean => !rulesById.has(id) && !customRuleInfo(id);
  const format = report.findings.filter((f) => isFormat(f.ruleId) && f.severity !== 'hint').length;
  const formatInBulk = inBulk.filter(([id]) => isFormat(id)).reduce((n, [, count]) => n + count, 0);
  const checks: Check[] = [
    { area: 'structure', title: 'Well-formed YAML that matches the scope schema', result: describe(format, 0, formatInBulk) },
  ];
  for (const id of report.rulesRun) {
    const rule = rulesById.get(id) ?? customCheck(id);
    if (!rule) continue;
    const open = report.findings.filter((f) => f.ruleId === id && f.severity !== 'hint').length;
    const accepted = report.accepted.filter((f) => f.ruleId === id).length;
    checks.push({
      area: rule.category,
      title: `${rule.title} (\`${id}\`)`,
      result: describe(open, accepted, report.suppressedInBulk?.[id] ?? 0),
    });
  }
  return checks.sort((a, b) => areas.indexOf(a.area) - areas.indexOf(b.area));
}

/** A custom rule (`custom_rules` in `.scope-lint.yaml`) as a check of the register. */
function customCheck(id: string): { category: Area; title: string } | undefined {
  const info = customRuleInfo(id);
  return info ? { category: info.area, title: info.title } : undefined;
}

function passedText(report: FileReport, area: Area): string {
  const passed = checksOf(report).filter((c) => c.area === area && c.result === 'Passed').length;
  return `${plural(passed, 'check')} passed`;
}

/** A Mermaid task name: no characters that end a task (`:`, `#`, `;`) or break the line. */
function ganttName(text: string): string {
  return text
    .replace(/[:#;\n\r]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
}

export function mermaidGantt(facts: ScopeFacts): string | undefined {
  const milestones = facts.milestones.filter((m) => m.date);
  const deliverables = facts.deliverables.filter((d) => d.due);
  if (milestones.length === 0 && deliverables.length === 0 && !facts.start) return undefined;
  const lines = ['gantt', `    title ${ganttName(facts.project ?? 'Timeline')}`, '    dateFormat YYYY-MM-DD', '    axisFormat %Y-%m-%d'];
  if (facts.start || facts.end) {
    lines.push('    section Timeline');
    if (facts.start) lines.push(`    Start :milestone, start, ${facts.start}, 0d`);
    if (facts.end) lines.push(`    End :milestone, end, ${facts.end}, 0d`);
  }
  if (milestones.length > 0) {
    lines.push('    section Milestones');
    milestones.forEach((m, i) => lines.push(`    ${ganttName(`${m.id} ${m.name}`)} :milestone, m${i + 1}, ${m.date}, 0d`));
  }
  if (deliverables.length > 0) {
    lines.push('    section Deliverables (due, then acceptance review)');
    deliverables.forEach((d, i) => {
      const late = facts.end !== undefined && (d.reviewEnd ?? d.due ?? '') > facts.end ? 'crit, ' : '';
      // A review window of 0 days still needs a bar one day long.
      const until = d.reviewEnd && d.reviewEnd > (d.due ?? '') ? d.reviewEnd : '1d';
      lines.push(`    ${ganttName(`${d.id} ${d.title}`)} :${late}d${i + 1}, ${d.due}, ${until}`);
    });
  }
  return lines.join('\n');
}

// ---- CSV -----------------------------------------------------------------------------------

const csvColumns = [
  'File',
  'Project',
  'Vendor',
  'Verdict',
  'Risk score',
  '#',
  'Area',
  'Severity',
  'Risk',
  'Finding',
  'Why it matters',
  'Mitigation',
  'Owner',
  'Status',
  'Line',
  'Rule',
  'Approved by',
  'Accepted until',
];

/**
 * RFC 4180 (CRLF, quoted when needed). A cell that a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`, tab, CR at its start) gets a leading apostrophe: the file's text is data, not commands.
 */
export function csvCell(value: string): string {
  const text = printable(value);
  const safe = /^[=+\-@\t]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function registerCsv(files: readonly RegisterFile[], _context: RegisterContext): string {
  const lines = [csvColumns.map(csvCell).join(',')];
  for (const file of files) {
    const { report } = file;
    const score = scoreOfReport(report);
    const head = [
      file.name,
      report.facts.project ?? '',
      report.facts.vendor ?? '',
      score.verdict.text,
      score.risk === undefined ? '' : String(score.risk),
    ];
    const add = (cells: readonly string[]): void => {
      lines.push([...head, ...cells].map((c) => csvCell(c)).join(','));
    };
    for (const row of rowsOf(report))
      add([
        row.id,
        areaTitles[row.area],
        row.finding.severity,
        plainText(titleOf(row.finding.ruleId)),
        plainText(row.finding.message),
        plainText(whyItMatters(row.finding.ruleId)),
        plainText(mitigationOf(row.finding.ruleId)),
        '',
        statusText(row),
        String(row.finding.line),
        row.finding.ruleId,
        row.waiver?.approvedBy ?? '',
        row.waiver?.until ?? '',
      ]);
    if (report.notChecked !== undefined)
      add(['', areaTitles.structure, '', 'File not checked', report.notChecked, '', '', '', 'Not checked', '', '', '', '']);
    else
      for (const check of checksOf(report).filter((c) => c.result === 'Passed'))
        add(['', areaTitles[check.area], '', plainText(check.title), '', '', '', '', 'Passed', '', '', '', '']);
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---- HTML ----------------------------------------------------------------------------------

const h = escapeXml;

/** Inline Markdown (code, emphasis) as HTML; everything else escaped. */
export function inlineHtml(markdown: string): string {
  return h(markdown)
    .replace(/`([^`]*)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?=[^\w*]|$)/g, '$1<em>$2</em>');
}

export interface BodyOptions {
  /** `panel`: lines are links the panel's script reveals in the editor; `standalone`: plain text. */
  readonly mode: 'panel' | 'standalone';
  /** Makes ids unique when several files share a page. */
  readonly idPrefix?: string;
}

function where(file: RegisterFile, finding: ReportFinding, options: BodyOptions): string {
  const label = `line ${finding.line}`;
  if (options.mode === 'panel')
    return `<a class="where" href="#" data-line="${finding.line}" data-column="${finding.column}" data-key="${h(`${finding.ruleId}:${finding.line}:${finding.column}`)}" title="Go to ${h(file.name)}:${finding.line}">${label}</a>`;
  return `<span class="where">${h(file.name)}:${finding.line}</span>`;
}

function severityBadge(severity: Severity): string {
  return `<span class="badge sev-${severity}">${severity}</span>`;
}

/** The report of one file as an HTML fragment (header, area cards, charts, findings by area, accepted risks, checks). */
export function reportBody(file: RegisterFile, context: RegisterContext, options: BodyOptions): string {
  return printable(reportBodyText(file, context, options));
}

function reportBodyText(file: RegisterFile, context: RegisterContext, options: BodyOptions): string {
  const { report } = file;
  const { facts } = report;
  const score = scoreOfReport(report);
  const rows = rowsOf(report);
  const prefix = options.idPrefix ?? 'f';
  const out: string[] = [];
  out.push(`<header class="report-header">`);
  out.push(`<h1>${h(titleOfFile(file))}</h1>`);
  out.push(`<p class="verdict verdict-${score.verdict.level}" role="status">${h(score.verdict.text)}</p>`);
  out.push('<dl class="facts">');
  out.push(`<div><dt>Vendor</dt><dd>${h(facts.vendor ?? 'not stated')}</dd></div>`);
  out.push(`<div><dt>Total</dt><dd>${h(priceText(facts))}</dd></div>`);
  out.push(`<div><dt>Dates</dt><dd>${h(datesText(facts))}</dd></div>`);
  out.push(
    `<div><dt>Risk score</dt><dd><span class="score">${score.risk === undefined ? 'not scored' : `${score.risk}/100`}</span> ${h(score.risk === undefined ? '' : `${countsText(score.counts)}; ${score.accepted} accepted`)}</dd></div>`,
  );
  out.push(`<div><dt>Scope file</dt><dd><code>${h(file.name)}</code>, checked by scope-lint ${h(context.version)}</dd></div>`);
  out.push('</dl>');
  out.push(
    `<p class="note">0 means no open risk was found, 100 the most: each open error takes away a quarter of the confidence that is left, each warning 8%, each info note 2%. Accepted risks are listed, not scored.</p>`,
  );
  out.push('</header>');

  out.push(`<section class="cards" aria-label="Risk by area">`);
  for (const a of score.areas) {
    const level = a.counts.error > 0 ? 'blocked' : a.counts.warning > 0 ? 'review' : 'ready';
    out.push(`<a class="card card-${level}" href="#${prefix}-area-${a.area}">`);
    out.push(`<span class="card-title">${h(a.title)}</span>`);
    if (score.risk === undefined) out.push('<span class="card-risk">not scored</span>');
    else
      out.push(
        `<span class="card-risk">${a.risk}<small>/100</small></span><meter min="0" max="100" low="20" high="60" optimum="0" value="${a.risk}" aria-label="${h(a.title)} risk ${a.risk} of 100"></meter>`,
      );
    out.push(`<span class="card-counts">${h(countsText(a.counts))}${a.accepted ? `; ${a.accepted} accepted` : ''}</span>`);
    out.push('</a>');
  }
  out.push('</section>');

  const timeline = timelineSvg(facts, `${prefix}-timeline`);
  const payments = paymentsSvg(facts, `${prefix}-payments`);
  out.push('<section class="charts">');
  out.push(
    '<figure><figcaption>Timeline: milestones ◆, deliverables due ● with their acceptance review window, start and end</figcaption>',
  );
  out.push(timeline ?? '<p class="empty">No milestone or deliverable has a date, so there is no timeline to draw.</p>');
  out.push('</figure>');
  out.push(
    '<figure><figcaption>Payment schedule: cumulative payments at their milestone dates, against the total and the total with contingency</figcaption>',
  );
  out.push(
    payments ??
      '<p class="empty">No payment has both an amount and a dated milestone, or the total is not a number, so there is no payment schedule to draw.</p>',
  );
  out.push('</figure>');
  out.push('</section>');

  const top = topRows(rows);
  if (top.length > 0) {
    out.push('<section class="top"><h2>Top risks</h2><ol>');
    for (const row of top)
      out.push(
        `<li>${severityBadge(row.finding.severity)} <strong>${h(titleOf(row.finding.ruleId))}</strong> <span class="area-name">(${h(areaTitles[row.area])})</span>: ${inlineHtml(row.finding.message)} ${where(file, row.finding, options)}</li>`,
      );
    out.push('</ol></section>');
  }

  for (const area of areas) {
    const inArea = rows.filter((r) => r.area === area && r.accepted === undefined);
    out.push(`<section class="area" id="${prefix}-area-${area}"><h2>${h(areaTitles[area])}</h2>`);
    if (report.notChecked !== undefined && area !== 'structure')
      out.push('<p class="empty">Not checked: the file could not be read as a scope.</p>');
    else if (inArea.length === 0) out.push(`<p class="empty">No open risks: ${h(passedText(report, area))}.</p>`);
    else {
      out.push('<ul class="findings">');
      for (const row of inArea) {
        out.push(`<li class="finding">`);
        out.push(
          `<p class="finding-head">${severityBadge(row.finding.severity)} <strong>${h(titleOf(row.finding.ruleId))}</strong> ${where(file, row.finding, options)}</p>`,
        );
        out.push(`<p class="message">${inlineHtml(row.finding.message)}</p>`);
        out.push(`<p class="why"><span class="label">Why it matters:</span> ${inlineHtml(whyItMatters(row.finding.ruleId))}</p>`);
        const mitigation = mitigationOf(row.finding.ruleId);
        if (mitigation) out.push(`<p class="mitigation"><span class="label">Mitigation:</span> ${inlineHtml(mitigation)}</p>`);
        out.push(`<p class="rule"><a href="${h(docsUrl(row.finding.ruleId))}">${h(row.finding.ruleId)}</a></p>`);
        out.push('</li>');
      }
      out.push('</ul>');
    }
    out.push('</section>');
  }

  const accepted = rows.filter((r) => r.accepted !== undefined);
  out.push('<section class="accepted"><h2>Accepted risks</h2>');
  if (accepted.length === 0) out.push('<p class="empty">None: no risk is accepted with a suppression comment in this file.</p>');
  else {
    out.push('<ul class="findings">');
    for (const row of accepted)
      out.push(
        `<li class="finding">${severityBadge(row.finding.severity)} <strong>${h(titleOf(row.finding.ruleId))}</strong> <span class="area-name">(${h(areaTitles[row.area])})</span> ${where(file, row.finding, options)}<p class="reason"><span class="label">Accepted because:</span> ${h(row.accepted ?? '')}</p><p class="waiver"><span class="label">Waiver:</span> ${h(waiverText(row))}</p><p class="message">${inlineHtml(row.finding.message)}</p></li>`,
      );
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section class="checked"><h2>What was checked</h2>');
  if (report.notChecked !== undefined)
    out.push(`<p class="empty">Nothing beyond the file itself: it could not be checked (${h(report.notChecked)}).</p>`);
  else {
    out.push('<table><thead><tr><th scope="col">Area</th><th scope="col">Check</th><th scope="col">Result</th></tr></thead><tbody>');
    for (const check of checksOf(report))
      out.push(
        `<tr><td>${h(areaTitles[check.area])}</td><td>${inlineHtml(check.title)}</td><td class="${check.result === 'Passed' ? 'passed' : 'failed'}">${h(check.result)}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

/** A standalone page: inline styles and SVG, no script, and a CSP that lets it load nothing. */
export function registerHtml(files: readonly RegisterFile[], context: RegisterContext): string {
  const title = files.length === 1 && files[0] ? `Risk register: ${titleOfFile(files[0])}` : `Risk register: ${files.length} scope files`;
  const bodies = files.map(
    (file, i) => `<article class="report">\n${reportBody(file, context, { mode: 'standalone', idPrefix: `f${i + 1}` })}\n</article>`,
  );
  const page = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>\n${standaloneCss}\n${reportCss}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    bodies.join('\n<hr>\n'),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return printable(page);
}
