import type { Problem } from '../errors.js';
import type { DocPath, ParsedDocument } from '../load/document.js';
import { pathText } from '../load/validate.js';
import type { Bank } from './schema.js';

/** What a schema cannot say about a bank: ids unique across the whole bank, interlock between two functions. */
export function bankRuleProblems(bank: Bank, doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const at = (path: DocPath, message: string, found?: string, expected?: string) =>
    problems.push({ source: doc.source, ...doc.locate(path), path: pathText(path), message, found, expected, severity: 'error' });
  const seen = new Map<string, string>();
  const claim = (itemId: string, path: DocPath) => {
    const first = seen.get(itemId);
    if (first) at(path, `duplicate id "${itemId}"`, undefined, `an id used once in the bank (first used at ${first})`);
    else seen.set(itemId, pathText(path));
  };
  bank.areas.forEach((area, a) => {
    claim(area.id, ['areas', a, 'id']);
    area.responsibilities.forEach((item, r) => claim(item.id, ['areas', a, 'responsibilities', r, 'id']));
  });
  bank.interlock.forEach((item, i) => {
    claim(item.id, ['interlock', i, 'id']);
    if (item.from === item.to) at(['interlock', i, 'to'], 'an interlock item must go from one function to the other', item.to, item.from === 'pm' ? 'pmm' : 'pm');
  });
  return problems;
}
