import { Type, type Static } from 'typebox';
import { CompanySchema, ContactSchema } from '../../customers/index.ts';
import { MERGE_OBJECTS } from './merge-fields.ts';

const IdString = Type.String({ pattern: '^[0-9]{1,18}$' });
const Side = Type.Union([Type.Literal('survivor'), Type.Literal('merged')]);
const MergeObjectSchema = Type.Enum(MERGE_OBJECTS);

export const MergeBody = Type.Object({
  object: MergeObjectSchema,
  survivor_id: IdString,
  merged_id: IdString,
  fields: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Side, {
    description: 'per field (or attributes.<key>), which record\'s value survives; default: the survivor\'s unless empty, lists and tags united',
  })),
  pair_id: Type.Optional(IdString),
  survivor_version: Type.Optional(Type.Integer({ minimum: 1 })),
  merged_version: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });
export type MergeRequest = Static<typeof MergeBody>;

export const MergeSchema = Type.Object({
  id: Type.String(),
  object: MergeObjectSchema,
  survivor_id: Type.String(),
  merged_id: Type.String(),
  merged_display_name: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  created_by_name: Type.Union([Type.String(), Type.Null()]),
  undone_at: Type.Union([Type.String(), Type.Null()]),
  moved: Type.Record(Type.String(), Type.Integer()),
});
export type MergeJson = Static<typeof MergeSchema>;

export const MergeResult = Type.Object({
  merge: MergeSchema,
  survivor: Type.Union([ContactSchema, CompanySchema], { description: 'the surviving record, as GET /contacts/:id (or /companies/:id) returns it' }),
});

export const ConflictSchema = Type.Object({ field: Type.String(), reason: Type.String() });

export const UndoResult = Type.Object({ merge: MergeSchema, conflicts: Type.Array(ConflictSchema) });

export const BulkMergeBody = Type.Object({
  object: MergeObjectSchema,
  min_score: Type.Number({ minimum: 0, maximum: 1 }),
}, { additionalProperties: false });

export const MergeListQuery = Type.Object({
  object: MergeObjectSchema,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const MergeParams = Type.Object({ id: IdString }, { additionalProperties: false });
