// Rural domestic sewage (农村生活污水): the discharge standard and the two headline rates.
//
// Units. Every measured value is an integer in hundredths of its unit, so that nothing is
// compared or summed in floating point: concentrations in hundredths of mg/L (45.3 mg/L →
// 4530), pH in hundredths (7.25 → 725); the water temperature in tenths of °C (11.5 °C → 115).
//
// The standard. DB33/973-2021 《农村生活污水集中处理设施水污染物排放标准》 (Zhejiang, in force
// since 2022-01-01, replacing DB33/973-2015), Table 1, grade 1 (一级, outfalls into class II/III
// waters and other sensitive receiving waters) and grade 2 (二级, the others). The limits are
// kept here as data, in one place, with the edition they come from. They were transcribed
// from the standard as published; check them against the official text before relying on
// them for enforcement, and add a new edition here (never edit the old one) when it changes.
// Limits: pH 6–9 both grades; COD_Cr 60 / 100; SS 20 / 30; NH3-N 8 (15 when the water is at
// or below 12 °C) / 25; TN 20 / — ; TP 1 / 3; animal and vegetable oils 3 / 5 (mg/L).
//
// Which values a test must carry: pH, COD, NH3-N and TP (the routine monitoring set of rural
// facilities); SS, TN and oils are evaluated when measured. NH3-N uses the winter limit only
// when the water temperature was measured and is ≤ 12.0 °C; without a temperature the
// stricter (warm-water) limit applies.
//
// Rates. A rate is numerator / denominator as a percentage with two decimals, rounded half
// up, computed with integers only: basis points (hundredths of a percent) =
// ⌊(2 · 10000 · n + d) / (2d)⌋, e.g. 133 of 145 villages → 9172 → "91.72"; 41 of 44
// facilities → 9318 → "93.18". No denominator → no rate (null), never 0 %.

export const STANDARD_CODE = 'DB33/973-2021';

export type DischargeGrade = 1 | 2;

export const POLLUTANTS = ['ph', 'cod', 'nh3n', 'tn', 'tp', 'ss', 'oil'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Measured values of one sample, in hundredths (pH, mg/L); absent = not measured. */
export type SampleValues = Partial<Record<Pollutant, number>>;

/** The values every test must carry. */
export const REQUIRED_POLLUTANTS: readonly Pollutant[] = ['ph', 'cod', 'nh3n', 'tp'];

export interface Label {
  zh: string;
  en: string;
}

export const POLLUTANT_NAMES: Record<Pollutant, Label & { unit: string }> = {
  ph: { zh: 'pH 值', en: 'pH', unit: '' },
  cod: { zh: '化学需氧量（COD）', en: 'COD', unit: 'mg/L' },
  nh3n: { zh: '氨氮（NH₃-N）', en: 'Ammonia nitrogen (NH₃-N)', unit: 'mg/L' },
  tn: { zh: '总氮（TN）', en: 'Total nitrogen (TN)', unit: 'mg/L' },
  tp: { zh: '总磷（TP）', en: 'Total phosphorus (TP)', unit: 'mg/L' },
  ss: { zh: '悬浮物（SS）', en: 'Suspended solids (SS)', unit: 'mg/L' },
  oil: { zh: '动植物油', en: 'Animal and vegetable oils', unit: 'mg/L' },
};

/** A limit in hundredths: a range (pH) or a maximum; `coldMax` applies at ≤ 12 °C water. */
export interface Limit {
  min?: number;
  max: number;
  coldMax?: number;
}

/** DB33/973-2021 Table 1, in hundredths; a pollutant missing from a grade is not limited there. */
export const DB33_973_2021: Record<DischargeGrade, Partial<Record<Pollutant, Limit>>> = {
  1: {
    ph: { min: 600, max: 900 },
    cod: { max: 6000 },
    ss: { max: 2000 },
    nh3n: { max: 800, coldMax: 1500 },
    tn: { max: 2000 },
    tp: { max: 100 },
    oil: { max: 300 },
  },
  2: {
    ph: { min: 600, max: 900 },
    cod: { max: 10000 },
    ss: { max: 3000 },
    nh3n: { max: 2500 },
    tp: { max: 300 },
    oil: { max: 500 },
  },
};

/** Water at or below this temperature (tenths of °C) takes the cold-water NH3-N limit. */
export const COLD_WATER_TENTHS = 120;

export interface Exceedance {
  pollutant: Pollutant;
  value: number;
  /** The limit broken (hundredths): the maximum, or the minimum for a low pH. */
  limit: number;
  /** 'above' the maximum or 'below' the minimum. */
  side: 'above' | 'below';
}

export interface Evaluation {
  compliant: boolean;
  exceedances: Exceedance[];
}

/**
 * Evaluates a sample against a grade of the standard: compliant when every measured value
 * within the grade's limits lies within them (limits are inclusive: 60.00 mg/L COD passes
 * grade 1). `waterTempTenths` chooses the cold-water NH3-N limit.
 */
export function evaluateSample(
  grade: DischargeGrade,
  values: SampleValues,
  waterTempTenths: number | null = null,
): Evaluation {
  const limits = DB33_973_2021[grade];
  const exceedances: Exceedance[] = [];
  for (const pollutant of POLLUTANTS) {
    const value = values[pollutant];
    const limit = limits[pollutant];
    if (value === undefined || limit === undefined) continue;
    const cold = waterTempTenths !== null && waterTempTenths <= COLD_WATER_TENTHS;
    const max = cold && limit.coldMax !== undefined ? limit.coldMax : limit.max;
    if (value > max) exceedances.push({ pollutant, value, limit: max, side: 'above' });
    else if (limit.min !== undefined && value < limit.min) {
      exceedances.push({ pollutant, value, limit: limit.min, side: 'below' });
    }
  }
  return { compliant: exceedances.length === 0, exceedances };
}

/** The required values a sample lacks. */
export const missingValues = (values: SampleValues): Pollutant[] =>
  REQUIRED_POLLUTANTS.filter((p) => values[p] === undefined);

/** n / d in basis points (hundredths of a percent), rounded half up; null when d is 0. */
export function rateBasisPoints(n: number, d: number): number | null {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n < 0 || d < 0 || n > d) {
    throw new RangeError(`a rate needs 0 ≤ n ≤ d (integers), got ${n} / ${d}`);
  }
  if (d === 0) return null;
  // n ≤ d < 2^53 / 20000 in any real register; BigInt keeps it exact regardless.
  return Number((BigInt(n) * 20000n + BigInt(d)) / (2n * BigInt(d)));
}

/** Basis points as a percentage text with two decimals: 9172 → "91.72", 10000 → "100.00". */
export function formatBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = bp % 100;
  return `${whole}.${String(frac).padStart(2, '0')}`;
}

/** n / d as "91.72" (percent, two decimals, half up), or null without a denominator. */
export function ratePercentText(n: number, d: number): string | null {
  const bp = rateBasisPoints(n, d);
  return bp === null ? null : formatBasisPoints(bp);
}

/** Hundredths as a plain decimal text: 4530 → "45.30", 725 → "7.25". */
export const hundredthsText = (v: number): string => formatBasisPoints(v);

/**
 * A plain decimal text with at most two decimals as hundredths ("45.3" → 4530, "7" → 700);
 * null when it is not one (negative, more decimals, exponent, commas …).
 */
export function parseHundredths(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
