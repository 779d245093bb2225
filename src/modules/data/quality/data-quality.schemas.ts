import { Type } from 'typebox';
import { QUALITY_OBJECTS } from './quality-fields.ts';

export const DataQualityQuery = Type.Object({
  object: Type.Enum(QUALITY_OBJECTS),
  stale_months: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, default: 12, description: 'no update, activity or order in this many months' })),
  trend_days: Type.Optional(Type.Integer({ minimum: 7, maximum: 366, default: 90 })),
  refresh: Type.Optional(Type.Boolean({
    description: 'measure now: otherwise a caller who sees the whole workspace gets today\'s snapshot when it is less than 10 minutes old',
  })),
}, { additionalProperties: false });

export const DataQualitySchema = Type.Object({
  object: Type.Enum(QUALITY_OBJECTS),
  total: Type.Integer({ description: 'live records the caller may see' }),
  completeness: Type.Array(Type.Object({
    field: Type.String({ description: 'a column name, or attributes.<key> for a custom field' }),
    label: Type.String(),
    label_zh: Type.Union([Type.String(), Type.Null()]),
    custom: Type.Boolean(),
    filled: Type.Integer(),
    ratio: Type.Number({ minimum: 0, maximum: 1 }),
  }), { description: 'fields hidden from the caller are left out' }),
  invalid: Type.Array(Type.Object({
    field: Type.String(),
    code: Type.String({ description: 'EMAIL_INVALID, PHONE_NOT_E164, BIRTHDAY_IN_FUTURE, BIRTHDAY_BEFORE_1900, DOMAIN_INVALID' }),
    count: Type.Integer(),
  })),
  stale: Type.Object({ months: Type.Integer(), count: Type.Integer() }),
  open_duplicates: Type.Integer({ description: 'open pairs whose two records the caller may see' }),
  measured_at: Type.String({ description: 'when these figures were measured' }),
  trend_available: Type.Boolean({
    description: 'The trend is made of workspace-wide daily snapshots: only callers whose data scope is the whole workspace get it.',
  }),
  trend: Type.Array(Type.Object({
    day: Type.String({ description: 'YYYY-MM-DD, the workspace\'s local date' }),
    total: Type.Integer(),
    completeness: Type.Number({ description: 'mean fill ratio over the measured fields, 0..1' }),
    invalid: Type.Integer(),
    open_duplicates: Type.Integer(),
  })),
});

export const SnapshotBody = Type.Object({
  object: Type.Optional(Type.Enum(QUALITY_OBJECTS, { description: 'omitted: contacts and companies' })),
}, { additionalProperties: false });
