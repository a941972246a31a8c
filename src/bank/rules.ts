import type { Problem } from '../errors.js';
import type { DocPath, ParsedDocument } from '../load/document.js';
import { pathText } from '../load/validate.js';
import { safeLine } from '../text.js';

// The rules read the parsed data as it is, not the schema's output, so that a bank with schema errors
// still gets its duplicate ids reported in the same run: every problem at once.

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

/** What a schema cannot say about a bank: ids unique across the whole bank, interlock between two functions. */
export function bankRuleProblems(doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const at = (path: DocPath, message: string, found?: string, expected?: string) =>
    problems.push({ source: doc.source, ...doc.locate(path), path: pathText(path), message, found, expected, severity: 'error' });
  const seen = new Map<string, string>();
  const claim = (itemId: unknown, path: DocPath) => {
    if (typeof itemId !== 'string') return;
    const first = seen.get(itemId);
    if (first) at(path, `duplicate id "${safeLine(itemId)}"`, undefined, `an id used once in the bank (first used at ${first})`);
    else seen.set(itemId, pathText(path));
  };
  list(field(doc.data, 'areas')).forEach((area, a) => {
    claim(field(area, 'id'), ['areas', a, 'id']);
    list(field(area, 'responsibilities')).forEach((item, r) => claim(field(item, 'id'), ['areas', a, 'responsibilities', r, 'id']));
  });
  list(field(doc.data, 'interlock')).forEach((item, i) => {
    claim(field(item, 'id'), ['interlock', i, 'id']);
    const from = field(item, 'from');
    const to = field(item, 'to');
    if ((from === 'pm' || from === 'pmm') && from === to) {
      at(['interlock', i, 'to'], 'an interlock item must go from one function to the other', from, from === 'pm' ? 'pmm' : 'pm');
    }
  });
  return problems;
}
