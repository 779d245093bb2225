import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { bulkMerge, MERGE_OBJECTS, mergeRecords, undoMerge, type MergeObject } from '../modules/data/index.ts';
import type { Principal } from '../platform/http/access.ts';
import type { Db } from '../platform/db/database.ts';
import { emit, fail } from './output.ts';
import { principalFor, withDatabase, type Acting } from './with-database.ts';

type Common = Acting & { object: string };

function objectOf(value: string, json: boolean): MergeObject {
  const object = MERGE_OBJECTS.find((o) => o === value);
  if (!object) fail(`unknown object "${value}": use ${MERGE_OBJECTS.join(' or ')}`, 'CLI_ERROR', json);
  return object;
}

/** `--field city=merged --field tags=survivor` → { city: 'merged', tags: 'survivor' }. */
export function parseFieldChoices(values: readonly string[]): Record<string, 'survivor' | 'merged'> {
  const choices: Record<string, 'survivor' | 'merged'> = {};
  for (const value of values) {
    const match = /^([A-Za-z0-9_.]+)=(survivor|merged)$/.exec(value);
    if (!match) throw new Error(`--field takes key=survivor or key=merged, not "${value}"`);
    choices[match[1]!] = match[2] as 'survivor' | 'merged';
  }
  return choices;
}

/** Opens the database, acts as --as EMAIL (or the first administrator), always closes; refusals keep their stable code. */
async function asActingUser(options: Acting, work: (db: Db, principal: Principal) => Promise<void>): Promise<void> {
  await withDatabase(!!options.json, async (db) => work(db, await principalFor(db, options)));
}

const movedText = (moved: Record<string, number>) => Object.entries(moved).map(([table, n]) => `${table} ${n}`).join(', ') || 'nothing';

/**
 * `relata dedupe merge | merge-bulk | undo-merge`: the same use cases as the API, acting as a user whose
 * data scope and field permissions apply. src/cli/dedupe.ts adds them to its `dedupe` command.
 */
export function registerDedupeMergeCommands(dedupe: Command): void {
  const collect = (value: string, previous: string[]) => [...previous, value];

  dedupe
    .command('merge')
    .description('merge MERGED_ID into SURVIVOR_ID: related records move, the old id becomes an alias; undo with undo-merge')
    .argument('<survivorId>', 'the record that stays')
    .argument('<mergedId>', 'the record merged into it')
    .option('--object <object>', MERGE_OBJECTS.join(' | '), 'contacts')
    .option('--field <key=side>', 'which record\'s value a field keeps: key=survivor or key=merged (repeatable)', collect, [])
    .option('--as <email>', 'act as this user (default: the first administrator of the workspace)')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (survivorId: string, mergedId: string, o: Common & { field: string[] }) => {
      const json = !!o.json;
      const object = objectOf(o.object, json);
      for (const id of [survivorId, mergedId]) if (!/^\d{1,18}$/.test(id)) fail(`"${id}" is not a record id`, 'CLI_ERROR', json);
      let fields: Record<string, 'survivor' | 'merged'> = {};
      try {
        fields = parseFieldChoices(o.field);
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error), 'CLI_ERROR', json);
      }
      await asActingUser(o, async (db, principal) => {
        const result = await mergeRecords(db, principal, { object, survivor_id: survivorId, merged_id: mergedId, fields });
        emit(json, result, `merged #${mergedId} into #${survivorId} (merge ${result.merge.id}; moved: ${movedText(result.merge.moved)})`);
      });
    });

  dedupe
    .command('merge-bulk')
    .description('merge every open duplicate pair scoring at least --min-score, highest first (the more complete record survives)')
    .requiredOption('--min-score <score>', 'between 0 and 1, e.g. 0.95')
    .option('--object <object>', MERGE_OBJECTS.join(' | '), 'contacts')
    .option('--as <email>', 'act as this user (default: the first administrator of the workspace)')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (o: Common & { minScore: string }) => {
      const json = !!o.json;
      const object = objectOf(o.object, json);
      const minScore = Number(o.minScore);
      if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) fail('--min-score must be a number between 0 and 1', 'CLI_ERROR', json);
      await asActingUser(o, async (db, principal) => {
        // progress goes to stderr so that --json output stays one clean document on stdout
        const bar = new cliProgress.SingleBar(
          { format: `merge ${object} [{bar}] {percentage}% | {value}/{total} pairs | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        const started = Date.now();
        let barStarted = false;
        try {
          const result = await bulkMerge(db, principal, { object, min_score: minScore }, {
            onProgress: (done, total) => {
              if (!barStarted) bar.start(Math.max(total, 1), 0);
              barStarted = true;
              bar.update(done);
            },
          });
          bar.stop();
          const seconds = Math.round((Date.now() - started) / 100) / 10;
          emit(json, { ...result, seconds }, `merged ${result.merged} pairs, skipped ${result.skipped}, in ${seconds} s`);
        } finally {
          bar.stop();
        }
      });
    });

  dedupe
    .command('undo-merge')
    .description('undo a merge: the merged record and its related records come back; fields edited since the merge are kept and reported')
    .argument('<mergeId>')
    .option('--as <email>', 'act as this user (default: the first administrator of the workspace)')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (mergeId: string, o: Acting) => {
      const json = !!o.json;
      if (!/^\d{1,18}$/.test(mergeId)) fail(`"${mergeId}" is not a merge id`, 'CLI_ERROR', json);
      await asActingUser(o, async (db, principal) => {
        const result = await undoMerge(db, principal, mergeId);
        const conflicts = result.conflicts.map((c) => `\n  kept ${c.field}: ${c.reason}`).join('');
        emit(json, result, `undid merge ${mergeId}: #${result.merge.merged_id} is back${conflicts}`);
      });
    });
}
