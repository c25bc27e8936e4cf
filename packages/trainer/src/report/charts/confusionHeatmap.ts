import type { ConfusionMatrix } from '@candlecast/shared';
import { escapeHtml, svg } from './svg';

const CLASSES = ['SELL', 'BUY'];

/** A 2 × 2 confusion matrix: counts and the share of each actual class, shaded by that share. */
export function confusionHeatmap(confusion: ConfusionMatrix, name: string): string {
  const cell = 84;
  const left = 78;
  const top = 46;
  const width = left + 2 * cell + 12;
  const height = top + 2 * cell + 12;
  const parts: string[] = [];
  parts.push(`<text class="legend" x="4" y="14" font-weight="600">${escapeHtml(name)}</text>`);
  parts.push(`<text class="label" x="${left + cell}" y="30" text-anchor="middle">predicted</text>`);
  for (let actual = 0; actual < 2; actual++) {
    const rowTotal = confusion[actual][0] + confusion[actual][1] || 1;
    parts.push(`<text class="tick" x="${left - 8}" y="${top + actual * cell + cell / 2 + 4}" text-anchor="end">actual ${CLASSES[actual]}</text>`);
    for (let predicted = 0; predicted < 2; predicted++) {
      const share = confusion[actual][predicted] / rowTotal;
      const correct = actual === predicted;
      const fill = correct ? `rgba(66,105,208,${(0.1 + 0.8 * share).toFixed(2)})` : `rgba(255,114,92,${(0.1 + 0.8 * share).toFixed(2)})`;
      const x = left + predicted * cell;
      const y = top + actual * cell;
      const ink = share > 0.55 ? '#fff' : '#222';
      parts.push(`<rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${fill}"/>`);
      parts.push(`<text x="${x + cell / 2}" y="${y + cell / 2 - 2}" text-anchor="middle" class="cell" fill="${ink}">${confusion[actual][predicted].toLocaleString('en-US')}</text>`);
      parts.push(`<text x="${x + cell / 2}" y="${y + cell / 2 + 15}" text-anchor="middle" class="tick" fill="${ink}">${(share * 100).toFixed(1)}%</text>`);
    }
  }
  for (let predicted = 0; predicted < 2; predicted++) {
    parts.push(`<text class="tick" x="${left + predicted * cell + cell / 2}" y="${top - 4}" text-anchor="middle">${CLASSES[predicted]}</text>`);
  }
  return svg(width, height, `Confusion matrix: ${name}`, parts.join(''));
}
