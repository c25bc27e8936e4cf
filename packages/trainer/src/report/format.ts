/** Text formats shared by the HTML page and the terminal table. Null (undefined metric) prints as "–". */

const DASH = '–';

/** 0.5371 -> "53.7%". */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : `${(value * 100).toFixed(digits)}%`;
}

/** A difference of fractions in percentage points: 0.003 -> "+0.30 pt". */
export function points(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const text = (value * 100).toFixed(digits);
  return `${value > 0 && Number(text) !== 0 ? '+' : ''}${text.replace('-', '−')} pt`;
}

/** An interval of fractions as percent: "[53.1, 54.7]". */
export function percentInterval(interval: readonly [number, number], digits = 1): string {
  return `[${(interval[0] * 100).toFixed(digits)}, ${(interval[1] * 100).toFixed(digits)}]`;
}

/** An interval of differences in points: "[−0.41, +1.02]". */
export function pointsInterval(interval: readonly [number, number], digits = 2): string {
  const one = (v: number) => `${v > 0 ? '+' : ''}${(v * 100).toFixed(digits)}`.replace('-', '−');
  return `[${one(interval[0])}, ${one(interval[1])}]`;
}

/** A plain number, or "–". */
export function decimal(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : value.toFixed(digits).replace(/^-/, '−');
}

/** Whether an interval of a gain excludes zero: the only case where a gain is evidence. */
export function gainVerdict(interval: readonly [number, number]): 'better' | 'worse' | 'noise' {
  return interval[0] > 0 ? 'better' : interval[1] < 0 ? 'worse' : 'noise';
}

/** A return with its sign: 0.36 -> "+36.0%", -0.983 -> "−98.3%". */
export function signedPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${value > 0 ? '+' : ''}${(value * 100).toFixed(digits)}%`.replace('-', '−');
}

/** An ISO 8601 time as "2024-01-02 09:20 UTC" (minutes are the resolution of the data). */
export function utcMinute(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** Human names of the baselines. */
export const BASELINE_NAMES: Record<string, string> = {
  majority: 'majority class',
  reverseLast: 'reverse last candle',
  followLast: 'follow last candle',
  randomForest: 'random forest',
};
