import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { loadFieldDefinitions } from '../../customers/index.ts';
import { countOpenDuplicates } from './count-open-duplicates.ts';
import { measureQuality, type Measurement } from './measure-quality.ts';
import { completenessFields, invalidChecks, STALE_OPTIONS, type CompletenessField, type InvalidCheck, type QualityObject } from './quality-fields.ts';
import { saveSnapshot, type SnapshotFigures } from './snapshots.ts';

/** The stale windows a workspace-wide measurement counts: the page's options, plus one asked for. */
export function staleWindows(requested?: number): number[] {
  return [...new Set<number>([...STALE_OPTIONS, ...(requested === undefined ? [] : [requested])])];
}

/** The figures a snapshot keeps, from a measurement of every field over the whole workspace. */
export function snapshotFigures(
  fields: readonly CompletenessField[],
  checks: readonly InvalidCheck[],
  months: readonly number[],
  m: Measurement,
  openDuplicates: number,
): SnapshotFigures {
  const ratios = fields.map((_, i) => (m.total === 0 ? 0 : (m.filled[i] ?? 0) / m.total));
  return {
    total: m.total,
    completeness: ratios.length === 0 ? 0 : ratios.reduce((a, b) => a + b, 0) / ratios.length,
    invalid: m.invalid.reduce((a, b) => a + b, 0),
    open_duplicates: openDuplicates,
    filled: Object.fromEntries(fields.map((f, i) => [f.field, m.filled[i] ?? 0])),
    invalid_by_check: Object.fromEntries(checks.map((c, i) => [c.code, m.invalid[i] ?? 0])),
    stale: Object.fromEntries(months.map((n, i) => [String(n), m.stale[i] ?? 0])),
  };
}

/** Measures the whole workspace (no data scope: the trend is the workspace's) and stores it as today's snapshot. */
export async function takeSnapshot(db: Db, workspaceId: string, object: QualityObject, requestedStale?: number): Promise<{ figures: SnapshotFigures; taken_at: string }> {
  const fields = completenessFields(object, await loadFieldDefinitions(db, workspaceId, object));
  const checks = invalidChecks(object);
  const months = staleWindows(requestedStale);
  const [m, openDuplicates] = await Promise.all([
    measureQuality(db, workspaceId, object, { visible: sql<boolean>`true`, fields, checks, staleMonths: months }),
    countOpenDuplicates(db, workspaceId, object, null),
  ]);
  const figures = snapshotFigures(fields, checks, months, m, openDuplicates);
  return { figures, taken_at: await saveSnapshot(db, workspaceId, object, figures) };
}
