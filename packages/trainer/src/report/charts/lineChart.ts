import { escapeHtml, linearScale, niceTicks, px, svg } from './svg';

export interface LineSeries {
  name: string;
  color: string;
  points: ReadonlyArray<readonly [number, number]>;
  dashed?: boolean;
  width?: number;
}

export interface LineChartOptions {
  title: string;
  width?: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** Fixed domains; default: the data's extent (y padded by 5%). */
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Horizontal dashed reference lines (e.g. 50%, starting equity); a label puts one in the legend. */
  references?: ReadonlyArray<{ y: number; label?: string }>;
}

/** A multi-series line chart with axes, gridlines, reference lines and a legend on the right. */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions): string {
  const width = options.width ?? 960;
  const height = options.height ?? 300;
  const margin = { top: 16, right: 250, bottom: 44, left: 64 };
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).concat((options.references ?? []).map((r) => r.y));
  const [x0, x1] = options.xDomain ?? [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = options.yDomain ?? [Math.min(...ys), Math.max(...ys)];
  if (!options.yDomain) {
    const pad = (y1 - y0 || Math.abs(y0) || 1) * 0.05;
    [y0, y1] = [y0 - pad, y1 + pad];
  }
  const x = linearScale(x0, x1, margin.left, width - margin.right);
  const y = linearScale(y0, y1, height - margin.bottom, margin.top);
  const parts: string[] = [];
  for (const tick of niceTicks(y0, y1, 5)) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${px(y(tick))}" y2="${px(y(tick))}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 6}" y="${px(y(tick) + 4)}" text-anchor="end">${escapeHtml(options.formatY(tick))}</text>`);
  }
  for (const tick of niceTicks(x0, x1, 6)) {
    parts.push(`<text class="tick" x="${px(x(tick))}" y="${height - margin.bottom + 16}" text-anchor="middle">${escapeHtml(options.formatX(tick))}</text>`);
  }
  parts.push(`<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${height - margin.bottom}" y2="${height - margin.bottom}"/>`);
  for (const reference of options.references ?? []) {
    parts.push(`<line class="reference" x1="${margin.left}" x2="${width - margin.right}" y1="${px(y(reference.y))}" y2="${px(y(reference.y))}"/>`);
  }
  series.forEach((s) => {
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${px(x(p[0]))},${px(y(p[1]))}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 1.8}"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
  });
  const legend = [
    ...series.map((s) => ({ name: s.name, stroke: `stroke="${s.color}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="5 4"' : ''}` })),
    ...(options.references ?? []).flatMap((r) => (r.label ? [{ name: r.label, stroke: 'class="reference"' }] : [])),
  ];
  legend.forEach((entry, i) => {
    const ly = margin.top + 6 + i * 18;
    const lx = width - margin.right + 14;
    parts.push(`<line x1="${lx}" x2="${lx + 18}" y1="${ly}" y2="${ly}" ${entry.stroke}/>`);
    parts.push(`<text class="legend" x="${lx + 24}" y="${ly + 4}">${escapeHtml(entry.name)}</text>`);
  });
  parts.push(`<text class="label" x="${(margin.left + width - margin.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`);
  parts.push(`<text class="label" transform="translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`);
  return svg(width, height, options.title, parts.join(''));
}
