import { collectRespondents, sayWarnings } from '../answers/collect.js';
import { loadFormMap } from '../answers/form-map.js';
import { loadBank } from '../bank/load.js';
import { UsageError } from '../errors.js';
import { csvChunks, ndjsonChunks } from '../export/text.js';
import { exportRows } from '../export/rows.js';
import { emitContent } from '../io/output.js';
import { diagnose } from '../score/diagnose.js';
import { askedOf } from '../score/scope.js';
import { itemsById } from '../bank/items.js';
import { parseTarget, resolveFormat } from './options.js';


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
export async function run(files: string[], opts: ExportCliOptions, stdout: { isTTY?: boolean } = process.stdout): Promise<void> {
  const format = resolveFormat('export', opts.format, opts.out);
  const target = parseTarget(opts.target);
  const out = opts.out === '-' ? undefined : opts.out;
  if (format === 'parquet' && out === undefined && stdout.isTTY === true) {
    throw new UsageError('--format parquet: found a terminal as the output, expected --out FILE or a redirect (Parquet is binary)');
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
  const rows = exportRows(diagnosis, respondents, (r, id) => askedOf(r, items.get(id)!, diagnosis));
  if (format === 'parquet') emitContent(await (await import('../export/parquet.js')).parquetBytes(rows), out);
  else emitContent(format === 'csv' ? csvChunks(rows) : ndjsonChunks(rows), out);
}
