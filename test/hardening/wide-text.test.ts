import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WIDTH } from '../../src/core/render/layout.js';
import { displayWidth, sliceToWidth } from '../../src/core/text.js';
import { ANSWERS, MINIMAL_BANK, run, scratchDir } from './helpers.js';

// The terminal layout counts cells, not characters: a CJK character or an emoji takes two, so a
// column padded by characters ran past 80 columns.

const { write } = scratchDir('wide');

/** An independent count: CJK ideographs, kana, Hangul, full-width forms and picture emoji take two cells; joiners and selectors none. */
function cells(line: string): number {
  let n = 0;
  let joined = false;
  for (const ch of line) {
    if (joined || ch === '\u200d' || ch === '\ufe0f' || /\p{M}/u.test(ch)) n += 0;
    else if (/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60]|\p{Emoji_Presentation}/u.test(ch)) n += 2;
    else n += 1;
    joined = ch === '\u200d';
  }
  return n;
}

const TITLE = '市场问题的发现与验证以及客户访谈计划和竞争分析报告的整理';
const bank = write(
  'wide-bank.yaml',
  readFileSync(MINIMAL_BANK, 'utf8')
    .replace('title: Market problems', `title: ${TITLE}`)
    .replace('title: Launch cadence', 'title: 発売のリズムと製品マーケティングへの更新の頻度と品質 🚀🚀🚀')
    .replace('title: Insight', 'title: 인사이트와 시장 조사 그리고 고객 이해'),
);
const answers = write(
  'wide-answers.yaml',
  readFileSync(`${ANSWERS}/minimal-complete.yaml`, 'utf8')
    .replace(
      'organization: Acme Corp',
      'organization: 北风分析有限公司北风分析有限公司北风分析有限公司北风分析有限公司北风分析有限公司北风分析',
    )
    .replace('name: Dana Lee', 'name: 李大娜 👩‍👩‍👧‍👦')
    .replace(
      'note: Mostly from sales calls.',
      'note: 大部分来自销售电话 😀 以及一些客户访谈，我们需要更系统的方法来收集这些信息并且分享给整个团队使用',
    ),
);

const later = write(
  'wide-later.yaml',
  readFileSync(answers, 'utf8').replace('capability: 3', 'capability: 5').replace('{ delivery: 4 }', '{ delivery: 2 }'),
);

describe('wide characters in the terminal layout', () => {
  it.each([
    ['assess', ['assess', '--answers', answers, '--bank', bank, '--format', 'terminal']],
    ['roles', ['roles', '--bank', bank]],
    ['compare', ['compare', answers, later, '--bank', bank]],
  ])('%s: no line is wider than the layout', (_name, args) => {
    const result = run(args);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(result.stdout).toContain(TITLE.slice(0, 10));
    const wide = lines.filter((line) => cells(line) > WIDTH);
    expect(wide).toEqual([]);
  });

  it('padded columns line up: a wide title takes as many cells as a narrow one', () => {
    const result = run(['assess', '--answers', answers, '--bank', bank]);
    const row = (text: string) => result.stdout.split('\n').find((line) => line.includes(text));
    const wideRow = row('発売のリズム');
    expect(wideRow, result.stdout).toBeDefined();
    const at = (line: string, marker: string) => cells(line.slice(0, line.indexOf(marker)));
    const narrowRow = result.stdout.split('\n').find((line) => line.includes(' delivery ') && !line.includes('発売'));
    expect(narrowRow).toBeDefined();
    expect(at(wideRow!, ' delivery ')).toBe(at(narrowRow!, ' delivery '));
  });
});

describe('displayWidth and sliceToWidth', () => {
  it('count cells: ASCII one, CJK and emoji two, joiners and combining marks none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('北风')).toBe(4);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('👩‍👩‍👧‍👦')).toBe(2);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('a\u200bb')).toBe(2);
  });

  it('never cut a wide character in half', () => {
    expect(sliceToWidth('北风分析', 5)).toBe('北风');
    expect(sliceToWidth('ab北', 3)).toBe('ab');
    expect(sliceToWidth('abc', 2)).toBe('ab');
  });
});
