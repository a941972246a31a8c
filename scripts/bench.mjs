// `npm run bench`: start-up and scale figures as ratios against baselines measured in the same run,
// with the budgets of docs/design.md ("Performance budget"). A benchmark, not a test: it never fails.
//   BENCH_RUNS=N (default 11) runs per scale case, 31 or more per start-up case; medians count.
//   --startup          the start-up table only (a few minutes).
//   --baseline REF     with --startup: the same cases for a build of commit REF too, interleaved.
//   --nodes 22,24,26   the start-up table on these Node lines as well (installed with npm, as CI does).
// Every process runs without NODE_EXTRA_CA_CERTS: a stock Node. Node 20 parses that certificate
// bundle at start-up, which would hide the program's own cost.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: { startup: { type: 'boolean' }, baseline: { type: 'string' }, nodes: { type: 'string' } },
});
if (opts.baseline !== undefined && !opts.startup) throw new Error('--baseline goes with --startup');
const runs = Math.max(10, Number(process.env.BENCH_RUNS) || 11);
const startupRuns = Math.max(31, runs);
const bin = join(root, 'bin', 'pm-diag.js');
const work = mkdtempSync(join(tmpdir(), 'pm-diag-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;

/** Start-up budgets by Node line: the maintained lines have one; Node 20 (end of life) has none. */
const startupBudget = (major) => (major >= 22 ? { bare: 1.5, report: 2.5 } : undefined);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** One run's wall time (ms); its stdout goes to /dev/null, or with `toFile` to a file, as `> report.html` does. */
function run(node, args, extraEnv = {}, toFile = false) {
  const stdout = toFile ? openSync(join(work, 'stdout'), 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', stdout, 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (toFile) closeSync(stdout);
  if (result.status !== 0) {
    throw new Error(`${node} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  }
  return ms;
}

/** Runs each command `count` times, interleaved so that machine noise falls on all of them alike. */
function medians(node, commands, count = runs, toFile = false) {
  const times = commands.map(() => []);
  for (const args of commands) run(node, args, {}, toFile); // warm the file cache (and Node's compile cache)
  for (let i = 0; i < count; i++) commands.forEach((args, c) => times[c].push(run(node, args, {}, toFile)));
  return times.map(median);
}

/** One run's peak memory (MB) and time (ms). */
function peak(args) {
  const file = join(work, 'rss');
  const preload = pathToFileURL(join(root, 'scripts', 'bench-rss.mjs')).href;
  const ms = run(process.execPath, ['--import', preload, ...args], { PM_DIAG_BENCH_RSS: file });
  return { mb: Number(readFileSync(file, 'utf8')) / 1024, ms };
}
const peakMb = (args) => peak(args).mb;

/** A million-row export within the caps (scripts/gen-big-sheet.mjs). */
function bigSheet(file) {
  const args = [join(root, 'scripts', 'gen-big-sheet.mjs'), '--rows', '1000000', '--out', join(work, file)];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('gen-big-sheet failed');
  return join(work, file);
}

function generate(count, format, dir) {
  const gen = join(root, 'scripts', 'gen-respondents.mjs');
  const args = [gen, '--count', String(count), '--out', dir, '--format', format];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('gen-respondents failed');
  return format === 'csv' ? join(dir, 'respondents.csv') : dir;
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
function table(title, rows) {
  console.log(`\n${title}`);
  console.log(
    `${pad('case', 46)}${lpad('median', 10)}  ${pad('against', 24)}${lpad('median', 10)}` +
      `${lpad('ratio', 8)}${lpad('budget', 8)}  verdict`,
  );
  for (const r of rows) {
    const ratio = r.ms / r.baseMs;
    const verdict = r.budget === undefined ? 'no budget' : ratio <= r.budget ? 'within' : 'OVER';
    console.log(
      `${pad(r.name, 46)}${lpad(`${r.ms.toFixed(0)} ms`, 10)}  ${pad(r.baseName, 24)}` +
        `${lpad(`${r.baseMs.toFixed(0)} ms`, 10)}${lpad(`${ratio.toFixed(2)}x`, 8)}` +
        `${lpad(r.budget === undefined ? '-' : `${r.budget}x`, 8)}  ${verdict}${r.note ? ` (${r.note})` : ''}`,
    );
  }
}

/** A Node binary of another line, installed outside the clone the way .ci/run installs it. */
function nodeLine(major) {
  const dir = join(process.env.TMPDIR ?? '/tmp', 'pm-diag-node-lines', `node${major}`);
  const node = join(dir, 'node_modules', '.bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node@${major}`],
      { stdio: 'ignore' },
    );
  }
  return node;
}

/** A build of another commit, in a scratch folder that borrows this checkout's node_modules. */
function baselineBuild(ref) {
  const dir = join(work, 'baseline');
  mkdirSync(dir);
  const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', ref], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const built = spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`the build of ${ref} failed`);
  return join(dir, 'bin', 'pm-diag.js');
}

/** The start-up cases on one Node line, for each build, with the peers on the same Node. */
function startupTable(node, builds) {
  const major = Number(execFileSync(node, ['-p', 'process.versions.node.split(".")[0]'], { env }).toString());
  const version = execFileSync(node, ['--version'], { env }).toString().trim();
  const budget = startupBudget(major);
  const example = join(root, 'examples', 'launch-orphaned.yaml');
  const cases = [
    ['--version', ['--version'], budget?.bare],
    ['--help', ['--help'], budget?.bare],
    ['assess --answers --format markdown', ['assess', '--answers', example, '--format', 'markdown'], budget?.report],
    ['assess --answers --format html', ['assess', '--answers', example, '--format', 'html'], budget?.report],
    ['form --out questionnaire.html', ['form', '--out', join(work, 'questionnaire.html')], budget?.report],
    ['report examples/team --format html', ['report', join(root, 'examples', 'team'), '--format', 'html'], budget && 3],
  ];
  const peers = [
    ['peer: tsc --version', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--version']],
    ['peer: eslint --version', [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--version']],
  ];
  const commands = [
    ['-e', '0'],
    ...cases.flatMap(([, args]) => builds.map(([, program]) => [program, ...args])),
    ...peers.map(([, args]) => args),
  ];
  // What a person does with a report: stdout to a file (`> report.html`), for every case alike.
  const [bare, ...rest] = medians(node, commands, startupRuns, true);
  const rows = [];
  cases.forEach(([name, , caseBudget], c) =>
    builds.forEach(([label], b) => {
      const ms = rest[c * builds.length + b];
      rows.push({
        name: builds.length > 1 ? `${name} [${label}]` : name,
        ms,
        baseName: 'node -e 0',
        baseMs: bare,
        budget: caseBudget,
      });
    }),
  );
  const peerMs = rest.slice(cases.length * builds.length);
  peers.forEach(([name], p) => rows.push({ name, ms: peerMs[p], baseName: 'node -e 0', baseMs: bare }));
  const mine = (c) => rest[c * builds.length];
  const fastest = Math.min(...peerMs);
  const ahead = mine(0) < fastest && mine(2) < fastest ? 'faster than both peers' : 'NOT faster than both peers';
  table(`Start-up on Node ${version}: medians of ${startupRuns} interleaved runs; pm-diag is ${ahead}`, rows);
}

try {
  const builds = [
    ['this tree', bin],
    ...(opts.baseline === undefined ? [] : [[opts.baseline, baselineBuild(opts.baseline)]]),
  ];
  const nodes = [process.execPath, ...(opts.nodes ?? '').split(',').filter(Boolean).map(nodeLine)];
  for (const node of nodes) startupTable(node, builds);
  if (opts.startup) process.exit();

  const node = process.execPath;
  const example = join(root, 'examples', 'launch-orphaned.yaml');
  const dir1000 = generate(1000, 'yaml', join(work, 'r1000'));
  const dir2000 = generate(2000, 'yaml', join(work, 'r2000'));
  const csv1000 = generate(1000, 'csv', join(work, 'csv1000'));
  const csv5000 = generate(5000, 'csv', join(work, 'csv5000'));
  const reportArgs = (input) => [bin, 'report', input, '--format', 'json'];
  const bareArgs = (input) => [join(root, 'scripts', 'bench-bare.mjs'), input];
  const exportArgs = (input, format) => [bin, 'export', input, '--out', join(work, `export.${format}`)];
  const [bare1000, report1000, report2000, bareCsv, reportCsv, reportCsv5000, exportCsv, exportParquet] = medians(
    node,
    [
      bareArgs(dir1000),
      reportArgs(dir1000),
      reportArgs(dir2000),
      bareArgs(csv1000),
      reportArgs(csv1000),
      reportArgs(csv5000),
      exportArgs(dir2000, 'csv'),
      exportArgs(dir2000, 'parquet'),
    ],
  );
  table(`Scale on Node ${process.version}: medians of ${runs} interleaved runs`, [
    { name: 'report, 1,000 files', ms: report1000, baseName: 'read+parse 1,000', baseMs: bare1000, budget: 1.5 },
    { name: 'report, 2,000 files', ms: report2000, baseName: 'report, 1,000 files', baseMs: report1000, budget: 2.2 },
    { name: 'report, 1,000-row CSV', ms: reportCsv, baseName: 'csv-parse the CSV', baseMs: bareCsv, budget: 2 },
    {
      name: 'report, 5,000-row CSV',
      ms: reportCsv5000,
      baseName: 'report, 1,000-row CSV',
      baseMs: reportCsv,
      budget: 5.5,
    },
    {
      name: 'export, 2,000 files, CSV',
      ms: exportCsv,
      baseName: 'report, 2,000 files',
      baseMs: report2000,
      budget: 1.5,
    },
    {
      name: 'export, 2,000 files, Parquet',
      ms: exportParquet,
      baseName: 'report, 2,000 files',
      baseMs: report2000,
      budget: 1.5,
    },
  ]);

  const memory = [
    ['report, 2,000 files', peakMb(reportArgs(dir2000)), 200],
    ['report, 5,000-row CSV', peakMb(reportArgs(csv5000)), 200],
    ['export, 2,000 files, Parquet', peakMb(exportArgs(dir2000, 'parquet')), 200],
    ['assess --answers', peakMb([bin, 'assess', '--answers', example, '--format', 'markdown']), 200],
  ];
  console.log(`\n${pad('peak memory', 36)}${lpad('MB', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, mb, limit] of memory) {
    console.log(`${pad(name, 36)}${lpad(mb.toFixed(1), 10)}${lpad(limit, 10)}  ${mb <= limit ? 'within' : 'OVER'}`);
  }

  // A million rows within the caps: read in seconds, under 300 MB (DESIGN.md).
  const sheet = bigSheet('million.xlsx');
  const csv = bigSheet('million.csv');
  const htmlOut = join(work, 'million.html');
  const jsonOut = join(work, 'million.json');
  const million = [
    ['validate, 1,000,000-row XLSX', [bin, 'validate', sheet], 300],
    ['report html, 1,000,000-row XLSX', [bin, 'report', sheet, '--out', htmlOut], 300],
    ['validate, 1,000,000-row CSV', [bin, 'validate', csv], 300],
    ['report html, 1,000,000-row CSV', [bin, 'report', csv, '--out', htmlOut], 300],
    ['report json, 1,000,000-row CSV', [bin, 'report', csv, '--out', jsonOut], 300],
  ];
  console.log(`\n${pad('a million rows, one run', 36)}${lpad('s', 10)}${lpad('MB', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, args, limit] of million) {
    const { mb, ms } = peak(args);
    const verdict = mb <= limit ? 'within' : 'OVER';
    console.log(
      `${pad(name, 36)}${lpad((ms / 1000).toFixed(1), 10)}${lpad(mb.toFixed(1), 10)}${lpad(limit, 10)}  ${verdict}`,
    );
  }

  // HTML page sizes and load times (DESIGN.md).
  const htmlPage = (name, args) => {
    const out = join(work, `${name}.html`);
    run(node, [bin, ...args, '--out', out]);
    return out;
  };
  const pages = [
    ['HTML report, 1 respondent', htmlPage('one', ['assess', '--answers', example]), 150],
    ['HTML report, team of 4', htmlPage('team', ['report', join(root, 'examples', 'team')]), 150],
    ['HTML report, 1,000 respondents', htmlPage('r1000', ['report', dir1000]), 1024],
    ['questionnaire, built-in bank', htmlPage('questionnaire', ['form']), 250],
    ['facilitator page (kit)', join(htmlPage('kit', ['kit']), 'facilitator.html'), 600],
  ];
  console.log(`\n${pad('page size', 36)}${lpad('KB', 10)}${lpad('budget', 10)}  verdict`);
  for (const [name, file, budget] of pages) {
    const kb = readFileSync(file).length / 1024;
    console.log(`${pad(name, 36)}${lpad(kb.toFixed(1), 10)}${lpad(budget, 10)}  ${kb <= budget ? 'within' : 'OVER'}`);
  }
  if (existsSync('/usr/bin/chromium')) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    console.log(`\n${pad('load event in chromium', 36)}${lpad('ms', 10)}${lpad('budget', 10)}  verdict`);
    for (const [name, file] of pages) {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        times.push(await page.evaluate(() => globalThis.performance.getEntriesByType('navigation')[0].loadEventEnd));
        await page.close();
      }
      const ms = median(times);
      console.log(`${pad(name, 36)}${lpad(ms.toFixed(0), 10)}${lpad('1000', 10)}  ${ms <= 1000 ? 'within' : 'OVER'}`);
    }
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
