#!/usr/bin/env node
// Writes N respondents with deterministic pseudo-random answers, for benchmarks and manual tests:
//   node scripts/gen-respondents.mjs --count 1000 --out /tmp/answers [--format yaml|json|csv] [--seed 1] [--bank FILE]
// yaml/json: one file per respondent (respondent-0001.yaml, ...); csv: one file, respondents.csv,
// with the header of `pm-diag template --format csv`. The same arguments always give the same files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100' },
    out: { type: 'string' },
    format: { type: 'string', default: 'yaml' },
    seed: { type: 'string', default: '1' },
    bank: { type: 'string', default: join(root, 'questions', 'pm-pmm.yaml') },
  },
});
const count = Number(values.count);
if (!values.out || !Number.isInteger(count) || count < 1 || !['yaml', 'json', 'csv'].includes(values.format)) {
  console.error('usage: gen-respondents.mjs --count N --out DIR [--format yaml|json|csv] [--seed S] [--bank FILE]');
  process.exit(2);
}

/** mulberry32: a small, fast, seedable generator. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(Number(values.seed) || 1);
const pick = (list) => list[Math.floor(random() * list.length)];
const ROLES = ['pm', 'pm', 'pmm', 'pmm', 'sales', 'marketing', 'engineering', 'leadership', 'other'];
const OWNERS = ['pm', 'pmm', 'shared', 'sales', 'engineering', 'leadership', 'other', 'none', 'unclear'];

const bank = parse(readFileSync(values.bank, 'utf8'));
const items = [
  ...bank.areas.flatMap((area) => [
    ...area.responsibilities.map((r) => ({ id: r.id, kind: 'responsibility', owner: r.owner })),
    // Bank v3: practices, rated on how often they hold.
    ...(area.practices ?? []).map((p) => ({ id: p.id, kind: 'practice' })),
  ]),
  ...bank.interlock.map((i) => ({ id: i.id, kind: 'interlock' })),
];
// Each item has a "true" level; respondents scatter around it, so the aggregate looks like an organization.
const base = new Map(
  items.map((item) => [
    item.id,
    {
      capability: 1 + Math.floor(random() * 5),
      capacity: 1 + Math.floor(random() * 5),
      delivery: 1 + Math.floor(random() * 5),
      frequency: 1 + Math.floor(random() * 5),
    },
  ]),
);
const level = (centre) => {
  if (random() < 0.04) return 'unknown';
  return Math.max(1, Math.min(5, centre + pick([-1, 0, 0, 0, 1])));
};

function respondent(n) {
  const answers = {};
  for (const item of items) {
    const roll = random();
    if (roll < 0.03) continue; // skipped
    if (roll < 0.06) {
      answers[item.id] = 'n/a';
      continue;
    }
    const centre = base.get(item.id);
    const answer =
      item.kind === 'interlock'
        ? { delivery: level(centre.delivery) }
        : item.kind === 'practice'
          ? { frequency: level(centre.frequency) }
          : {
              owner: random() < 0.6 ? item.owner : pick(OWNERS),
              capability: level(centre.capability),
              capacity: level(centre.capacity),
            };
    if (random() < 0.05) answer.note = `note ${n}, with a comma and "quotes"`;
    answers[item.id] = answer;
  }
  return {
    bank: bank.id,
    organization: 'Generated Org',
    respondent: { name: `Respondent ${String(n).padStart(4, '0')}`, role: pick(ROLES) },
    answers,
  };
}

const flow = (value) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

function toYaml(r) {
  const lines = [
    `bank: ${r.bank}`,
    `organization: ${r.organization}`,
    `respondent: { name: ${r.respondent.name}, role: ${r.respondent.role} }`,
    'answers:',
  ];
  for (const [id, answer] of Object.entries(r.answers)) {
    lines.push(
      answer === 'n/a'
        ? `  ${id}: n/a`
        : `  ${id}: { ${Object.entries(answer)
            .map(([k, v]) => `${k}: ${flow(v)}`)
            .join(', ')} }`,
    );
  }
  return lines.join('\n') + '\n';
}

const csvCell = (value) => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function toCsv(respondents) {
  const columns = [['respondent'], ['role']];
  for (const item of items) {
    const axes = { interlock: ['delivery'], practice: ['frequency'] }[item.kind] ?? ['owner', 'capability', 'capacity'];
    for (const axis of [...axes, 'note']) columns.push([item.id, axis]);
  }
  const header = columns.map((c) => c.join('.')).join(',');
  const rows = respondents.map((r) =>
    columns
      .map(([id, axis]) => {
        if (axis === undefined) return csvCell(id === 'respondent' ? r.respondent.name : r.respondent.role);
        const answer = r.answers[id];
        if (answer === 'n/a') return axis === 'note' ? '' : 'n/a';
        return csvCell(answer?.[axis]);
      })
      .join(','),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}

mkdirSync(values.out, { recursive: true });
const respondents = Array.from({ length: count }, (_, i) => respondent(i + 1));
if (values.format === 'csv') {
  writeFileSync(join(values.out, 'respondents.csv'), toCsv(respondents));
} else {
  respondents.forEach((r, i) => {
    const name = `respondent-${String(i + 1).padStart(4, '0')}.${values.format}`;
    writeFileSync(join(values.out, name), values.format === 'json' ? JSON.stringify(r, null, 2) + '\n' : toYaml(r));
  });
}
console.error(
  `wrote ${count} respondents to ${values.format === 'csv' ? join(values.out, 'respondents.csv') : values.out}`,
);
