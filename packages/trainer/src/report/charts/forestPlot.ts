import { escapeHtml, linearScale, niceTicks, px, svg } from './svg';

export interface ForestRow {
  name: string;
  value: number;
  interval: [number, number];
  color: string;
  /** Drawn bold, e.g. the best baseline. */
  emphasis?: boolean;
}

/**
 * Accuracy with its 95% interval per row, against vertical references (50% and the best
 * baseline): overlapping whiskers are the picture of "no evidence of a difference".
 */
export function forestPlot(rows: readonly ForestRow[], references: ReadonlyArray<{ x: number; label: string }>, title: string): string {
  const width = 720;
  const rowHeight = 24;
  const margin = { top: 28, right: 24, bottom: 36, left: 150 };
  const height = margin.top + rows.length * rowHeight + margin.bottom;
  const values = rows.flatMap((r) => r.interval).concat(references.map((r) => r.x));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || 0.01;
  const x = linearScale(lo - pad, hi + pad, margin.left, width - margin.right);
  const parts: string[] = [];
  for (const tick of niceTicks(lo - pad, hi + pad, 6)) {
    parts.push(`<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${margin.top - 6}" y2="${height - margin.bottom}"/>`);
    parts.push(`<text class="tick" x="${px(x(tick))}" y="${height - margin.bottom + 16}" text-anchor="middle">${(tick * 100).toFixed(1)}%</text>`);
  }
  references.forEach((reference, i) => {
    parts.push(`<line class="reference" x1="${px(x(reference.x))}" x2="${px(x(reference.x))}" y1="${margin.top - 6}" y2="${height - margin.bottom}"/>`);
    parts.push(`<text class="note" x="${px(x(reference.x))}" y="${margin.top - 10 - (i % 2) * 10}" text-anchor="middle">${escapeHtml(reference.label)}</text>`);
  });
  rows.forEach((row, i) => {
    const cy = margin.top + i * rowHeight + rowHeight / 2;
    const weight = row.emphasis ? ' font-weight="600"' : '';
    parts.push(`<text class="legend" x="${margin.left - 10}" y="${px(cy + 4)}" text-anchor="end"${weight}>${escapeHtml(row.name)}</text>`);
    parts.push(`<line x1="${px(x(row.interval[0]))}" x2="${px(x(row.interval[1]))}" y1="${px(cy)}" y2="${px(cy)}" stroke="${row.color}" stroke-width="2"/>`);
    for (const end of row.interval) parts.push(`<line x1="${px(x(end))}" x2="${px(x(end))}" y1="${px(cy - 5)}" y2="${px(cy + 5)}" stroke="${row.color}" stroke-width="1.5"/>`);
    parts.push(`<circle cx="${px(x(row.value))}" cy="${px(cy)}" r="${row.emphasis ? 5 : 4}" fill="${row.color}"/>`);
  });
  parts.push(`<text class="label" x="${(margin.left + width - margin.right) / 2}" y="${height - 6}" text-anchor="middle">test accuracy with 95% interval</text>`);
  return svg(width, height, title, parts.join(''));
}
