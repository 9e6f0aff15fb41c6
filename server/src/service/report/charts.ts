// The report's two charts as SVG text: the timeline (milestones, deliverable due dates with their
// acceptance windows, the timeline's start and end) and the payment schedule (cumulative payments
// at their milestone dates against the total and the total with contingency). Scales, ticks and
// paths come from d3-scale, d3-time and d3-shape, which compute without a DOM, so the same strings
// serve the editor's panel and the standalone HTML export. Colours are CSS classes: the panel maps
// them to the VS Code theme, the export to its own light and dark palettes.
import { plural } from '../plural';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line, symbol, symbolDiamond } from 'd3-shape';
import { utcDay } from 'd3-time';
import { formatAmount } from '../model';
import type { ScopeFacts } from './fileReport';

const width = 760;
const labelWidth = 230;
const right = width - 24;
const rowHeight = 24;
const axisHeight = 30;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function short(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface Row {
  readonly label: string;
  readonly kind: 'milestone' | 'deliverable';
  readonly date?: string;
  readonly reviewEnd?: string;
  readonly overrun: boolean;
}

/** The dates a chart must show: every date in the facts, in order. */
function extent(dates: readonly (string | undefined)[]): [Date, Date] | undefined {
  const known = dates.filter((d): d is string => d !== undefined).sort();
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined) return undefined;
  // One day is no span: widen it so the scale has room.
  return first === last ? [utcDay.offset(day(first), -15), utcDay.offset(day(last), 15)] : [day(first), day(last)];
}

/** The timeline chart, or undefined when nothing in the file has a date. */
export function timelineSvg(facts: ScopeFacts, idPrefix = 'timeline'): string | undefined {
  const rows: Row[] = [
    ...facts.milestones.map((m): Row => ({
      label: `${m.id} ${m.name}`,
      kind: 'milestone',
      ...(m.date ? { date: m.date } : {}),
      overrun: false,
    })),
    ...facts.deliverables.map((d): Row => ({
      label: `${d.id} ${d.title}`,
      kind: 'deliverable',
      ...(d.due ? { date: d.due } : {}),
      ...(d.reviewEnd ? { reviewEnd: d.reviewEnd } : {}),
      overrun: facts.end !== undefined && (d.reviewEnd ?? d.due ?? '') > facts.end,
    })),
  ];
  const domain = extent([facts.start, facts.end, ...rows.flatMap((r) => [r.date, r.reviewEnd])]);
  if (!domain) return undefined;
  const x = scaleUtc().domain(domain).range([labelWidth, right]).nice();
  const top = 28;
  const height = top + rows.length * rowHeight + axisHeight;
  const axisY = top + rows.length * rowHeight + 4;
  const parts: string[] = [];
  const ticks = x.ticks(5);
  const format = x.tickFormat(5, '%b %Y');
  for (const t of ticks) {
    const tx = n(x(t));
    parts.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${top - 6}" y2="${axisY}"/>`);
    parts.push(`<text class="tick" x="${tx}" y="${axisY + 16}" text-anchor="middle">${escapeXml(format(t))}</text>`);
  }
  parts.push(`<line class="axis" x1="${labelWidth}" x2="${right}" y1="${axisY}" y2="${axisY}"/>`);
  const marker = (date: string | undefined, label: string, cls: string, anchor: 'start' | 'end'): void => {
    if (!date) return;
    const mx = n(x(day(date)));
    parts.push(`<line class="${cls}" x1="${mx}" x2="${mx}" y1="${top - 10}" y2="${axisY}"/>`);
    parts.push(`<text class="marker-label" x="${mx}" y="${top - 14}" text-anchor="${anchor}">${escapeXml(label)}</text>`);
  };
  // Start reads to the right of its line and End to the left, so neither leaves the chart (and a
  // timeline that ends before it starts still shows both).
  const swapped = facts.start !== undefined && facts.end !== undefined && facts.end < facts.start;
  marker(facts.start, `Start ${facts.start ?? ''}`, 'start-line', swapped ? 'end' : 'start');
  marker(facts.end, `End ${facts.end ?? ''}`, 'end-line', swapped ? 'start' : 'end');
  const diamond = symbol().type(symbolDiamond).size(90).digits(1)() ?? '';
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const undated = row.date === undefined ? ' (no date)' : '';
    parts.push(
      `<text class="row-label${row.overrun ? ' overrun' : ''}" x="${labelWidth - 8}" y="${n(y + 4)}" text-anchor="end"><title>${escapeXml(row.label)}${undated}</title>${escapeXml(short(row.label, 34))}${undated}</text>`,
    );
    if (row.date === undefined) return;
    const cx = x(day(row.date));
    if (row.kind === 'milestone') {
      parts.push(
        `<path class="milestone" transform="translate(${n(cx)},${n(y)})" d="${diamond}"><title>${escapeXml(`${row.label}: ${row.date}`)}</title></path>`,
      );
      return;
    }
    if (row.reviewEnd) {
      const x2 = x(day(row.reviewEnd));
      parts.push(
        `<rect class="window${row.overrun ? ' overrun' : ''}" x="${n(cx)}" y="${n(y - 6)}" width="${n(Math.max(2, x2 - cx))}" height="12" rx="3"><title>${escapeXml(`Acceptance window of ${row.label}: ${row.date} to ${row.reviewEnd}`)}</title></rect>`,
      );
    }
    parts.push(
      `<circle class="due${row.overrun ? ' overrun' : ''}" cx="${n(cx)}" cy="${n(y)}" r="5"><title>${escapeXml(`${row.label} due ${row.date}`)}</title></circle>`,
    );
  });
  const dated = rows.filter((r) => r.date !== undefined).length;
  const desc = `${plural(facts.milestones.length, 'milestone')} and ${plural(facts.deliverables.length, 'deliverable')}, ${dated} of them dated${facts.start ? `, from ${facts.start}` : ''}${facts.end ? ` to ${facts.end}` : ''}.`;
  return svg(idPrefix, 'Timeline: milestones, deliverables and acceptance windows', desc, height, parts);
}

/** The payment chart, or undefined when there are no payments or no total to draw them against. */
export function paymentsSvg(facts: ScopeFacts, idPrefix = 'payments'): string | undefined {
  const dated = facts.payments.filter(
    (p): p is typeof p & { date: string; amount: number } => p.date !== undefined && p.amount !== undefined,
  );
  if (dated.length === 0 || facts.total === undefined) return undefined;
  const total = facts.total;
  const withContingency = facts.contingencyPercent ? total * (1 + facts.contingencyPercent / 100) : undefined;
  const sorted = [...dated].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const points: [Date, number][] = [];
  let sum = 0;
  const first = facts.start && facts.start < (sorted[0]?.date ?? '') ? facts.start : undefined;
  if (first) points.push([day(first), 0]);
  for (const p of sorted) {
    sum += p.amount;
    points.push([day(p.date), sum]);
  }
  const lastDate = sorted[sorted.length - 1]?.date ?? '';
  const end = facts.end && facts.end > lastDate ? facts.end : undefined;
  if (end) points.push([day(end), sum]);
  const domain = extent([first, end, ...sorted.map((p) => p.date)]);
  if (!domain) return undefined;
  const left = 90;
  const top = 20;
  const plotHeight = 180;
  const x = scaleUtc()
    .domain(domain)
    .range([left, right - 150])
    .nice();
  const y = scaleLinear()
    .domain([0, Math.max(sum, withContingency ?? total, total)])
    .range([top + plotHeight, top])
    .nice();
  const parts: string[] = [];
  const yFormat = y.tickFormat(5, '~s');
  for (const t of y.ticks(5)) {
    const ty = n(y(t));
    parts.push(`<line class="grid" x1="${left}" x2="${right - 150}" y1="${ty}" y2="${ty}"/>`);
    parts.push(`<text class="tick" x="${left - 8}" y="${n(y(t) + 4)}" text-anchor="end">${escapeXml(yFormat(t))}</text>`);
  }
  const xFormat = x.tickFormat(5, '%b %Y');
  for (const t of x.ticks(5)) {
    parts.push(`<text class="tick" x="${n(x(t))}" y="${top + plotHeight + 18}" text-anchor="middle">${escapeXml(xFormat(t))}</text>`);
  }
  parts.push(`<line class="axis" x1="${left}" x2="${right - 150}" y1="${top + plotHeight}" y2="${top + plotHeight}"/>`);
  const currency = facts.currency ? ` ${facts.currency}` : '';
  const level = (value: number, cls: string, label: string): void => {
    const ly = n(y(value));
    parts.push(`<line class="${cls}" x1="${left}" x2="${right - 150}" y1="${ly}" y2="${ly}"/>`);
    parts.push(`<text class="level-label" x="${right - 144}" y="${n(y(value) + 4)}">${escapeXml(label)}</text>`);
  };
  level(total, 'total-line', `Total ${formatAmount(total)}${currency}`);
  if (withContingency !== undefined)
    level(
      withContingency,
      'contingency-line',
      `+${formatAmount(facts.contingencyPercent ?? 0)}%: ${formatAmount(Math.round(withContingency))}`,
    );
  const path = line<[Date, number]>()
    .digits(1)
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .curve(curveStepAfter)(points);
  if (path) parts.push(`<path class="cumulative" d="${path}"/>`);
  let running = 0;
  for (const p of sorted) {
    running += p.amount;
    parts.push(
      `<circle class="payment" cx="${n(x(day(p.date)))}" cy="${n(y(running))}" r="4"><title>${escapeXml(`${p.milestone} ${p.date}: ${formatAmount(p.amount)}${currency}, ${formatAmount(running)}${currency} paid so far`)}</title></circle>`,
    );
  }
  const undated = facts.payments.length - dated.length;
  const desc = `${dated.length === 1 ? '1 payment adds' : `${dated.length} payments add`} up to ${formatAmount(sum)}${currency} against a total of ${formatAmount(total)}${currency}${withContingency !== undefined ? ` (${formatAmount(Math.round(withContingency))} with contingency)` : ''}.${undated > 0 ? ` ${undated === 1 ? '1 payment has' : `${undated} payments have`} no milestone date or amount and ${undated === 1 ? 'is' : 'are'} not drawn.` : ''}`;
  return svg(idPrefix, 'Payment schedule: cumulative payments against the total', desc, top + plotHeight + 30, parts);
}

function svg(id: string, title: string, desc: string, height: number, parts: readonly string[]): string {
  return [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
