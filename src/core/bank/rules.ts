import type { Problem } from '../errors.js';
import type { DocPath, ParsedDocument } from '../document/document.js';
import { pathText } from '../document/validate.js';
import { safeLine } from '../text.js';

// The rules read the parsed data as it is, not the schema's output, so that a bank with schema errors
// still gets its duplicate ids reported in the same run: every problem at once.

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** The lists of an area that hold items. */
const AREA_ITEM_LISTS = ['responsibilities', 'practices'] as const;

const keysOf = (value: unknown): string[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];

/**
 * What a schema cannot say about a bank: ids unique across the whole bank, interlock between two
 * functions, stages that exist, contributors other than the accountable owner, migrations that lead
 * to items of this version.
 */
export function bankRuleProblems(doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const at = (path: DocPath, message: string, found?: string, expected?: string) =>
    problems.push({
      source: doc.source,
      ...doc.locate(path),
      path: pathText(path),
      message,
      found,
      expected,
      severity: 'error',
    });
  const seen = new Map<string, string>();
  const claim = (itemId: unknown, path: DocPath) => {
    if (typeof itemId !== 'string') return;
    const first = seen.get(itemId);
    if (first)
      at(path, `duplicate id "${safeLine(itemId)}"`, undefined, `an id used once in the bank (first used at ${first})`);
    else seen.set(itemId, pathText(path));
  };
  list(field(doc.data, 'areas')).forEach((area, a) => {
    claim(field(area, 'id'), ['areas', a, 'id']);
    for (const kind of AREA_ITEM_LISTS)
      list(field(area, kind)).forEach((item, r) => claim(field(item, 'id'), ['areas', a, kind, r, 'id']));
    if (list(field(area, 'responsibilities')).length + list(field(area, 'practices')).length === 0)
      at(['areas', a], 'an area with no items', undefined, 'at least one responsibility or practice');
  });
  const stages = keysOf(field(doc.data, 'stages'));
  const stageChoices =
    stages.length === 0
      ? `no stage: the bank declares none (add "stages")`
      : `one of the bank's stages: ${stages.join(', ')}`;
  const checkStage = (stage: unknown, path: DocPath) => {
    if (typeof stage === 'string' && !stages.includes(stage))
      at(path, `unknown stage "${safeLine(stage)}"`, undefined, stageChoices);
  };
  const defaultStage = field(doc.data, 'default-stage');
  checkStage(defaultStage, ['default-stage']);
  /** An item's `stages`, `targets` and `owners` name only stages the bank declares. */
  const checkItemStages = (item: unknown, path: DocPath) => {
    list(field(item, 'stages')).forEach((stage, s) => checkStage(stage, [...path, 'stages', s]));
    for (const key of ['targets', 'owners']) {
      for (const stage of keysOf(field(item, key))) {
        if (!stages.includes(stage))
          at([...path, key, stage], `unknown stage "${safeLine(stage)}"`, undefined, stageChoices);
      }
    }
  };
  /** Contributors other than the accountable owner, each once. */
  const checkContributors = (owned: unknown, path: DocPath) => {
    const owner = field(owned, 'owner');
    const accountable = owner === 'shared' ? ['pm', 'pmm'] : [owner];
    const named = new Set<unknown>();
    list(field(owned, 'contributors')).forEach((contributor, c) => {
      if (accountable.includes(contributor)) {
        at(
          [...path, 'contributors', c],
          `"${safeLine(String(contributor))}" is accountable for this responsibility (owner: ${safeLine(String(owner))}), so it cannot also be a contributor`,
          undefined,
          'contributors other than the accountable owner',
        );
      } else if (named.has(contributor)) {
        at(
          [...path, 'contributors', c],
          `"${safeLine(String(contributor))}" is listed twice`,
          undefined,
          'each contributor once',
        );
      }
      named.add(contributor);
    });
  };
  const hasPractices = list(field(doc.data, 'areas')).some((area) => list(field(area, 'practices')).length > 0);
  if (hasPractices && field(field(doc.data, 'scales'), 'frequency') === undefined)
    at(['scales'], 'the bank has practices but no frequency scale', undefined, 'scales.frequency, levels 1 to 5');
  list(field(doc.data, 'areas')).forEach((area, a) => {
    list(field(area, 'responsibilities')).forEach((item, r) => {
      const path: DocPath = ['areas', a, 'responsibilities', r];
      checkItemStages(item, path);
      checkContributors(item, path);
      for (const stage of keysOf(field(item, 'owners')))
        checkContributors(field(field(item, 'owners'), stage), [...path, 'owners', stage]);
    });
    list(field(area, 'practices')).forEach((item, p) => checkItemStages(item, ['areas', a, 'practices', p]));
  });
  const revenueBands = keysOf(field(field(field(doc.data, 'facts'), 'revenue'), 'options'));
  for (const stage of stages) {
    list(field(field(field(doc.data, 'stages'), stage), 'revenue')).forEach((band, b) => {
      if (typeof band === 'string' && !revenueBands.includes(band))
        at(
          ['stages', stage, 'revenue', b],
          `unknown revenue band "${safeLine(band)}"`,
          undefined,
          revenueBands.length > 0
            ? `one of the revenue fact's options: ${revenueBands.join(', ')}`
            : 'a revenue fact with options (facts.revenue.options)',
        );
    });
  }
  for (const fact of keysOf(field(doc.data, 'facts'))) {
    const value = field(field(doc.data, 'facts'), fact);
    if ((field(value, 'options') === undefined) === (field(value, 'type') === undefined))
      at(
        ['facts', fact],
        `fact "${safeLine(fact)}" needs options or a type`,
        undefined,
        'either options or type: number',
      );
  }
  list(field(doc.data, 'interlock')).forEach((item, i) => {
    claim(field(item, 'id'), ['interlock', i, 'id']);
    checkItemStages(item, ['interlock', i]);
    const from = field(item, 'from');
    const to = field(item, 'to');
    if (typeof from === 'string' && from === to) {
      at(
        ['interlock', i, 'to'],
        'an interlock item must go from one function to another',
        from,
        from === 'pm' ? 'pmm' : from === 'pmm' ? 'pm' : 'another function than the giver',
      );
    }
  });
  const version = field(doc.data, 'version');
  const migrations = field(doc.data, 'migrations');
  for (const from of keysOf(migrations)) {
    if (typeof version === 'number' && Number(from) >= version) {
      at(
        ['migrations', from],
        `a migration from version ${safeLine(from)}, which is not older than this bank (version ${version})`,
        undefined,
        `a version below ${version}`,
      );
    }
    const migration = field(migrations, from);
    for (const kind of ['renamed', 'merged'] as const) {
      const moves = field(migration, kind);
      for (const old of keysOf(moves)) {
        const to = field(moves, old);
        if (typeof to === 'string' && !seen.has(to)) {
          at(
            ['migrations', from, kind, old],
            `"${safeLine(old)}" is ${kind} to "${safeLine(to)}", which this bank does not have`,
            undefined,
            'the id of an item of this version of the bank',
          );
        }
      }
    }
  }
  return problems;
}
