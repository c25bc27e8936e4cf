import type { ReportReliabilityBin } from '../Report';
import { escapeHtml, linearScale, px, svg } from './svg';

/**
 * Reliability diagram of one model: observed BUY frequency against mean predicted p(BUY) per bin
 * (a point per non-empty bin, area ~ count), the diagonal of perfect calibration, and a histogram
 * of how many predictions fall in each bin underneath. One-minute models crowd the middle bins;
 * the histogram shows it.
 */
export function reliabilityDiagram(bins: readonly ReportReliabilityBin[], name: string, color: string): string {
  const size = 230;
  const histogram = 40;
  const margin = { top: 22, right: 12, bottom: 34, left: 40 };
  const width = margin.left + size + margin.right;
  const height = margin.top + size + 8 + histogram + margin.bottom;
  const x = linearScale(0, 1, margin.left, margin.left + size);
  const y = linearScale(0, 1, margin.top + size, margin.top);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const total = bins.reduce((s, b) => s + b.count, 0) || 1;
  const parts: string[] = [];
  parts.push(`<text class="legend" x="${margin.left}" y="14" font-weight="600">${escapeHtml(name)}</text>`);
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${size}" height="${size}" class="frame"/>`);
  for (const t of [0.25, 0.5, 0.75]) {
    parts.push(`<line class="grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${margin.top}" y2="${margin.top + size}"/>`);
    parts.push(`<line class="grid" x1="${margin.left}" x2="${margin.left + size}" y1="${px(y(t))}" y2="${px(y(t))}"/>`);
  }
  for (const t of [0, 0.5, 1]) {
    parts.push(`<text class="tick" x="${margin.left - 5}" y="${px(y(t) + 4)}" text-anchor="end">${t}</text>`);
    parts.push(`<text class="tick" x="${px(x(t))}" y="${height - margin.bottom + 14}" text-anchor="middle">${t}</text>`);
  }
  parts.push(`<line class="reference" x1="${px(x(0))}" y1="${px(y(0))}" x2="${px(x(1))}" y2="${px(y(1))}"/>`);
  const filled = bins.filter((b) => b.count > 0 && b.meanPredicted !== null && b.observed !== null);
  // A line through bins holding a handful of predictions would draw noise as miscalibration.
  const solid = filled.filter((b) => b.count >= 0.02 * total);
  if (solid.length > 1) {
    parts.push(`<path d="${solid.map((b, i) => `${i ? 'L' : 'M'}${px(x(b.meanPredicted as number))},${px(y(b.observed as number))}`).join('')}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
  }
  for (const b of filled) {
    const r = 2 + 6 * Math.sqrt(b.count / total);
    parts.push(`<circle cx="${px(x(b.meanPredicted as number))}" cy="${px(y(b.observed as number))}" r="${px(r)}" fill="${color}" fill-opacity="0.85"><title>${b.count} predictions, mean p ${(b.meanPredicted as number).toFixed(3)}, observed ${(b.observed as number).toFixed(3)}</title></circle>`);
  }
  const base = margin.top + size + 8 + histogram;
  for (const b of bins) {
    const h = (b.count / maxCount) * histogram;
    parts.push(`<rect x="${px(x(b.lower) + 1)}" y="${px(base - h)}" width="${px(x(b.upper) - x(b.lower) - 2)}" height="${px(h)}" fill="${color}" fill-opacity="0.35"/>`);
  }
  parts.push(`<text class="label" x="${margin.left + size / 2}" y="${height - 6}" text-anchor="middle">predicted p(BUY)</text>`);
  parts.push(`<text class="label" transform="translate(12 ${margin.top + size / 2}) rotate(-90)" text-anchor="middle">observed BUY share</text>`);
  return svg(width, height, `Reliability diagram: ${name}`, parts.join(''));
}
