/*
 * Runs a Node script in this process and reports the process's peak resident set size:
 *
 *   node packages/trainer/bench/maxRss.mjs <script> [args...]
 *
 * The script sees its usual process.argv ([node, script, ...args]). At exit, maxRSS (kilobytes,
 * from getrusage) is written to the file named by $CANDLECAST_MAXRSS_FILE, else to stderr.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const script = process.argv[2];
if (!script) {
  process.stderr.write('usage: node maxRss.mjs <script> [args...]\n');
  process.exit(2);
}
process.on('exit', () => {
  const line = `${process.resourceUsage().maxRSS}\n`;
  if (process.env.CANDLECAST_MAXRSS_FILE) writeFileSync(process.env.CANDLECAST_MAXRSS_FILE, line);
  else process.stderr.write(`maxRSS kB ${line}`);
});
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(script)).href);
