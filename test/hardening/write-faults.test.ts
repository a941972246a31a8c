import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { InputError } from '../../src/core/errors.js';
import { exitCodeFor } from '../../src/io/exit.js';
import { writeFileAtomic } from '../../src/io/write.js';
import { LAUNCH_SCRIPT, captureOutput, stagelessBank, runFlow } from '../interactive/helpers.js';

// A write that fails half-way, injected under src/io/write.ts: the file it replaces is untouched and
// no temp file is left. (test/hardening/cases.test.ts does the same to the built binary, case 19.)

type Fault = 'crash' | 'ENOSPC' | 'short' | 'short, then full';
const fault = vi.hoisted(() => ({ kind: undefined as Fault | undefined, skip: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, data: string, ...rest: never[]) => {
    if (fd <= 2 || fault.kind === undefined || fault.skip-- > 0) return fs.writeSync(fd, data, ...rest);
    if (fault.kind === 'short' || fault.kind === 'short, then full') {
      // What a disk with little room does: it takes part of the write and says how much.
      fault.kind = fault.kind === 'short' ? undefined : 'ENOSPC';
      return fs.writeSync(fd, Buffer.from(data).subarray(0, Buffer.byteLength(data) >> 1));
    }
    fs.writeSync(fd, String(data).slice(0, String(data).length >> 1));
    if (fault.kind === 'crash') throw new Error('injected crash in the middle of a write');
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  fault.kind = undefined;
  fault.skip = 0;
});

function folderWith(name: string, content: string): { folder: string; path: string } {
  const folder = mkdtempSync(join(dir, 'f-'));
  const path = join(folder, name);
  writeFileSync(path, content);
  return { folder, path };
}

describe('writeFileAtomic, failing in the middle of the write', () => {
  it('a system error (a full disk): exit 2 naming the file, the old file untouched, no temp file', () => {
    const { folder, path } = folderWith('report.md', 'the old report\n');
    fault.kind = 'ENOSPC';
    let error: unknown;
    try {
      writeFileAtomic(path, 'a new report, long enough to be cut in half\n');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => p.message)).toEqual(['cannot write the file: the disk is full']);
    expect(readFileSync(path, 'utf8')).toBe('the old report\n');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('a crash (a bug): the same error goes on, an internal error (exit 70); the old file untouched, no temp file', () => {
    const { folder, path } = folderWith('report.json', '{"old": true}\n');
    fault.kind = 'crash';
    expect(() => writeFileAtomic(path, '{"new": true}\n')).toThrow('injected crash in the middle of a write');
    const output = captureOutput();
    try {
      expect(exitCodeFor(new Error('injected crash in the middle of a write'), false)).toBe(70);
    } finally {
      output.restore();
    }
    expect(readFileSync(path, 'utf8')).toBe('{"old": true}\n');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('a write that takes part of the text: the rest is written, and the file is whole', () => {
    const { folder, path } = folderWith('report.md', 'old\n');
    fault.kind = 'short';
    const report = `${'a long report — with text beyond ASCII, ✓ \n'.repeat(50)}`;
    writeFileAtomic(path, report);
    expect(fault.kind).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(report);
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('a write that takes part of the text, then a full disk: exit 2, the old file untouched, no temp file', () => {
    const { folder, path } = folderWith('report.md', 'the old report\n');
    fault.kind = 'short, then full';
    expect(() => writeFileAtomic(path, 'a new report, cut short by a full disk\n')).toThrow(InputError);
    expect(readFileSync(path, 'utf8')).toBe('the old report\n');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('works again once the fault is gone', () => {
    const { folder, path } = folderWith('report.md', 'old\n');
    writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });
});

describe('the interactive flow, when saving an answer fails', () => {
  it.each(['ENOSPC', 'crash'] as const)(
    '%s at the fifth save: the file keeps the four saves before it, and no temp file',
    async (kind) => {
      const { folder, path } = folderWith('answers.yaml', '');
      rmSync(path);
      // Saves: before the first question, then after organization, name, role, owner, capability...
      fault.kind = kind;
      fault.skip = 4;
      const output = captureOutput();
      let result: Awaited<ReturnType<typeof runFlow>>;
      try {
        result = await runFlow(LAUNCH_SCRIPT, { savePath: path, areas: ['launch'] });
      } finally {
        output.restore();
      }
      if (kind === 'ENOSPC') expect(result.error).toBeInstanceOf(InputError);
      else expect(result.error).toMatchObject({ message: 'injected crash in the middle of a write' });
      const { respondent } = parseAnswers({ source: path, text: readFileSync(path, 'utf8') }, stagelessBank());
      expect(respondent).toMatchObject({ organization: 'Acme Corp', name: 'Dana Lee', role: 'pmm' });
      expect(respondent.answers.size).toBe(0);
      expect(readdirSync(folder)).toEqual(['answers.yaml']);
    },
  );
});
