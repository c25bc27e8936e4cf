import { describe, expect, it } from 'vitest';
import { renderSummaryTable } from './renderSummaryTable';
import { sampleReport } from './sampleReport';

describe('renderSummaryTable', () => {
  const report = sampleReport();
  const lines = renderSummaryTable(report).split('\n');

  it('lists every model and every baseline, the best baseline starred', () => {
    for (const name of Object.keys(report.models)) expect(lines.some((l) => l.startsWith(`${name} `))).toBe(true);
    for (const name of ['majority class', 'reverse last candle *', 'follow last candle', 'random forest']) {
      expect(lines.some((l) => l.startsWith(name))).toBe(true);
    }
    expect(lines[2].startsWith('ensemble ')).toBe(true);
  });

  it('aligns the accuracy column', () => {
    const end = lines[0].indexOf('accuracy') + 'accuracy'.length;
    const rows = lines.filter((l) => /^\S.*\d\.\d%/.test(l));
    expect(rows.length).toBe(Object.keys(report.models).length + 4);
    for (const row of rows) expect(row.slice(0, end)).toMatch(/\d\.\d%$/);
  });

  it('prints leakage warnings under the table', () => {
    const warned = renderSummaryTable(sampleReport({ warnings: true })).split('\n');
    expect(warned.at(-1)).toMatch(/^! A model trained on shuffled labels scored 54\.1%/);
    expect(lines.some((l) => l.startsWith('!'))).toBe(false);
  });
});
