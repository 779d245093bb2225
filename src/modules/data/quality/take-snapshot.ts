import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { loadFieldDefinitions } from '../../customers/index.ts';
import { countOpenDuplicates } from './count-open-duplicates.ts';
import { measureQuality, type Measurement } from './measure-quality.ts';
import { completenessFields, invalidChecks, type CompletenessField, type QualityObject } from './quality-fields.ts';
import { saveSnapshot, type SnapshotFigures } from './snapshots.ts';

/** Stale is not part of the trend; a snapshot measures it with the page's default window. */
export const DEFAULT_STALE_MONTHS = 12;

/** The figures a snapshot keeps, from a measurement of every field over the whole workspace. */
export function snapshotFigures(fields: readonly CompletenessField[], m: Measurement, openDuplicates: number): SnapshotFigures {
  const ratios = fields.map((_, i) => (m.total === 0 ? 0 : (m.filled[i] ?? 0) / m.total));
  return {
    total: m.total,
    completeness: ratios.length === 0 ? 0 : ratios.reduce((a, b) => a + b, 0) / ratios.length,
    invalid: m.invalid.reduce((a, b) => a + b, 0),
    open_duplicates: openDuplicates,
    filled: Object.fromEntries(fields.map((f, i) => [f.field, m.filled[i] ?? 0])),
  };
}

/** Measures the whole workspace (no data scope: the trend is the workspace's) and stores today's snapshot. */
export async function takeSnapshot(db: Db, workspaceId: string, object: QualityObject): Promise<SnapshotFigures> {
  const fields = completenessFields(object, await loadFieldDefinitions(db, workspaceId, object));
  const [m, openDuplicates] = await Promise.all([
    measureQuality(db, workspaceId, object, { visible: sql<boolean>`true`, fields, checks: invalidChecks(object), staleMonths: DEFAULT_STALE_MONTHS }),
    countOpenDuplicates(db, workspaceId, object, null),
  ]);
  const figures = snapshotFigures(fields, m, openDuplicates);
  await saveSnapshot(db, workspaceId, object, figures);
  return figures;
}
