// `npm run bench`: start-up and scale figures as ratios against baselines measured in the same run,
// with the budget of docs/design.md ("Performance budget"). A benchmark, not a test: it never fails.
//   BENCH_RUNS=N (default 11) runs per scale case; the median counts. The start-up cases take a
//   tenth of a second each, so they run at least 31 times: this shared machine's noise moved a
//   median of 11 by up to 0.2x from one run of the benchmark to the next.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(10, Number(process.env.BENCH_RUNS) || 11);
const startupRuns = Math.max(31, runs);
const node = process.execPath;
const bin = join(root, 'bin', 'pm-diag.js');
const work = mkdtempSync(join(tmpdir(), 'pm-diag-bench-'));
const env = { ...process.env, NO_COLOR: '1' };

function run(args, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs each command `count` times, interleaved so that machine noise falls on all of them alike. */
function medians(commands, count = runs) {
  const times = commands.map(() => []);
  for (const args of commands) run(args); // warm the file cache
  for (let i = 0; i < count; i++) commands.forEach((args, c) => times[c].push(run(args)));
  return times.map(median);
}

function peakMb(args) {
  const file = join(work, 'rss');
  run(['--import', pathToFileURL(join(root, 'scripts', 'bench-rss.mjs')).href, ...args], { PM_DIAG_BENCH_RSS: file });
  return Number(readFileSync(file, 'utf8')) / 1024;
}

function generate(count, format, dir) {
  const result = spawnSync(node, [join(root, 'scripts', 'gen-respondents.mjs'), '--count', String(count), '--out', dir, '--format', format], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('gen-respondents failed');
  return format === 'csv' ? join(dir, 'respondents.csv') : dir;
}

const rows = [];
const row = (name, ms, baseName, baseMs, budget, note = '') => {
  const ratio = ms / baseMs;
  rows.push({ name, ms, baseName, baseMs, ratio, budget, verdict: budget === undefined ? '' : ratio <= budget ? 'within' : 'OVER', note });
};

try {
  console.log(`pm-diag benchmark: medians of ${startupRuns} runs per start-up case and ${runs} per scale case, node ${process.version}\n`);
  const example = join(root, 'examples', 'launch-orphaned.yaml');
  const bare = ['-e', '0'];
  const [baseline, version, help, assess, assessHtml, form] = medians([
    bare,
    [bin, '--version'],
    [bin, '--help'],
    [bin, 'assess', '--answers', example, '--format', 'markdown'],
    [bin, 'assess', '--answers', example, '--format', 'html'],
    [bin, 'form', '--out', join(work, 'questionnaire.html')],
  ], startupRuns);
  row('pm-diag --version', version, 'node -e 0', baseline, 1.3);
  row('pm-diag --help', help, 'node -e 0', baseline, 1.3);
  row('assess --answers --format markdown', assess, 'node -e 0', baseline, 1.5);
  row('assess --answers --format html', assessHtml, 'node -e 0', baseline, 1.5);
  row('form --out questionnaire.html', form, 'node -e 0', baseline, 1.5);

  const dir1000 = generate(1000, 'yaml', join(work, 'r1000'));
  const dir2000 = generate(2000, 'yaml', join(work, 'r2000'));
  const csv1000 = generate(1000, 'csv', join(work, 'csv1000'));
  const reportArgs = (input) => [bin, 'report', input, '--format', 'json'];
  const bareArgs = (input) => [join(root, 'scripts', 'bench-bare.mjs'), input];
  const exportArgs = (input, format) => [bin, 'export', input, '--out', join(work, `export.${format}`)];
  const [bare1000, report1000, report2000, bareCsv, reportCsv, exportCsv2000, exportParquet2000] = medians([
    bareArgs(dir1000),
    reportArgs(dir1000),
    reportArgs(dir2000),
    bareArgs(csv1000),
    reportArgs(csv1000),
    exportArgs(dir2000, 'csv'),
    exportArgs(dir2000, 'parquet'),
  ]);
  row('report, 1,000 files', report1000, 'read+parse 1,000', bare1000, 1.5);
  row('report, 2,000 files', report2000, 'report, 1,000 files', report1000, 2.2, 'linear growth');
  row('report, 1,000-row CSV', reportCsv, 'read+parse the CSV', bareCsv, 1.5);
  row('export, 2,000 files, CSV', exportCsv2000, 'report, 2,000 files', report2000, 1.5);
  row('export, 2,000 files, Parquet', exportParquet2000, 'report, 2,000 files', report2000, 1.5);

  const memory = [
    ['report, 1,000 files', peakMb(reportArgs(dir1000).slice(0))],
    ['report, 2,000 files', peakMb(reportArgs(dir2000))],
    ['report, 1,000-row CSV', peakMb(reportArgs(csv1000))],
    ['export, 2,000 files, CSV', peakMb(exportArgs(dir2000, 'csv'))],
    ['export, 2,000 files, Parquet', peakMb(exportArgs(dir2000, 'parquet'))],
    ['assess --answers', peakMb([bin, 'assess', '--answers', example, '--format', 'markdown'])],
  ];

  // HTML page sizes (DESIGN.md): one respondent, and a team of 100 from gen-respondents.
  const htmlPage = (name, args) => {
    const out = join(work, `${name}.html`);
    const result = spawnSync(node, [bin, ...args, '--out', out], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`pm-diag ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
    return out;
  };
  const pages = [
    ['HTML report, 1 respondent', htmlPage('one', ['assess', '--answers', example]), 150],
    ['HTML report, 100 respondents', htmlPage('team', ['report', generate(100, 'yaml', join(work, 'r100'))]), 1024],
    ['questionnaire, built-in bank', htmlPage('questionnaire', ['form']), 250],
  ];
  const sizes = pages.map(([name, file, budget]) => [name, readFileSync(file).length / 1024, budget]);
  // Time to the load event in headless chromium (budget 1 s), when the machine has Debian's chromium.
  const loads = [];
  if (existsSync('/usr/bin/chromium')) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking', '--no-sandbox'] });
    for (const [name, file] of pages) {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        // Runs in the page, where performance is the page's own timeline.
        times.push(await page.evaluate(() => globalThis.performance.getEntriesByType('navigation')[0].loadEventEnd));
        await page.close();
      }
      loads.push([name, median(times)]);
    }
    await browser.close();
  }

  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`${pad('case', 36)}${lpad('median', 10)}  ${pad('against', 22)}${lpad('median', 10)}${lpad('ratio', 8)}${lpad('budget', 8)}  verdict`);
  for (const r of rows) {
    console.log(`${pad(r.name, 36)}${lpad(r.ms.toFixed(0) + ' ms', 10)}  ${pad(r.baseName, 22)}${lpad(r.baseMs.toFixed(0) + ' ms', 10)}${lpad(r.ratio.toFixed(2) + 'x', 8)}${lpad(r.budget + 'x', 8)}  ${r.verdict}${r.note ? ` (${r.note})` : ''}`);
  }
  console.log(`\n${pad('peak memory', 36)}${lpad('MB', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, mb] of memory) console.log(`${pad(name, 36)}${lpad(mb.toFixed(1), 10)}${lpad('150', 10)}  ${mb <= 150 ? 'within' : 'OVER'}`);
  console.log(`\n${pad('page size', 36)}${lpad('KB', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, kb, budget] of sizes) console.log(`${pad(name, 36)}${lpad(kb.toFixed(1), 10)}${lpad(budget, 10)}  ${kb <= budget ? 'within' : 'OVER'}`);
  if (loads.length > 0) console.log(`\n${pad('load event in chromium', 36)}${lpad('ms', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, ms] of loads) console.log(`${pad(name, 36)}${lpad(ms.toFixed(0), 10)}${lpad('1000', 10)}  ${ms <= 1000 ? 'within' : 'OVER'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
