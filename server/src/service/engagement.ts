// What kind of engagement a scope is, so that rules can be proportionate to it: a three-week job
// for a few thousand needs no steering, written reports or exit plan; a run service has no single
// due date for running the service; staff augmentation is directed by the client day to day.
// `project.engagement` says it; when it does not (or names no kind), the document itself does:
// its size (total, duration, deliverables) and its wording. A reading taken from the document is
// never silent: the rules that relax because of it still say so, as a hint.
import { arrayAt, canonicalEnum, currencySuffix, dateAt, daysBetween, formatAmount, isAbsent, isRecord, numberAt, valueAt } from './model';
import { alternation, cardinalWords } from './numberWords';
import type { Thresholds } from './settings';

export const engagementKinds = ['small_job', 'project', 'programme', 'managed_service', 'staff_augmentation'] as const;
export type EngagementKind = (typeof engagementKinds)[number];

/** How a message names each kind. */
export const engagementLabels: Readonly<Record<EngagementKind, string>> = {
  small_job: 'a small job',
  project: 'a project',
  programme: 'a programme',
  managed_service: 'a managed service',
  staff_augmentation: 'staff augmentation',
};

export interface Size {
  readonly total?: number;
  readonly days?: number;
  readonly deliverables: number;
}

export interface EngagementReading {
  readonly kind: EngagementKind;
  /** `stated` in `project.engagement` (a case slip included); `inferred` from the document. */
  readonly source: 'stated' | 'inferred';
  /** True when the size rules apply to a small job (stated and believed, or inferred from the size). */
  readonly small: boolean;
  /** Markdown clause: what the reading rests on ("6,400 GBP over 5 weeks with 1 deliverable"). */
  readonly because: string;
  /** The size as a clause, for messages ("6,400 GBP over 5 weeks with 1 deliverable"). */
  readonly size: string;
  /** A stated `small_job` the size contradicts: why it is not applied (the rules check in full). */
  readonly overruled?: string;
}

/** The size of the engagement as written; an amount that is not a number is unknown (never small). */
export function sizeOf(root: unknown): Size {
  const start = dateAt(root, ['timeline', 'start']);
  const end = dateAt(root, ['timeline', 'end']);
  const total = numberAt(root, ['budget', 'total']);
  const days = start && end ? daysBetween(start, end) : undefined;
  const deliverables = arrayAt(root, ['deliverables']).filter((d) => !isAbsent(d)).length;
  return { ...(total !== undefined ? { total } : {}), ...(days !== undefined && days >= 0 ? { days } : {}), deliverables };
}

/** "6,400 GBP over 5 weeks with 1 deliverable": the facts a size reading rests on. */
export function describeSize(root: unknown, size: Size): string {
  const parts: string[] = [];
  if (size.total !== undefined) parts.push(`${formatAmount(size.total)}${currencySuffix(root)}`);
  else parts.push('no numeric total');
  if (size.days !== undefined) {
    const weeks = Math.max(1, Math.round(size.days / 7));
    parts.push(`over ${weeks} week${weeks === 1 ? '' : 's'}`);
  } else parts.push('with no timeline');
  parts.push(`with ${size.deliverables} deliverable${size.deliverables === 1 ? '' : 's'}`);
  return parts.join(' ');
}

const maxSmallDeliverables = 3;

/** Within the small-job thresholds (scaled by `factor`); unknown size is never small, so nothing relaxes on a guess. */
function withinSmall(size: Size, t: Thresholds, factor: number): boolean {
  return (
    size.total !== undefined &&
    size.total <= t.smallJobMaxTotal * factor &&
    size.days !== undefined &&
    size.days <= t.smallJobMaxWeeks * 7 * factor &&
    size.deliverables <= maxSmallDeliverables * factor
  );
}

// Wording that names the kind of engagement, in the project's name and objective.
const staffAugmentationWording =
  /\bstaff(?:ing)?[- ]augmentation\b|\bteam (?:augmentation|extension)\b|\b(?:contract|contracted|contractor|dedicated|embedded|seconded|additional|extra)(?:\s+[\w.+#/-]+){0,2}\s+(?:developers|engineers|testers|consultants|analysts|specialists|designers|architects|administrators)\b|\b(?:add|provide|supply|second|place)(?:\s+(?!for\b|to\b|of\b|with\b|on\b)[\w.+#/-]+){0,3}\s+(?:developers|engineers|testers|consultants|analysts|specialists|designers|architects|administrators|FTEs?)\b/i;

/** People placed in your organisation and directed by you: "developers join our checkout squad", "under the direction of our engineering manager". */
const directedByClientWording =
  /\b(?:join|joins|joining|embedded in|work(?:s|ing)? (?:in|within|inside|as part of)) (?:our|the client's|your) (?:[\w.+#/-]+ ){0,2}(?:team|teams|squad|squads|tribe|department)\b|\bunder (?:the )?(?:day-to-day )?(?:direction|supervision|management|instruction|instructions) of (?:our|the client|your)\b|\b(?:augment|augmenting|extend|extending|strengthen|reinforce) (?:our|the client's|your) (?:[\w.+#/-]+ ){0,2}(?:team|teams|squad|squads|capacity)\b/i;

/**
 * A vendor that is one person: "Jamie Cole (sole trader)", "Ana Ruiz, freelance developer". One person
 * needs no written status reports, escalation ladder or exit plan from the vendor (their client
 * talks to them directly), when the job is within twice the small-job size.
 */
export const individualMarker =
  /\b(?:sole[- ]trader|sole[- ]proprietor(?:ship)?|sole practitioner|self[- ]employed|freelance(?:r)?|one[- ](?:person|man|woman)(?: (?:business|company|consultancy|studio|agency|shop|band))?|(?:independent|solo)(?:[- ](?!(?:and|or|of|for|the)\b)[\w.+#/]+){0,2}[- ](?:consultant|contractor|developer|designer|engineer|tester|auditor|analyst|writer|illustrator|photographer|specialist|architect|administrator|programmer|trainer|coach))\b/i;

const managedServiceWording =
  /\bmanaged (?:service|services|hosting|detection|security|network|infrastructure|operations)\b|\bmaintenance (?:of|and support|contract|service)\b|\b(?:application|system|software) maintenance\b|\b(?:service|help) ?desk\b|\b(?:first|second|third)[- ]line support\b|\bsupport (?:contract|service|retainer)\b|\bkeep (?:the|our|it)\b[^.]{0,40}\b(?:running|online|up|available|secure|patched)\b|\brun (?:the|our) [^.]{0,40}\b(?:service|desk|platform|operations)\b|\b(?:24 ?[x×/] ?7|around[- ]the[- ]clock)\b/i;

/** The text of the project's name and objective, where a lead says what is bought. */
function projectText(root: unknown): string {
  return ['name', 'objective']
    .map((k) => valueAt(root, ['project', k]))
    .filter((v): v is string => typeof v === 'string')
    .join('. ');
}

/** Service levels with a measurement window or a remedy: what a run service is measured by. */
function hasServiceLevels(root: unknown): boolean {
  return arrayAt(root, ['success_measures']).some((m) => isRecord(m) && (!isAbsent(m.window) || !isAbsent(m.remedy)));
}

/**
 * `project.engagement` as the rules apply it. A stated kind is trusted, except a `small_job` more
 * than twice the small-job size, which is checked in full (a big engagement never goes quiet because
 * of a label). Absent or unknown, the kind is read from the wording and the size is read from the
 * budget and timeline; a reading from the document is `inferred`, and rules that relax because of
 * it report a hint that says so.
 */
export function engagementOf(root: unknown, thresholds: Thresholds): EngagementReading {
  // Several rules ask for the same document under the same settings: read it once.
  if (typeof root !== 'object' || root === null) return readEngagement(root, thresholds);
  let byThresholds = readings.get(root);
  if (!byThresholds) readings.set(root, (byThresholds = new WeakMap()));
  let reading = byThresholds.get(thresholds);
  if (!reading) byThresholds.set(thresholds, (reading = readEngagement(root, thresholds)));
  return reading;
}

const readings = new WeakMap<object, WeakMap<Thresholds, EngagementReading>>();

function readEngagement(root: unknown, thresholds: Thresholds): EngagementReading {
  const size = sizeOf(root);
  const sizeText = describeSize(root, size);
  const stated = canonicalEnum(valueAt(root, ['project', 'engagement']), engagementKinds);
  if (stated === 'small_job') {
    if (withinSmall(size, thresholds, 2))
      return { kind: stated, source: 'stated', small: true, because: 'the scope says `engagement: small_job`', size: sizeText };
    return {
      kind: 'project',
      source: 'stated',
      small: false,
      because: 'the scope says `engagement: small_job`',
      size: sizeText,
      overruled: `\`engagement: small_job\` is not applied: ${sizeText} is more than twice a small job (\`smallJobMaxTotal\` ${formatAmount(thresholds.smallJobMaxTotal)}, \`smallJobMaxWeeks\` ${thresholds.smallJobMaxWeeks}, ${maxSmallDeliverables} deliverables), so the scope is checked in full.`,
    };
  }
  if (stated) return { kind: stated, source: 'stated', small: false, because: `the scope says \`engagement: ${stated}\``, size: sizeText };
  const text = projectText(root);
  const small = withinSmall(size, thresholds, 1);
  if (staffAugmentationWording.test(text) || directedByClientWording.test(text))
    return {
      kind: 'staff_augmentation',
      source: 'inferred',
      small,
      because: 'the project name or objective describes people added to your team',
      size: sizeText,
    };
  if (managedServiceWording.test(text) || hasServiceLevels(root))
    return {
      kind: 'managed_service',
      source: 'inferred',
      small,
      because: hasServiceLevels(root)
        ? 'the success measures are service levels (a `window` or `remedy`)'
        : 'the project name or objective describes a run or maintenance service',
      size: sizeText,
    };
  if (small) return { kind: 'small_job', source: 'inferred', small: true, because: sizeText, size: sizeText };
  if (vendorIsOnePerson(root) && withinSmall(size, thresholds, 2)) {
    const bySoleTrader = `a sole trader, ${sizeText}`;
    return { kind: 'small_job', source: 'inferred', small: true, because: bySoleTrader, size: bySoleTrader };
  }
  return { kind: 'project', source: 'inferred', small: false, because: sizeText, size: sizeText };
}

/**
 * The vendor is one person: its name says so ("Maya Brooks, independent brand designer"), or its
 * only key person is the person the vendor is named after ("Tom Reed Design", key person Tom Reed).
 */
export function vendorIsOnePerson(root: unknown): boolean {
  const name = valueAt(root, ['vendor', 'name']);
  if (typeof name !== 'string' || name.length > 200) return false;
  if (individualMarker.test(name)) return true;
  const people = arrayAt(root, ['vendor', 'key_personnel']).filter((p) => !isAbsent(p));
  if (people.length !== 1) return false;
  const person = isRecord(people[0]) ? people[0].name : undefined;
  if (typeof person !== 'string' || person.trim().split(/\s+/).length < 2) return false;
  const own = person.trim().toLowerCase();
  const vendor = name.trim().toLowerCase();
  return vendor === own || (vendor.startsWith(own) && /^[\s,(]/.test(vendor.slice(own.length)));
}

/** A role on the vendor's side: "Vendor PM", "the supplier's account manager", "Contractor delivery lead". */
const vendorRole = /\b(?:vendor|vendor's|supplier|supplier's|contractor|contractor's|provider|provider's|agency|agency's)\b/i;
/** Words that put a person on the buyer's side even beside the vendor's name: "our", "client", "customer". */
const buyerSide = /\b(?:our|we|us|client|client's|customer|customer's|buyer|purchaser|internal)\b/i;
/** A buyer's role that manages vendors: "Vendor Manager", "Supplier Relationship Manager", "vendor management office". */
const managesVendors =
  /\b(?:vendor|supplier|contractor|provider|third[- ]party)\s+(?:manager|management|relationship|relations|governance|performance|risk|assurance|officer|owner)\b/i;

/**
 * True when a person or role written in the scope ("Northwind delivery director", "Vendor PM",
 * "Rui Lopes" among the vendor's key personnel) is on the vendor's side, and nothing in it says
 * "our" or "client". Used where the scope needs someone on the buyer's side: the internal owner,
 * the approver of changes.
 */
export function onVendorSide(text: string, root: unknown): boolean {
  if (text.length > 200 || buyerSide.test(text) || managesVendors.test(text)) return false;
  if (vendorRole.test(text)) return true;
  const lower = text.toLowerCase();
  const people = arrayAt(root, ['vendor', 'key_personnel']).flatMap((p) =>
    isRecord(p) && typeof p.name === 'string' && p.name.trim().split(/\s+/).length >= 2 ? [p.name.trim().toLowerCase()] : [],
  );
  if (people.some((p) => lower.includes(p))) return true;
  const brand = vendorBrand(root);
  return (
    brand !== undefined && new RegExp(`(?<![\\p{L}\\d])${brand.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'iu').test(text)
  );
}

/**
 * What tells the vendor apart in a text: the first word of its name ("Northwind" of "Northwind
 * Software Lda"), or the whole name of a vendor that is one person ("Aoife Brennan" of "Aoife
 * Brennan, freelance web developer"). Later words ("Software", "Commerce", "Security") are
 * common to many names, and a first name alone to many people.
 */
function vendorBrand(root: unknown): string | undefined {
  const name = valueAt(root, ['vendor', 'name']);
  if (typeof name !== 'string' || name.length > 200) return undefined;
  if (vendorIsOnePerson(root)) {
    const person = name.split(/[,(]/)[0]?.trim() ?? '';
    return person.split(/\s+/).length >= 2 ? person : undefined;
  }
  const first = name.trim().match(/^(?:the\s+)?([\p{L}][\p{L}\d&'’-]*)/iu)?.[1];
  return first !== undefined && first.length >= 3 ? first : undefined;
}

/** The hint line rules add when they relax on an inferred reading: what was read, and how to confirm or correct it. */
export function inferredNote(reading: EngagementReading, bySize: boolean): string {
  const what = bySize ? `a small job (${reading.size})` : `${engagementLabels[reading.kind]} because ${reading.because}`;
  return `Read as ${what}; set \`project.engagement\` to confirm or correct this.`;
}

// ---- deliverables that run rather than finish ----------------------------------------------

/** Wording of a deliverable that recurs: a service period, a cadence, round-the-clock operation. */
const recurringWording =
  /\b(?:monthly|weekly|daily|quarterly|yearly|annual|annually|fortnightly|nightly)\b|\b(?:each|every|per)\s+(?:\w+\s+)?(?:month|week|day|quarter|year|sprint|release|iteration|cycle|shift|night)s?\b|\b(?:ongoing|continuous|continuously|recurring|round[- ]the[- ]clock|around[- ]the[- ]clock)\b|\b24 ?[x×/] ?7\b/i;

/** Wording of a deliverable that is people's time rather than a finished thing. */
const capacityWording =
  /\b(?:capacity|FTEs?|full[- ]time|part[- ]time|secondment|timesheets?)\b|\b(?:developers|engineers|testers|consultants|analysts|specialists|people)\s+(?:working|embedded|seconded|placed|assigned|allocated)\b/i;

const countWord = String.raw`(?:\d+(?:[.,]\d+)?|${alternation(cardinalWords(12))})`;
const roleWord = String.raw`(?:developers?|engineers?|testers?|consultants?|analysts?|specialists?|designers?|architects?|administrators?|programmers?|contractors?|people|FTEs?)`;

/**
 * A deliverable headed by an amount of people or time: "Team of 4 engineers", "2 FTE React
 * developers", "3 senior Java engineers", "160 hours per month of QA capacity", "Development
 * capacity". Where it starts the text, what follows says what the people work on ("to build and
 * maintain the loyalty features"); the deliverable is still their time.
 */
const headcountWording = new RegExp(
  [
    String.raw`\b(?:team|squad|pod|pool|crew|bench) of ${countWord}\b`,
    String.raw`\b${countWord}\s*(?:x\s*)?(?:FTEs?|full[- ]time(?: equivalents?)?|part[- ]time)\b`,
    String.raw`\b${countWord}\s+(?:(?!(?:for|to|of|on|in|and|with|by)\b)[\w.+#/-]+\s+){0,3}${roleWord}\b`,
    String.raw`\b${countWord}\s*(?:hours?|hrs?|h|days?|person[- ]days?|man[- ]days?)\s*(?:(?:per|a|an|each|every)\s+|\/\s*)(?:week|month|sprint|quarter)\b`,
    String.raw`\b(?:development|engineering|delivery|developer|QA|testing|test|design|automation|team)\s+capacity\b`,
  ].join('|'),
  'i',
);

/**
 * What may come before a headcount that heads the text: a few words of its own noun phrase
 * ("Dedicated nearshore team of 5", "Up to 3 engineers"), never a preposition whose object it is
 * ("Laptops for 40 developers", "Training sessions for 200 people").
 */
function headsText(prefix: string): boolean {
  const words = prefix.replace(/^\s*up to\s*$/i, '').match(/[\w.+#/-]+/g) ?? [];
  return (
    words.length <= 4 && !words.some((w) => /^(?:for|to|of|on|in|with|by|at|from|into|across|per)$/i.test(w)) && !/[.;:!?]/.test(prefix)
  );
}

/** The people of a headcount are the thing delivered when a completed step follows them ("Three engineers onboarded"). */
const completedAfterHeadcount =
  /^\s*(?:are\s+|is\s+)?(?:onboarded|hired|recruited|placed|selected|interviewed|in place|started|trained|vetted)\b/i;

/** Wording of the work a run service does, as opposed to a one-off transition. */
const serviceWording =
  /\b(?:fix|fixes|bug|bugs|support|maintain|maintenance|monitor|monitoring|operate|operation|operations|run|running|hosting|service|patching|incidents?|tickets?|small changes|enhancements?)\b/i;

/** Wording of a thing that is finished once (a transition, a build), even when it later runs on a cadence. */
const oneOffWording =
  /\b(?:migrat\w*|transition\w*|onboard\w*|set[- ]?up|install\w*|build|built|design\w*|implement\w*|roll[- ]?out|cut[- ]?over|upgrad\w*|hand[- ]?over|pipeline|dashboards?|template|model|app|(?<!\b(?:on|off)[- ])site|portal|plan|assessment|audit|deploy\w*)\b/i;

export interface OngoingReading {
  /** Why it needs no due date, as a clause ("it recurs for the service period"). */
  readonly reason: string;
  /** True when only the engagement kind makes it ongoing (so an inferred kind must say so). */
  readonly byKind: boolean;
}

const recurs: OngoingReading = { reason: 'it recurs for the service period', byKind: false };
const peoplesTime: OngoingReading = { reason: "it is people's time for the contract period", byKind: false };

/**
 * What one text says a deliverable is: `once` (a build, a migration), or ongoing (it recurs, or is
 * people's time), or nothing either way. A headcount at the head of the text, before any one-off
 * word, makes it people's time ("Team of 4 engineers to build ..."); a headcount that is the object
 * of a preposition ("Laptops for 40 developers"), a one-off word before it ("Build of the app by 3
 * developers") or a completed step after it ("Three engineers onboarded") does not.
 */
function readDeliverableText(text: string): OngoingReading | 'once' | undefined {
  const headcount = headcountWording.exec(text);
  const once = oneOffWording.exec(text);
  if (
    headcount &&
    headsText(text.slice(0, headcount.index)) &&
    !(once && once.index < headcount.index) &&
    !completedAfterHeadcount.test(text.slice(headcount.index + headcount[0].length))
  )
    return peoplesTime;
  if (once) return 'once';
  if (recurringWording.test(text)) return recurs;
  if (capacityWording.test(text)) return peoplesTime;
  return undefined;
}

/**
 * Why a deliverable needs no due date: it recurs, or is capacity, or is the run part of a service;
 * undefined for a one-off deliverable. The title says what the deliverable is; the description is
 * read only when the title says neither (a description often says what the people will work on,
 * "building screens", or what the service covers, "against the plan").
 */
export function ongoingReason(deliverable: unknown, reading: EngagementReading): OngoingReading | undefined {
  if (!isRecord(deliverable)) return undefined;
  const texts = ['title', 'description'].map((k) => deliverable[k]).filter((v): v is string => typeof v === 'string' && v.length <= 2000);
  if (texts.length === 0) return undefined;
  for (const text of texts) {
    const read = readDeliverableText(text);
    if (read === 'once') return undefined;
    if (read) return read;
  }
  if ((reading.kind === 'managed_service' || reading.kind === 'staff_augmentation') && texts.some((t) => serviceWording.test(t)))
    return { reason: `it is the run part of ${engagementLabels[reading.kind]}`, byKind: true };
  return undefined;
}

/**
 * How a rule that a kind of engagement does not need reports: `full` when it applies; `skip` when
 * the scope states a kind that does not need it; `hint` when only the document's size or wording
 * says so (the finding stays, as a hint that says what was read).
 */
export function proportion(reading: EngagementReading, notNeeded: boolean): 'full' | 'skip' | 'hint' {
  if (!notNeeded) return 'full';
  return reading.source === 'stated' ? 'skip' : 'hint';
}

/** Facts for a rule checked in full although the scope states `small_job`: why the label was not applied. */
export function overruledFacts(reading: EngagementReading): string[] {
  return reading.overruled ? [reading.overruled] : [];
}
