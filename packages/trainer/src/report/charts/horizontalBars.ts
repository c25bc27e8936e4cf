import { escapeHtml, linearScale, px, svg } from './svg';

/**
 * Horizontal bars for signed values (feature importance: accuracy lost when permuted), in the
 * order given, with a zero line: a bar left of zero means shuffling the feature helped, i.e. noise.
 * Pass one `domain` to several charts to make their bars comparable.
 */
export function horizontalBars(
  items: ReadonlyArray<{ label: string; value: number }>,
  options: { title: string; color: string; format: (v: number) => string; width?: number; domain?: [number, number] },
): string {
  const width = options.width ?? 490;
  const barHeight = 14;
  const margin = { top: 24, right: 64, bottom: 8, left: 130 };
  const height = margin.top + items.length * (barHeight + 4) + margin.bottom;
  const values = items.map((i) => i.value);
  const [lo, hi] = options.domain ?? [Math.min(0, ...values), Math.max(0, ...values) || 1e-9];
  const x = linearScale(lo, hi, margin.left, width - margin.right);
  const parts: string[] = [`<text class="legend" x="4" y="14" font-weight="600">${escapeHtml(options.title)}</text>`];
  items.forEach((item, i) => {
    const y = margin.top + i * (barHeight + 4);
    const x0 = x(Math.min(0, item.value));
    const w = Math.abs(x(item.value) - x(0));
    parts.push(`<text class="tick" x="${margin.left - 6}" y="${y + barHeight - 3}" text-anchor="end">${escapeHtml(item.label)}</text>`);
    parts.push(`<rect x="${px(x0)}" y="${y}" width="${px(Math.max(w, 0.5))}" height="${barHeight}" fill="${item.value < 0 ? '#bbb' : options.color}"/>`);
    parts.push(`<text class="tick" x="${px(Math.max(x(item.value), x(0)) + 4)}" y="${y + barHeight - 3}">${escapeHtml(options.format(item.value))}</text>`);
  });
  parts.push(`<line class="axis" x1="${px(x(0))}" x2="${px(x(0))}" y1="${margin.top - 4}" y2="${height - margin.bottom}"/>`);
  return svg(width, height, options.title, parts.join(''));
}
