import { escapeHtml, linearScale, niceTicks, px, svg } from './svg';

/** Vertical bars over an ordered axis, e.g. mean attention per window step (oldest left, newest right). */
export function columnBars(
  values: readonly number[],
  options: { title: string; color: string; xLabel: string; yLabel: string; formatX: (i: number) => string; formatY: (v: number) => string },
): string {
  const width = 720;
  const height = 220;
  const margin = { top: 16, right: 16, bottom: 44, left: 64 };
  const hi = Math.max(...values, 0) || 1;
  const y = linearScale(0, hi * 1.05, height - margin.bottom, margin.top);
  const slot = (width - margin.left - margin.right) / values.length;
  const parts: string[] = [];
  for (const tick of niceTicks(0, hi * 1.05, 4)) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${px(y(tick))}" y2="${px(y(tick))}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 6}" y="${px(y(tick) + 4)}" text-anchor="end">${escapeHtml(options.formatY(tick))}</text>`);
  }
  const labelEvery = Math.max(1, Math.ceil(values.length / 12));
  values.forEach((v, i) => {
    const x = margin.left + i * slot;
    parts.push(`<rect x="${px(x + slot * 0.1)}" y="${px(y(v))}" width="${px(slot * 0.8)}" height="${px(y(0) - y(v))}" fill="${options.color}"><title>${escapeHtml(options.formatX(i))}: ${escapeHtml(options.formatY(v))}</title></rect>`);
    if ((values.length - 1 - i) % labelEvery === 0) {
      parts.push(`<text class="tick" x="${px(x + slot / 2)}" y="${height - margin.bottom + 14}" text-anchor="middle">${escapeHtml(options.formatX(i))}</text>`);
    }
  });
  parts.push(`<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${px(y(0))}" y2="${px(y(0))}"/>`);
  parts.push(`<text class="label" x="${(margin.left + width - margin.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`);
  parts.push(`<text class="label" transform="translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`);
  return svg(width, height, options.title, parts.join(''));
}
