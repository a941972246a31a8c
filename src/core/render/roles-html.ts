import type { Bank } from '../bank/schema.js';
import { list, p, page, section, table } from './html/page.js';
import { functionName } from '../bank/items.js';
import { OWNER_LABEL, countsText, describedFunctions, directionsOf, mandateOf, owes, practicesText } from './roles.js';
import { esc } from './svg/markup.js';

// The role map as one HTML page, with the words and tables of the markdown role map.

export function renderRolesHtml(bank: Bank): string {
  const functions = table(
    'Functions',
    ['Function', 'Mandate'],
    describedFunctions(bank).map((f) => [esc(functionName(bank, f)), esc(mandateOf(bank, f))]),
  );
  const areas = bank.areas.map((area) =>
    section(
      `area-${htmlId(area.id)}`,
      area.title,
      area.description ? p(area.description) : '',
      area.responsibilities.length === 0
        ? ''
        : table(
            area.title,
            ['Responsibility', 'Owner', 'Weight', 'Question'],
            area.responsibilities.map((item) => [
              esc(item.title),
              OWNER_LABEL[item.owner],
              String(item.weight),
              esc(item.question),
            ]),
            [2],
          ),
      practicesText(area) === undefined ? '' : p(practicesText(area)!),
    ),
  );
  const interlock = section(
    'interlock',
    'Interlock: what each function owes another',
    ...directionsOf(bank).map(([from, to]) =>
      table(
        owes(bank, from, to),
        ['Deliverable', 'Weight', 'Question'],
        bank.interlock
          .filter((i) => i.from === from && i.to === to)
          .map((item) => [esc(item.title), String(item.weight), esc(item.question)]),
        [1],
      ),
    ),
  );
  const intro = [
    functions,
    p(`Recommended owners: ${countsText(bank).replace(/ \u00b7 /g, ', ')}. Weight: 3 = critical, 1 = lighter.`),
    list([esc('Assess how your organization performs on each: pm-diag assess')]),
  ];
  return page(
    `${bank.title}: the role map`,
    `<header><h1>${esc(bank.title)}: the role map</h1></header>\n<main>\n${intro.join('\n')}\n${areas.join('\n')}\n${interlock}\n</main>`,
  );
}

/** An area id as part of an HTML id: ids come from a file, so only letters, digits and dashes are kept. */
const htmlId = (id: string) => id.replace(/[^A-Za-z0-9-]/g, '-');
