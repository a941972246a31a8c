#!/usr/bin/env node
// Writes a form export of many rows within the input caps, as the benchmark reads it:
//   node scripts/gen-big-sheet.mjs --rows 1000000 --out FILE.xlsx|FILE.csv [--item ID]
// Each row answers one rapid item's owner and capability, as the rows of a large anonymous form do.
import { strToU8, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    out: { type: 'string' },
    item: { type: 'string', default: 'positioning-and-messaging' },
  },
});
const rows = Number(values.rows);
if (!values.out || !Number.isInteger(rows) || rows < 1 || !/\.(xlsx|csv)$/.test(values.out)) {
  console.error('usage: gen-big-sheet.mjs --rows N --out FILE.xlsx|FILE.csv [--item ID]');
  process.exit(2);
}
const owner = `[${values.item}.owner]`;
const capability = `[${values.item}.capability]`;
const levelOf = (r) => (r % 5) + 1;

if (values.out.endsWith('.csv')) {
  const lines = [`Who owns it? ${owner},How capable? ${capability}`];
  for (let r = 0; r < rows; r++) lines.push(`pm,${levelOf(r)}`);
  writeFileSync(values.out, lines.join('\n') + '\n');
} else {
  const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const sheet = [
    `<row r="1">${inline('A1', `Who owns it? ${owner}`)}${inline('B1', `How capable? ${capability}`)}</row>`,
  ];
  for (let r = 2; r <= rows + 1; r++)
    sheet.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>${levelOf(r)}</v></c></row>`);
  const relationship = (id, type, target) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const parts = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships>${relationship('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    'xl/workbook.xml':
      '<workbook xmlns:r="r"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `<Relationships>${relationship('rId1', 'worksheet', 'worksheets/sheet1.xml')}${relationship('rId2', 'sharedStrings', 'sharedStrings.xml')}</Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${sheet.join('')}</sheetData></worksheet>`,
    'xl/sharedStrings.xml': '<sst><si><t>PM</t></si></sst>',
  };
  const files = Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)]));
  writeFileSync(values.out, zipSync(files, { level: 9 }));
}
console.error(`wrote ${rows} rows to ${values.out}`);
