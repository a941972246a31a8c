// The benchmark's baseline for `report`: only reads and parses the same inputs, nothing else.
//   node scripts/bench-bare.mjs DIR        every .yaml file in DIR, with yaml.parse
//   node scripts/bench-bare.mjs FILE.csv   one CSV export, with csv-parse
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

const input = process.argv[2];
let count = 0;
if (input.endsWith('.csv')) {
  count = parseCsv(readFileSync(input, 'utf8'), { columns: true, bom: true }).length;
} else {
  for (const name of readdirSync(input).sort()) {
    if (!name.endsWith('.yaml')) continue;
    parseYaml(readFileSync(join(input, name), 'utf8'));
    count++;
  }
}
if (count === 0) process.exit(1);
