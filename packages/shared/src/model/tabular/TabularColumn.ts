import { CandlecastError } from '../../errors/CandlecastError';

/**
 * One column of a tabular row, computed from a window of normalised feature rows `[W, F]` whose
 * last row is time t:
 * - `last`: the feature at t;
 * - `lag`: the feature at t - `lag` (lag >= 1);
 * - `mean` / `std` (population) / `min` / `max`: over the last `span` rows (t - span + 1 .. t).
 */
export type TabularColumn =
  | { op: 'last'; feature: string }
  | { op: 'lag'; feature: string; lag: number }
  | { op: 'mean' | 'std' | 'min' | 'max'; feature: string; span: number };

export type TabularOp = TabularColumn['op'];

/** The column's stable name: `rsi14`, `rsi14[t-5]`, `std30(logReturn1)`. Names are part of the spec hash. */
export function tabularColumnName(column: TabularColumn): string {
  switch (column.op) {
    case 'last':
      return column.feature;
    case 'lag':
      return `${column.feature}[t-${column.lag}]`;
    default:
      return `${column.op}${column.span}(${column.feature})`;
  }
}

/** Rows of the window a column reads, counting t itself (1 for `last`). */
export function tabularColumnReach(column: TabularColumn): number {
  if (column.op === 'last') return 1;
  if (column.op === 'lag') return column.lag + 1;
  return column.span;
}

/** Rejects a lag below 1 or a span below 2 (a one-row std is always 0), quoting the column. */
export function checkTabularColumn(column: TabularColumn): void {
  const bad = (what: string) => new CandlecastError('invalid_tabular_spec', `column ${JSON.stringify(column)}: ${what}`);
  if (column.op === 'lag' && !(Number.isInteger(column.lag) && column.lag >= 1)) throw bad('lag must be an integer >= 1');
  if (column.op !== 'last' && column.op !== 'lag' && !(Number.isInteger(column.span) && column.span >= 2)) throw bad('span must be an integer >= 2');
  if (!['last', 'lag', 'mean', 'std', 'min', 'max'].includes(column.op)) throw bad('unknown op');
}
