import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The package as a user gets it: packed, installed into an empty folder, run from there.

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;
let files: string[];
let app: string;
let installOutput: string;

function installed(args: string[]) {
  const result = spawnSync(join(app, 'node_modules', '.bin', 'pm-diag'), args, {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pm-diag-pack-'));
  // npm test has just built dist/: pack it as it is (the pack scripts only trim the manifest).
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  const install = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed[0]!.filename)],
    { cwd: app, encoding: 'utf8' },
  );
  installOutput = `${install.stdout}${install.stderr}`;
  if (install.status !== 0) throw new Error(installOutput);
  copyFileSync(join(ROOT, 'examples', 'mature.yaml'), join(app, 'answers.yaml'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the runnable CLI, the bank and the docs, and nothing else', () => {
    expect(files).toContain('bin/pm-diag.js');
    expect(files).toContain('bin/package.json');
    expect(files).toContain('dist/pm-diag.cjs');
    expect(files).toContain('dist/facilitator-script.js');
    expect(files).toContain('dist/profile.json');
    expect(files).toContain('dist/pm-pmm.json');
    expect(files).toContain('questions/pm-pmm.yaml');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    const unexpected = files.filter(
      (f) => !/^(bin|dist|questions)\//.test(f) && !['package.json', 'README.md', 'LICENSE'].includes(f),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => /\.(map|ts)$/.test(f) || f.startsWith('test/') || f.startsWith('src/'))).toEqual([]);
  });

  it('installs without an install-time script or a warning: the published manifest has no development scripts', () => {
    const published = JSON.parse(readFileSync(join(app, 'node_modules', 'pm-diag', 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(published.scripts).toBeUndefined();
    expect(published.devDependencies).toBeUndefined();
    expect(installOutput).not.toMatch(/warn/i);
    // The clone's own manifest is back as it was.
    expect(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
        .prepare,
    ).toBeDefined();
  });

  it('needs no dependencies at run time: everything is bundled', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    for (const field of ['description', 'keywords', 'license', 'repository', 'bin', 'files', 'engines', 'type'])
      expect(pkg[field], field).toBeDefined();
  });

  it('runs --version, roles and assess --answers from an empty folder', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = installed(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });

    const roles = installed(['roles']);
    expect(roles.code).toBe(0);
    expect(roles.stdout).toContain('MARKET INSIGHT');
    expect(roles.stdout).toContain('INTERLOCK');

    const report = installed(['assess', '--answers', 'answers.yaml', '--format', 'json']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { bank: { id: string }; summary: { readiness: number } };
    expect(json.bank.id).toBe('pm-pmm-diagnostic');
    expect(json.summary.readiness).toBeGreaterThan(70);
  });
});
