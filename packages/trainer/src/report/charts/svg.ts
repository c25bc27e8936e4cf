/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Maps [d0, d1] linearly onto [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * An inline SVG element (no xmlns: inside HTML it is not needed, and the page stays free of any
 * URL). `title` is the accessible name.
 */
export function svg(width: number, height: number, title: string, body: string): string {
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

/** Rounds a coordinate to 0.1 px: smaller pages, identical pixels. */
export function px(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** A categorical palette readable on white; baselines are drawn in greys. */
export const PALETTE = ['#4269d0', '#ff725c', '#3ca951', '#a463f2', '#efb118', '#ff8ab7', '#6cc5b0', '#9c6b4e', '#97bbf5'];
export const BASELINE_GREYS = ['#555', '#888', '#aaa', '#ccc'];
