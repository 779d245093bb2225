import { Type, type Static } from 'typebox';
import { DEDUPE_OBJECTS } from './dedupe-settings.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const PAIR_STATUSES = ['open', 'dismissed', 'merged'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

export const ReasonSchema = Type.Object({
  field: Type.String({ description: 'name, email, phone, birthday, street, postcode, city, region, country, domain or attributes.<key>' }),
  kind: Type.Enum(['exact', 'similar', 'different']),
  similarity: Type.Number({ minimum: 0, maximum: 1 }),
  text: Type.String({ description: 'English, e.g. "same email", "similar name (0.93)", "different phone"' }),
});

/** One side of a pair, masked and hidden per the caller's field permissions (list context). */
export const RecordSummarySchema = Type.Object({
  id: Type.String(),
  external_id: NullableString,
  display_name: NullableString,
  email: NullableString,
  phone: NullableString,
  city: NullableString,
  updated_at: Type.String(),
});

export const DuplicatePairSchema = Type.Object({
  id: Type.String(),
  object: Type.Enum(DEDUPE_OBJECTS),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  status: Type.Enum(PAIR_STATUSES),
  reasons: Type.Array(ReasonSchema),
  a: RecordSummarySchema,
  b: RecordSummarySchema,
  created_at: Type.String(),
});
export type DuplicatePairJson = Static<typeof DuplicatePairSchema>;

export const ComparedFieldSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  a: NullableString,
  b: NullableString,
  suggested: Type.Enum(['a', 'b']),
  read_only: Type.Boolean({
    description: 'the caller\'s role may not change this field: a merge keeps the surviving record\'s value (no fill from the other record, no union of tags or lists), and choosing the other value is refused',
  }),
});

export const DuplicatePairDetailSchema = Type.Intersect([DuplicatePairSchema, Type.Object({ fields: Type.Array(ComparedFieldSchema) })]);

export const DuplicateListQuery = Type.Object({
  object: Type.Enum(DEDUPE_OBJECTS),
  status: Type.Optional(Type.Enum(PAIR_STATUSES, { default: 'open' })),
  min_score: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
}, { additionalProperties: false });
export type DuplicateListQuery = Static<typeof DuplicateListQuery>;

export const PairParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }, { additionalProperties: false });

export const ScanBody = Type.Object({ object: Type.Enum(DEDUPE_OBJECTS) }, { additionalProperties: false });

export const SettingsQuery = Type.Object({ object: Type.Enum(DEDUPE_OBJECTS) }, { additionalProperties: false });

export const SettingsBody = Type.Object({
  object: Type.Enum(DEDUPE_OBJECTS),
  threshold: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
  weights: Type.Record(Type.String({ maxLength: 100 }), Type.Number({ minimum: 0, maximum: 30 }), { description: 'evidence in bits per field; 0 leaves a field out' }),
}, { additionalProperties: false });

export const SettingsSchema = Type.Object({
  object: Type.Enum(DEDUPE_OBJECTS),
  threshold: Type.Number(),
  weights: Type.Record(Type.String(), Type.Number()),
  defaults: Type.Object({ threshold: Type.Number(), weights: Type.Record(Type.String(), Type.Number()) }),
});
