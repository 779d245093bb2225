import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isHidden, visibleOwnerIds } from '../../accounts/index.ts';
import { loadFieldDefinitions } from '../../customers/index.ts';
import { countOpenDuplicates } from './count-open-duplicates.ts';
import { measureQuality } from './measure-quality.ts';
import { completenessFields, invalidChecks, type CompletenessField, type InvalidCheck, type QualityObject } from './quality-fields.ts';
import { hasSnapshotToday, loadTrend, recentSnapshot, type SnapshotFigures, type TrendPoint } from './snapshots.ts';
import { takeSnapshot } from './take-snapshot.ts';
import { visibleRecords } from './visible-records.ts';

/**
 * How long a workspace-wide measurement is served again. Measuring reads every live record (about 4 s
 * per million contacts on two cores), so reopening the page or switching the stale window within this
 * time reads today's snapshot instead; `refresh` measures anew.
 */
export const FRESH_MINUTES = 10;

export type DataQuality = {
  object: QualityObject;
  total: number;
  completeness: { field: string; label: string; label_zh: string | null; custom: boolean; filled: number; ratio: number }[];
  invalid: { field: string; code: string; count: number }[];
  stale: { months: number; count: number };
  open_duplicates: number;
  measured_at: string;
  trend_available: boolean;
  trend: TrendPoint[];
};

export type DataQualityQuery = { object: QualityObject; stale_months?: number; trend_days?: number; refresh?: boolean };

type Figures = {
  total: number;
  filled: (field: CompletenessField, index: number) => number;
  invalid: (check: InvalidCheck, index: number) => number;
  stale: number;
  openDuplicates: number;
  measuredAt: string;
};

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
  const wholeWorkspace = owners === null;
  const f = wholeWorkspace
    ? await workspaceFigures(db, ws, object, { fields, checks, staleMonths, refresh: query.refresh === true })
    : await scopedFigures(db, principal, owners, object, { fields, checks, staleMonths });

  const shown = (permissionKey: string) => !isHidden(principal, object, permissionKey);
  return {
    object,
    total: f.total,
    completeness: fields.flatMap((field, i) => {
      if (!shown(field.permissionKey)) return [];
      const filled = f.filled(field, i);
      return [{ field: field.field, label: field.label, label_zh: field.label_zh, custom: field.custom, filled, ratio: f.total === 0 ? 0 : filled / f.total }];
    }),
    invalid: checks.flatMap((check, i) => (shown(check.field) ? [{ field: check.field, code: check.code, count: f.invalid(check, i) }] : [])),
    stale: { months: staleMonths, count: f.stale },
    open_duplicates: f.openDuplicates,
    measured_at: f.measuredAt,
    trend_available: wholeWorkspace,
    trend: wholeWorkspace ? await loadTrend(db, ws, object, query.trend_days ?? 90) : [],
  };
}

type Wanted = { fields: readonly CompletenessField[]; checks: readonly InvalidCheck[]; staleMonths: number };

/** A caller who sees the whole workspace sees its figures: today's snapshot when recent and complete, else a new one. */
async function workspaceFigures(db: Db, ws: string, object: QualityObject, wanted: Wanted & { refresh: boolean }): Promise<Figures> {
  const recent = wanted.refresh ? null : await recentSnapshot(db, ws, object, FRESH_MINUTES);
  const snapshot = recent && covers(recent.figures, wanted) ? recent : await takeSnapshot(db, ws, object, wanted.staleMonths);
  const figures = snapshot.figures;
  return {
    total: figures.total,
    filled: (field) => figures.filled[field.field] ?? 0,
    invalid: (check) => figures.invalid_by_check[check.code] ?? 0,
    stale: figures.stale[String(wanted.staleMonths)] ?? 0,
    openDuplicates: figures.open_duplicates,
    measuredAt: snapshot.taken_at,
  };
}

/** A snapshot taken before a custom field was added, or without this stale window, cannot answer. */
function covers(figures: SnapshotFigures, wanted: Wanted): boolean {
  return wanted.fields.every((f) => figures.filled?.[f.field] !== undefined)
    && wanted.checks.every((c) => figures.invalid_by_check?.[c.code] !== undefined)
    && figures.stale?.[String(wanted.staleMonths)] !== undefined;
}

/** A scoped caller's figures are measured live over what they see; the day's workspace snapshot is taken if missing. */
async function scopedFigures(db: Db, principal: Principal, owners: string[], object: QualityObject, wanted: Wanted): Promise<Figures> {
  const ws = principal.workspaceId;
  const visible = await visibleRecords(db, principal, object, owners);
  const [m, openDuplicates] = await Promise.all([
    measureQuality(db, ws, object, { visible: visible('r'), fields: wanted.fields, checks: wanted.checks, staleMonths: [wanted.staleMonths] }),
    countOpenDuplicates(db, ws, object, visible),
  ]);
  if (!(await hasSnapshotToday(db, ws, object))) await takeSnapshot(db, ws, object);
  return {
    total: m.total,
    filled: (_, i) => m.filled[i] ?? 0,
    invalid: (_, i) => m.invalid[i] ?? 0,
    stale: m.stale[0] ?? 0,
    openDuplicates,
    measuredAt: new Date().toISOString(),
  };
}
