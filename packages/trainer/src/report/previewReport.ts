/**
 * Writes the sample report as HTML (and JSON) for a look in a browser:
 *   npx tsx packages/trainer/src/report/previewReport.ts [out-dir]   (default: <tmp>/candlecast-report-preview)
 * then open <out-dir>/report.html (and report-warnings.html, with the alarm box).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderReportHtml } from './renderReportHtml';
import { renderSummaryTable } from './renderSummaryTable';
import { sampleReport } from './sampleReport';

const outDir = resolve(process.argv[2] ?? join(tmpdir(), 'candlecast-report-preview'));
mkdirSync(outDir, { recursive: true });
const report = sampleReport();
writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 2));
writeFileSync(join(outDir, 'report.html'), renderReportHtml(report));
writeFileSync(join(outDir, 'report-warnings.html'), renderReportHtml(sampleReport({ warnings: true })));
process.stdout.write(`${renderSummaryTable(report)}\n\nwrote ${join(outDir, 'report.html')}\n`);
