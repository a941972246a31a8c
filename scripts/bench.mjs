// `npm run bench`: start-up and scale figures as ratios against baselines measured in the same run,
// with the budget of docs/design.md ("Performance budget"). A benchmark, not a test: it never fails.
//   BENCH_RUNS=N (default 11) runs per scale case; the median counts. The start-up cases take a
//   tenth of a second each, so they run at least 31 times: this shared machine's noise moved a
//   median of 11 by up to 0.2x from one run of the benchmark to the next.
//   --startup: the start-up cases only (a few minutes rather than most of an hour), after building
//   with the Node that runs the benchmark (a code cache serves only the Node that made it); with
//   --baseline REF, the same cases of a build of that commit too, interleaved run by run, so that
//   a before/after comparison on this shared machine is one measurement, not two.
//   Another Node line: `/path/to/node scripts/bench.mjs --startup` (npm run bench builds with npm's).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(10, Number(process.env.BENCH_RUNS) || 11);
const startupRuns = Math.max(31, runs);
const node = process.execPath;
const bin = join(root, 'bin', 'pm-diag.js');
const work = mkdtempSync(join(tmpdir(), 'pm-diag-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: '1' };
const startupOnly = process.argv.includes('--startup');
const baselineRef = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : undefined;
if (baselineRef !== undefined && !startupOnly) throw new Error('--baseline goes with --startup');

// DESIGN.md, "Performance budget": Node 22 and later start about 2.5x faster bare, so against their
// own `node -e 0` the same work has a wider ratio.
const nodeMajor = Number(process.versions.node.split('.')[0]);
const STARTUP_BUDGET = nodeMajor === 20 ? { bare: 1.3, report: 1.5 } : { bare: 1.5, report: 2.5 };

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

/** A start-up run's wall-clock and CPU milliseconds (scripts/bench-cpu.cjs reports the CPU time). */
function runWithCpu(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, ['--require', join(root, 'scripts', 'bench-cpu.cjs'), ...args], { env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  return { ms, cpu: Number(String(result.output[3])) };
}

/** Runs each command `count` times, interleaved so that machine noise falls on all of them alike. */
function timings(commands, count = runs) {
  const times = commands.map(() => []);
  for (const args of commands) run(args); // warm the file cache
  for (let i = 0; i < count; i++) commands.forEach((args, c) => times[c].push(run(args)));
  return times;
}
const medians = (commands, count) => timings(commands, count).map(median);

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

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const printRows = () => {
  console.log(`${pad('case', 48)}${lpad('median', 10)}  ${pad('against', 22)}${lpad('median', 10)}${lpad('ratio', 8)}${lpad('budget', 8)}  verdict`);
  for (const r of rows) {
    console.log(`${pad(r.name, 48)}${lpad(r.ms.toFixed(0) + ' ms', 10)}  ${pad(r.baseName, 22)}${lpad(r.baseMs.toFixed(0) + ' ms', 10)}${lpad(r.ratio.toFixed(2) + 'x', 8)}${lpad(r.budget + 'x', 8)}  ${r.verdict}${r.note ? ` (${r.note})` : ''}`);
  }
};

/** Builds with the Node running the benchmark, whose code cache is the one that counts. */
function buildAt(dir) {
  const result = spawnSync(node, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`the build in ${dir} failed`);
}

/** A build of another commit, in a scratch folder that borrows this checkout's node_modules. */
function baselineBuild(ref) {
  const dir = join(work, 'baseline');
  mkdirSync(dir);
  const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', ref], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  buildAt(dir);
  return join(dir, 'bin', 'pm-diag.js');
}

/** The start-up cases for each build, with their budgets; one interleaved measurement for all. */
function startupRows(builds) {
  const example = join(root, 'examples', 'launch-orphaned.yaml');
  const cases = [
    ['pm-diag --version', ['--version'], STARTUP_BUDGET.bare],
    ['pm-diag --help', ['--help'], STARTUP_BUDGET.bare],
    ['assess --answers --format markdown', ['assess', '--answers', example, '--format', 'markdown'], STARTUP_BUDGET.report],
    ['assess --answers --format html', ['assess', '--answers', example, '--format', 'html'], STARTUP_BUDGET.report],
    ['form --out questionnaire.html', ['form', '--out', join(work, 'questionnaire.html')], STARTUP_BUDGET.report],
  ];
  const commands = [['-e', '0'], ...cases.flatMap(([, args]) => builds.map(([, program]) => [program, ...args]))];
  for (const args of commands) runWithCpu(args); // warm the file cache
  const samples = commands.map(() => []);
  for (let i = 0; i < startupRuns; i++) commands.forEach((args, c) => samples[c].push(runWithCpu(args)));
  const [bare, ...own] = samples.map((runs) => ({ ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpu)), runs }));
  cases.forEach(([name, , budget], c) =>
    builds.forEach(([label], b) => {
      const mine = own[c * builds.length + b];
      const first = own[c * builds.length];
      // Against the first build run by run: one round's load falls on both, so this moves less.
      const paired = (key) => median(first.runs.map((r, i) => r[key] / mine.runs[i][key])).toFixed(2);
      const against = b === 0 ? '' : `; this tree ${paired('ms')}x of it run by run, ${paired('cpu')}x in CPU`;
      row(builds.length > 1 ? `${name} [${label}]` : name, mine.ms, 'node -e 0', bare.ms, budget, `CPU ${(mine.cpu / bare.cpu).toFixed(2)}x${against}`);
    }),
  );
}

try {
  if (startupOnly) {
    buildAt(root);
    const builds = [['this tree', bin], ...(baselineRef === undefined ? [] : [[baselineRef, baselineBuild(baselineRef)]])];
    console.log(`pm-diag start-up benchmark: medians of ${startupRuns} interleaved runs per case, node ${process.version}\n`);
    startupRows(builds);
    printRows();
    process.exit();
  }
  console.log(`pm-diag benchmark: medians of ${startupRuns} runs per start-up case and ${runs} per scale case, node ${process.version}\n`);
  const example = join(root, 'examples', 'launch-orphaned.yaml');
  startupRows([['this tree', bin]]);

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

  printRows();
  console.log(`\n${pad('peak memory', 36)}${lpad('MB', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, mb] of memory) console.log(`${pad(name, 36)}${lpad(mb.toFixed(1), 10)}${lpad('150', 10)}  ${mb <= 150 ? 'within' : 'OVER'}`);
  console.log(`\n${pad('page size', 36)}${lpad('KB', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, kb, budget] of sizes) console.log(`${pad(name, 36)}${lpad(kb.toFixed(1), 10)}${lpad(budget, 10)}  ${kb <= budget ? 'within' : 'OVER'}`);
  if (loads.length > 0) console.log(`\n${pad('load event in chromium', 36)}${lpad('ms', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, ms] of loads) console.log(`${pad(name, 36)}${lpad(ms.toFixed(0), 10)}${lpad('1000', 10)}  ${ms <= 1000 ? 'within' : 'OVER'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
