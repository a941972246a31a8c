import { collectRespondents, sayWarnings } from '../io/collect.js';
import { loadFormMap } from '../io/form-map-file.js';
import { loadBank } from '../io/bank-files.js';
import { UsageError } from '../core/errors.js';
import { csvChunks, ndjsonChunks, shownOnTerminal } from '../core/export/text.js';
import { exportRows } from '../core/export/rows.js';
import { emitContent } from '../io/output.js';
import { diagnose } from '../core/score/diagnose.js';
import { askedOf } from '../core/answers/scope.js';
import type { Respondent } from '../core/answers/respondent.js';
import { itemsById } from '../core/bank/items.js';
import { parseTarget } from './options.js';
import { resolveFormat } from '../core/render/formats.js';

export interface ExportCliOptions {
  bank?: string;
  format?: string;
  out?: string;
  target?: string;
  strict?: boolean;
  map?: string;
  organization?: string;
  latest?: boolean;
}

/** `pm-diag export FILE...`: one row per respondent × item × axis, for an analysis engine. */
export async function run(
  files: string[],
  opts: ExportCliOptions,
  stdout: { isTTY?: boolean } = process.stdout,
): Promise<void> {
  const format = resolveFormat('export', opts.format, opts.out);
  const target = parseTarget(opts.target);
  const out = opts.out === '-' ? undefined : opts.out;
  if (format === 'parquet' && out === undefined && stdout.isTTY === true) {
    throw new UsageError(
      '--format parquet: found a terminal as the output, expected --out FILE or a redirect (Parquet is binary)',
    );
  }
  const bank = loadBank(opts.bank);
  // Several organizations may share one export (a benchmark); each person is still counted once.
  const team = { organization: opts.organization, latest: opts.latest, organizations: 'many' as const };
  const collecting = { strict: opts.strict === true, map: loadFormMap(opts.map, bank), team };
  const { respondents, warnings } = await collectRespondents(files, bank, collecting);
  sayWarnings(warnings);
  // Targets, bank order and the assessment's organization come from the same scoring as the report's,
  // and a respondent's rows are the items their form asked (docs/design.md "Mixed forms").
  const diagnosis = diagnose(bank, respondents, { target });
  const items = itemsById(bank);
  const asked = (r: Respondent, id: string) => askedOf(r, items.get(id)!, diagnosis);
  const rows = exportRows(diagnosis, respondents, asked, Object.keys(bank.facts ?? {}));
  if (format === 'parquet') emitContent(await (await import('../core/export/parquet.js')).parquetBytes(rows), out);
  else if (format === 'ndjson') emitContent(ndjsonChunks(rows), out);
  else
    emitContent(out === undefined && stdout.isTTY === true ? shownOnTerminal(csvChunks(rows)) : csvChunks(rows), out);
}
