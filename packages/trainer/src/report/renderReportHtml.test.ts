import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './renderReportHtml';
import { sampleReport } from './sampleReport';
import type { Report } from './Report';

const report = sampleReport();
const html = renderReportHtml(report);

/** Open/close tag balance, void and self-closed (`/>`) elements skipped: "well-formed enough". */
function unbalancedTags(page: string): string[] {
  const voids = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);
  const stack: string[] = [];
  const problems: string[] = [];
  const body = page.replace(/<!DOCTYPE[^>]*>/i, '').replace(/<style>[\s\S]*?<\/style>/, '');
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing || voids.has(name.toLowerCase())) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${match.index}`);
  }
  return [...problems, ...stack.map((name) => `<${name}> never closed`)];
}

describe('renderReportHtml', () => {
  it('is one balanced HTML document', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('loads nothing from anywhere: no URLs, scripts, stylesheets links or fonts', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|@font-face/i);
  });

  it('has a comparison-table row for every model and every baseline', () => {
    const table = html.slice(html.indexOf('<table class="comparison">'), html.indexOf('</table>', html.indexOf('<table class="comparison">')));
    for (const name of [...Object.keys(report.models), ...Object.keys(report.baselines)]) {
      expect(table).toContain(`data-row="${name}"`);
    }
    expect(table).toMatch(/class="baseline best-baseline" data-row="reverseLast"/);
    // The ensemble's +0.23 pt gain is shown with an interval containing zero, labelled noise.
    expect(table).toMatch(/data-row="ensemble">.*?\+0\.23 pt<span class="ci">\[−0\.51, \+0\.96\]<\/span>.*?class="tag noise"/);
  });

  it('draws one <svg> per chart', () => {
    const models = Object.keys(report.models).length;
    const costLevels = report.backtest.ensemble.length;
    const importance = Object.keys(report.featureImportance).length;
    // forest plot + reliability and confusion per model + coverage + equity per cost level + importance per model + attention
    const expected = 1 + 2 * models + 1 + costLevels + importance + 1;
    expect(html.match(/<svg /g)).toHaveLength(expected);
    expect(html.match(/<\/svg>/g)).toHaveLength(expected);
  });

  it('puts a clean run in a green box and warnings in an alarm box', () => {
    expect(html).toContain('class="box ok"');
    expect(html).not.toContain('class="box alarm"');
    const warned = renderReportHtml(sampleReport({ warnings: true }));
    expect(warned).toMatch(/<div class="box alarm" role="alert"><h3>⚠ One leakage warning/);
    expect(warned).toContain('A model trained on shuffled labels scored 54.1%');
  });

  it('escapes names and leaves optional parts out', () => {
    const odd: Report = structuredClone(report);
    odd.models['<b>x&y</b>'] = odd.models.lstm;
    odd.baselines.randomForest = null;
    odd.featureImportance = {};
    delete odd.attention;
    const page = renderReportHtml(odd);
    expect(page).toContain('&lt;b&gt;x&amp;y&lt;/b&gt;');
    expect(page).not.toContain('<b>x&y</b>');
    expect(page).toMatch(/data-row="randomForest">.*?not trained/);
    expect(page).not.toContain('id="importance"');
    expect(page).not.toContain('id="attention"');
    expect(unbalancedTags(page)).toEqual([]);
  });
});

describe('sampleReport', () => {
  it('survives a JSON round trip unchanged (no NaN, no undefined)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('keeps every equity curve within 500 points and accuracies within [0, 1]', () => {
    for (const entries of Object.values(report.backtest)) for (const entry of entries) expect(entry.equity.length).toBeLessThanOrEqual(500);
    for (const model of Object.values(report.models)) {
      expect(model.accuracy).toBeGreaterThan(0);
      expect(model.accuracy).toBeLessThan(1);
      expect(Object.keys(model.precisionAtCoverage).sort()).toEqual(['0.1', '0.2', '0.5', '1']);
      expect(model.precisionAtCoverage['1']).toBe(model.accuracy);
    }
    expect(report.data.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
