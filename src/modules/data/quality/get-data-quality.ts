import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isHidden, visibilityPredicate, visibleOwnerIds } from '../../accounts/index.ts';
import { loadFieldDefinitions } from '../../customers/index.ts';
import { countOpenDuplicates } from './count-open-duplicates.ts';
import { measureQuality } from './measure-quality.ts';
import { completenessFields, invalidChecks, type QualityObject } from './quality-fields.ts';
import { hasSnapshotToday, loadTrend, saveSnapshot, type TrendPoint } from './snapshots.ts';
import { snapshotFigures, takeSnapshot } from './take-snapshot.ts';

export type DataQuality = {
  object: QualityObject;
  total: number;
  completeness: { field: string; label: string; label_zh: string | null; custom: boolean; filled: number; ratio: number }[];
  invalid: { field: string; code: string; count: number }[];
  stale: { months: number; count: number };
  open_duplicates: number;
  trend_available: boolean;
  trend: TrendPoint[];
};

export type DataQualityQuery = { object: QualityObject; stale_months?: number; trend_days?: number };

/**
 * The data-quality page of one object for the caller: completeness per field, invalid values, stale
 * records and open duplicate pairs, over the records the caller may see (data scope and shares, in
 * SQL) and without the fields hidden from them. The trend comes from workspace-wide daily snapshots,
 * so only a caller who sees the whole workspace gets it; the first request of a day takes the snapshot.
 */
export async function getDataQuality(db: Db, principal: Principal, query: DataQualityQuery): Promise<DataQuality> {
  const { object } = query;
  if (!can(principal, object, 'view')) {
    throw new AppError('PERMISSION_DENIED', `Your role may not view ${object}`, { object, action: 'view' });
  }
  const ws = principal.workspaceId;
  const staleMonths = query.stale_months ?? 12;
  const fields = completenessFields(object, await loadFieldDefinitions(db, ws, object));
  const checks = invalidChecks(object);
  const owners = await visibleOwnerIds(db, principal, object);
  const [m, openDuplicates] = await Promise.all([
    measureQuality(db, ws, object, { visible: visibilityPredicate('r', object, principal, owners), fields, checks, staleMonths }),
    countOpenDuplicates(db, ws, object, { principal, owners }),
  ]);

  const wholeWorkspace = owners === null;
  if (wholeWorkspace) {
    // this measurement is the workspace's: keep today's trend point equal to the figures on the page
    await saveSnapshot(db, ws, object, snapshotFigures(fields, m, openDuplicates));
  } else if (!(await hasSnapshotToday(db, ws, object))) {
    await takeSnapshot(db, ws, object);
  }

  const shown = (permissionKey: string) => !isHidden(principal, object, permissionKey);
  return {
    object,
    total: m.total,
    completeness: fields.flatMap((f, i) => {
      if (!shown(f.permissionKey)) return [];
      const filled = m.filled[i] ?? 0;
      return [{ field: f.field, label: f.label, label_zh: f.label_zh, custom: f.custom, filled, ratio: m.total === 0 ? 0 : filled / m.total }];
    }),
    invalid: checks.flatMap((c, i) => (shown(c.field) ? [{ field: c.field, code: c.code, count: m.invalid[i] ?? 0 }] : [])),
    stale: { months: staleMonths, count: m.stale },
    open_duplicates: openDuplicates,
    trend_available: wholeWorkspace,
    trend: wholeWorkspace ? await loadTrend(db, ws, object, query.trend_days ?? 90) : [],
  };
}
