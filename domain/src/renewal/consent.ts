// Owners' joint decisions (业主共同决定), Civil Code art. 278. Pure rules, no I/O.
//
// ## Rule
//
// A matter is decided by the owners' ballots, counted twice: by owners (每个业主
// 一人) and by floor area (专有部分面积).
//
//   quorum    participating area  ≥ 2/3 of the total area
//             AND participating owners ≥ 2/3 of all owners        (otherwise 'no-quorum')
//   ordinary  yes area > 1/2 of the participating area
//             AND yes owners > 1/2 of the participating owners    (art. 278 items 1–5, 9)
//   major     yes area ≥ 3/4 of the participating area
//             AND yes owners ≥ 3/4 of the participating owners    (items 6–8: raising
//             maintenance funds, rebuilding or renovating, changing the use of common parts)
//
// An owner is a distinct ownerId: a developer holding 300 unsold flats is one
// owner, and its one ballot carries the area of all 300. Abstentions take part
// (count towards quorum and towards the participating totals) but are not yes,
// so they weigh like a no in the second step. Owners without a ballot do not take part.
//
// ## Arithmetic
//
// Areas are integer hundredths of a square metre (area.ts). They are summed as
// safe integers — a total beyond Number.MAX_SAFE_INTEGER hundredths (9·10¹³ m²)
// is refused, so every partial sum is exact — and compared as bigint: every threshold is a cross-multiplication (3·part ≥ 2·total, 2·yes > part,
// 4·yes ≥ 3·part): no floating point and no division anywhere in the decision,
// whatever the size of the community.
//
// ## Input errors
//
// Bad input throws a ConsentInputError (an Error with a `code`) whose message
// names the problem and the record: no units, an unknown matter, a unit without
// unitId/ownerId, a unit listed twice, a unit's malformed or zero area (see
// area.ts for what is accepted), a ballot for an owner who owns no unit, two
// ballots for one owner, an unknown choice.

import { formatArea, parseArea } from './area.ts';

export { formatArea, parseArea } from './area.ts';

export const MATTERS = ['ordinary', 'major'] as const;
/** major = art. 278 items 6–8; ordinary = every other matter. */
export type Matter = (typeof MATTERS)[number];

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export type ConsentOutcome = 'passed' | 'rejected' | 'no-quorum';

export interface ConsentUnit {
  unitId: string;
  ownerId: string;
  /** Square metres, at most 2 decimals, > 0: "89.37". */
  area: string;
}

export interface ConsentBallot {
  ownerId: string;
  choice: Choice;
}

export interface ConsentInput {
  matter: Matter;
  units: readonly ConsentUnit[];
  ballots: readonly ConsentBallot[];
}

export interface ConsentResult {
  outcome: ConsentOutcome;
  totalOwners: number;
  participatingOwners: number;
  yesOwners: number;
  /** Square metres with two decimals: "1234.50". */
  totalArea: string;
  participatingArea: string;
  yesArea: string;
}

/** Minimum owners and area (integer hundredths of m²) that meet a threshold. */
export interface Requirement {
  owners: number;
  area: number;
}

/** The full count behind a decision, areas in integer hundredths (safe integers) — for live trackers. */
export interface ConsentTally {
  matter: Matter;
  outcome: ConsentOutcome;
  quorumMet: boolean;
  totalOwners: number;
  participatingOwners: number;
  yesOwners: number;
  noOwners: number;
  abstainOwners: number;
  totalArea: number;
  participatingArea: number;
  yesArea: number;
  noArea: number;
  abstainArea: number;
  /** What participation must reach for a quorum (requiredForQuorum of the totals). */
  quorumRequires: Requirement;
  /** The yes votes needed to pass with the current participation (requiredToPass). */
  passRequires: Requirement;
}

export interface Threshold {
  /** The share is numerator / denominator of the base. */
  numerator: number;
  denominator: number;
  /** true: share ≥ fraction; false: share > fraction. */
  inclusive: boolean;
  label: { zh: string; en: string };
}

/** The three thresholds of art. 278, each applied to owners and to area alike. */
export const THRESHOLDS: Readonly<Record<'quorum' | Matter, Threshold>> = {
  quorum: {
    numerator: 2,
    denominator: 3,
    inclusive: true,
    label: {
      zh: '参与表决的专有部分面积和业主人数均占三分之二以上',
      en: 'at least 2/3 of the area and 2/3 of the owners take part',
    },
  },
  ordinary: {
    numerator: 1,
    denominator: 2,
    inclusive: false,
    label: {
      zh: '经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意',
      en: 'more than 1/2 of the participating area and of the participating owners vote yes',
    },
  },
  major: {
    numerator: 3,
    denominator: 4,
    inclusive: true,
    label: {
      zh: '经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意',
      en: 'at least 3/4 of the participating area and of the participating owners vote yes',
    },
  },
};

export type ConsentErrorCode =
  | 'bad-input'
  | 'no-units'
  | 'bad-matter'
  | 'bad-unit'
  | 'duplicate-unit'
  | 'bad-area'
  | 'bad-ballot'
  | 'unknown-owner'
  | 'duplicate-ballot'
  | 'bad-choice';

export class ConsentInputError extends Error {
  readonly code: ConsentErrorCode;
  constructor(code: ConsentErrorCode, message: string) {
    super(message);
    this.name = 'ConsentInputError';
    this.code = code;
  }
}

// ------------------------------------------------------------ thresholds

/** Does `part` of `whole` meet the threshold? Exact: den·part ≥ num·whole (or >). */
export function meetsThreshold(part: bigint | number, whole: bigint | number, t: Threshold): boolean {
  const lhs = BigInt(t.denominator) * BigInt(part);
  const rhs = BigInt(t.numerator) * BigInt(whole);
  return t.inclusive ? lhs >= rhs : lhs > rhs;
}

/** The smallest integer part of `whole` that meets the threshold (may exceed `whole` when nothing can). */
export function minimumMeeting(whole: bigint | number, t: Threshold): bigint {
  const num = BigInt(t.numerator) * BigInt(whole);
  const den = BigInt(t.denominator);
  // Non-negative operands: bigint division truncates, i.e. floors.
  return t.inclusive ? (num + den - 1n) / den : num / den + 1n;
}

const requirement = (owners: number, area: number, t: Threshold): Requirement => ({
  owners: Number(minimumMeeting(owners, t)),
  area: Number(minimumMeeting(area, t)),
});

/** Minimum participating owners and area (hundredths of m²) for a quorum: ⌈2/3⌉ of each. */
export function requiredForQuorum(totalOwners: number, totalArea: number): Requirement {
  return requirement(totalOwners, totalArea, THRESHOLDS.quorum);
}

/**
 * Minimum yes owners and yes area (hundredths of m²) for the matter to pass with
 * this participation (quorum aside): ordinary ⌊½⌋ + 1, major ⌈¾⌉ of each.
 */
export function requiredToPass(
  matter: Matter,
  participatingOwners: number,
  participatingArea: number,
): Requirement {
  return requirement(participatingOwners, participatingArea, THRESHOLDS[checkMatter(matter)]);
}

// ------------------------------------------------------------ decision

function checkMatter(matter: unknown): Matter {
  if (!MATTERS.includes(matter as Matter)) {
    throw new ConsentInputError(
      'bad-matter',
      `unknown matter ${JSON.stringify(matter)} (expected 'ordinary' or 'major')`,
    );
  }
  return matter as Matter;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Counts the ballots and decides; areas stay integer hundredths. Throws ConsentInputError on bad input. */
export function tallyMatter(input: ConsentInput): ConsentTally {
  if (typeof input !== 'object' || input === null)
    throw new ConsentInputError('bad-input', 'input must be an object');
  const matter = checkMatter(input.matter);
  const { units, ballots } = input;
  // (Array.isArray would narrow readonly arrays to any[].)
  if (!Array.isArray(input.units)) throw new ConsentInputError('bad-input', 'units must be an array');
  if (!Array.isArray(input.ballots)) throw new ConsentInputError('bad-input', 'ballots must be an array');
  if (units.length === 0) throw new ConsentInputError('no-units', 'there are no units: nothing to decide');

  const seenUnits = new Set<string>();
  const ownerArea = new Map<string, number>();
  let totalArea = 0;
  for (const [i, unit] of units.entries()) {
    if (typeof unit !== 'object' || unit === null)
      throw new ConsentInputError('bad-unit', `unit #${i + 1} is not an object`);
    const { unitId, ownerId, area } = unit;
    if (!isId(unitId)) throw new ConsentInputError('bad-unit', `unit #${i + 1} has no unitId`);
    if (!isId(ownerId))
      throw new ConsentInputError('bad-unit', `unit ${JSON.stringify(unitId)} has no ownerId`);
    if (seenUnits.has(unitId))
      throw new ConsentInputError('duplicate-unit', `unit ${JSON.stringify(unitId)} is listed twice`);
    seenUnits.add(unitId);
    let hundredths: number;
    try {
      hundredths = parseArea(area);
    } catch (e) {
      throw new ConsentInputError('bad-area', `unit ${JSON.stringify(unitId)}: ${(e as Error).message}`);
    }
    ownerArea.set(ownerId, (ownerArea.get(ownerId) ?? 0) + hundredths);
    totalArea += hundredths;
  }
  // Sums of positive integers only grow, so a safe total means every partial sum was exact.
  if (!Number.isSafeInteger(totalArea)) {
    throw new ConsentInputError('bad-area', 'the total area of all units is too large to count exactly');
  }

  const voted = new Set<string>();
  const owners = { yes: 0, no: 0, abstain: 0 };
  const area = { yes: 0, no: 0, abstain: 0 };
  for (const [i, ballot] of ballots.entries()) {
    if (typeof ballot !== 'object' || ballot === null) {
      throw new ConsentInputError('bad-ballot', `ballot #${i + 1} is not an object`);
    }
    const { ownerId, choice } = ballot;
    if (!isId(ownerId)) throw new ConsentInputError('bad-ballot', `ballot #${i + 1} has no ownerId`);
    const held = ownerArea.get(ownerId);
    if (held === undefined) {
      throw new ConsentInputError(
        'unknown-owner',
        `ballot for unknown owner ${JSON.stringify(ownerId)}: the owner holds no unit`,
      );
    }
    if (voted.has(ownerId))
      throw new ConsentInputError('duplicate-ballot', `two ballots for owner ${JSON.stringify(ownerId)}`);
    if (!CHOICES.includes(choice)) {
      throw new ConsentInputError(
        'bad-choice',
        `ballot of owner ${JSON.stringify(ownerId)} has unknown choice ${JSON.stringify(choice)} (expected 'yes', 'no' or 'abstain')`,
      );
    }
    voted.add(ownerId);
    owners[choice] += 1;
    area[choice] += held;
  }

  const totalOwners = ownerArea.size;
  const participatingOwners = voted.size;
  const participatingArea = area.yes + area.no + area.abstain;
  const quorumMet =
    meetsThreshold(participatingArea, totalArea, THRESHOLDS.quorum) &&
    meetsThreshold(participatingOwners, totalOwners, THRESHOLDS.quorum);
  const rule = THRESHOLDS[matter];
  const outcome: ConsentOutcome = !quorumMet
    ? 'no-quorum'
    : meetsThreshold(area.yes, participatingArea, rule) &&
        meetsThreshold(owners.yes, participatingOwners, rule)
      ? 'passed'
      : 'rejected';

  return {
    matter,
    outcome,
    quorumMet,
    totalOwners,
    participatingOwners,
    yesOwners: owners.yes,
    noOwners: owners.no,
    abstainOwners: owners.abstain,
    totalArea,
    participatingArea,
    yesArea: area.yes,
    noArea: area.no,
    abstainArea: area.abstain,
    quorumRequires: requiredForQuorum(totalOwners, totalArea),
    passRequires: requiredToPass(matter, participatingOwners, participatingArea),
  };
}

/** Decides a matter under art. 278. Throws ConsentInputError (an Error naming the problem) on bad input. */
export function decideMatter(input: ConsentInput): ConsentResult {
  const t = tallyMatter(input);
  return {
    outcome: t.outcome,
    totalOwners: t.totalOwners,
    participatingOwners: t.participatingOwners,
    yesOwners: t.yesOwners,
    totalArea: formatArea(t.totalArea),
    participatingArea: formatArea(t.participatingArea),
    yesArea: formatArea(t.yesArea),
  };
}
