import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { RAPID_BANK_PATH } from '../form/helpers.js';

// `pm-diag kit --out DIR`: the questionnaire exactly as `form` writes it, and the facilitator page:
// within its size budget, its one inline script allowed by its hash and nothing else allowed to load.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-kit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MAX_PAGE_BYTES = 600 * 1024;

describe('pm-diag kit', () => {
  const dir = join(scratch, 'new', 'kit');
  const options = ['--form', 'rapid', '--organization', 'Acme Corp'];
  const made = runCli(['kit', '--out', dir, ...options]);

  it('makes the folder and writes the two files, saying nothing', () => {
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe('');
    expect(made.stderr).toBe('');
  });

  it('writes the questionnaire form writes with the same options', () => {
    const form = runCli(['form', '--out', '-', ...options]);
    expect(form.code, form.stderr).toBe(0);
    expect(readFileSync(join(dir, 'questionnaire.html'), 'utf8')).toBe(form.stdout);
  });

  it('writes a facilitator page within its budget, whose policy allows only its own script', () => {
    const page = readFileSync(join(dir, 'facilitator.html'), 'utf8');
    expect(statSync(join(dir, 'facilitator.html')).size).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(csp).toBe(
      `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; ` +
        "connect-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page).toContain('<label for="kit-add">Add answers</label>');
    for (const name of ['Download report (HTML)', 'Download report (markdown)', 'Download report (JSON)', 'Print']) {
      expect(page).toContain(`>${name}</button>`);
    }
  });

  it('writes over an earlier kit in the same folder', () => {
    const again = runCli(['kit', '--out', dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'questionnaire.html'), 'utf8')).toContain('full form');
  });

  it('refuses an --out that is a file, or none, with what to do', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    const onFile = runCli(['kit', '--out', file]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain(
      'is a file; expected a folder (the kit writes questionnaire.html and facilitator.html in it)',
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
    const dash = runCli(['kit', '--out', '-']);
    expect(dash.code).toBe(2);
    expect(dash.stdout).toBe('');
    const none = runCli(['kit']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--out');
  });

  it('refuses a bad --form or --stage before writing anything', () => {
    const out = join(scratch, 'bad');
    const form = runCli(['kit', '--out', out, '--form', 'quick']);
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('--form: found "quick", expected rapid or full');
    const stage = runCli(['kit', '--out', out, '--stage', 'seed']);
    expect(stage.code).toBe(2);
    expect(() => statSync(out)).toThrow();
  });

  it('carries the --bank given, in both files', () => {
    const out = join(scratch, 'own-bank');
    const r = runCli(['kit', '--bank', RAPID_BANK_PATH, '--form', 'rapid', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const own = parse(readFileSync(RAPID_BANK_PATH, 'utf8')) as { id: string; title: string };
    const page = readFileSync(join(out, 'facilitator.html'), 'utf8');
    const data = /<script type="application\/json" id="pm-diag-kit">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(data).bank).toMatchObject({ id: own.id, title: own.title });
    const form = runCli(['form', '--bank', RAPID_BANK_PATH, '--form', 'rapid', '--out', '-']);
    expect(readFileSync(join(out, 'questionnaire.html'), 'utf8')).toBe(form.stdout);
  });

  it('is listed in the help', () => {
    expect(runCli(['--help']).stdout).toMatch(/^\s+kit\b.*facilitator/m);
  });
});
