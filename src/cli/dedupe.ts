import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { DEDUPE_OBJECTS, dismissDuplicate, listDuplicates, scanDuplicates, type DedupeObject, type DuplicatePairJson } from '../modules/data/index.ts';
import { registerDedupeMergeCommands } from './dedupe-merge.ts';
import { emit, fail } from './output.ts';
import { principalFor, withDatabase, type Acting } from './with-database.ts';
import { resolveWorkspace } from './workspace-option.ts';

function objectOf(value: string, json: boolean): DedupeObject {
  const object = DEDUPE_OBJECTS.find((o) => o === value);
  if (!object) fail(`unknown object "${value}": use ${DEDUPE_OBJECTS.join(' or ')}`, 'CLI_ERROR', json);
  return object;
}

function pairLine(p: DuplicatePairJson): string {
  const side = (r: DuplicatePairJson['a']) => `${r.display_name ?? '—'} (#${r.id}${r.external_id ? `, ${r.external_id}` : ''})`;
  return `${p.id}\t${p.score.toFixed(4)}\t${side(p.a)} ↔ ${side(p.b)}\t${p.reasons.filter((r) => r.kind !== 'different').map((r) => r.text).join('; ')}`;
}

/** `relata dedupe scan|list|dismiss` (and merge, merge-bulk, undo-merge from dedupe-merge.ts). */
export function registerDedupe(program: Command): void {
  const dedupe = program.command('dedupe').description('find, review and merge duplicate contacts and companies');

  dedupe
    .command('scan')
    .description('scan a workspace for duplicates (the same work as POST /api/v1/duplicates/scans, run in this process)')
    .option('--object <object>', DEDUPE_OBJECTS.join(' | '), 'contacts')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (o: { object: string; workspace?: string; json?: boolean }) => {
      const json = !!o.json;
      const object = objectOf(o.object, json);
      await withDatabase(json, async (db) => {
        const workspaceId = await resolveWorkspace(db, o.workspace);
        // progress goes to stderr so that --json output stays one clean document on stdout
        const bar = new cliProgress.SingleBar(
          { format: 'scoring [{bar}] {percentage}% | {value}/{total} candidate pairs | ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        try {
          const result = await scanDuplicates(db, {
            workspaceId,
            object,
            onProgress: (done, total, phase) => {
              if (phase !== 'scoring') return;
              if (!started) bar.start(Math.max(total, 1), 0);
              started = true;
              bar.update(done);
            },
          });
          bar.stop();
          emit(json, result, `${result.pairs} open duplicate pairs of ${object} (${result.new_pairs} new, ${result.removed_pairs} no longer found) ` +
            `from ${result.candidates} candidate pairs at threshold ${result.threshold}, in ${result.seconds} s`);
        } finally {
          bar.stop();
        }
      });
    });

  dedupe
    .command('list')
    .description('print duplicate pairs, highest score first, as the acting user may see them')
    .option('--object <object>', DEDUPE_OBJECTS.join(' | '), 'contacts')
    .option('--status <status>', 'open | dismissed | merged', 'open')
    .option('--min-score <score>', 'only pairs scoring at least this (0–1)')
    .option('--limit <n>', 'at most this many pairs (default: all)')
    .option('--as <email>', 'act as this user (default: the first administrator of the workspace)')
    .option('--workspace <id>')
    .option('--json', 'print JSON: [{ id, a, b, score, reasons, status, created_at }]')
    .action(async (o: Acting & { object: string; status: string; minScore?: string; limit?: string }) => {
      const json = !!o.json;
      const object = objectOf(o.object, json);
      const status = (['open', 'dismissed', 'merged'] as const).find((s) => s === o.status);
      if (!status) fail(`unknown status "${o.status}": use open, dismissed or merged`, 'CLI_ERROR', json);
      const minScore = o.minScore === undefined ? undefined : Number(o.minScore);
      if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) fail('--min-score must be between 0 and 1', 'CLI_ERROR', json);
      const limit = o.limit === undefined ? Infinity : Number(o.limit);
      if (!(limit >= 1)) fail('--limit must be a positive number', 'CLI_ERROR', json);
      await withDatabase(json, async (db) => {
        const principal = await principalFor(db, o);
        const pairs: DuplicatePairJson[] = [];
        let cursor: string | undefined;
        do {
          const page = await listDuplicates(db, principal, { object, status, min_score: minScore, cursor, limit: Math.min(200, limit - pairs.length) });
          pairs.push(...page.data);
          cursor = page.next_cursor ?? undefined;
        } while (cursor && pairs.length < limit);
        const rows = pairs.map((p) => ({ id: p.id, a: p.a, b: p.b, score: p.score, reasons: p.reasons, status: p.status, created_at: p.created_at }));
        emit(json, rows, rows.length === 0 ? `no ${status} duplicate pairs of ${object}` : pairs.map(pairLine).join('\n'));
      });
    });

  dedupe
    .command('dismiss')
    .description('mark a pair as not a duplicate; later scans never propose it again')
    .argument('<pair-id>')
    .option('--as <email>', 'act as this user (default: the first administrator of the workspace)')
    .option('--workspace <id>')
    .option('--json', 'print JSON')
    .action(async (pairId: string, o: Acting) => {
      const json = !!o.json;
      if (!/^\d{1,18}$/.test(pairId)) fail(`"${pairId}" is not a pair id`, 'CLI_ERROR', json);
      await withDatabase(json, async (db) => {
        const pair = await dismissDuplicate(db, await principalFor(db, o), pairId);
        emit(json, pair, `pair ${pair.id} dismissed: ${pair.a.display_name ?? pair.a.id} and ${pair.b.display_name ?? pair.b.id} are not duplicates`);
      });
    });

  registerDedupeMergeCommands(dedupe);
}
