import { Type } from 'typebox';

export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }, { additionalProperties: false });

export const ListQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 20000 })),
  sort: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 2000 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const WarningSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Object({ record_id: Type.String(), reasons: Type.Array(Type.String()), owner_name: Type.Union([Type.String(), Type.Null()]) }),
});

export const LabelledSchema = Type.Object({ value: Type.String(), label: Type.Union([Type.String(), Type.Null()]) });
export const LabelledInput = Type.Object({ value: Type.String(), label: Type.Optional(Type.Union([Type.String(), Type.Null()])) }, { additionalProperties: false });

export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const OptionalText = Type.Optional(Type.Union([Type.String(), Type.Null()]));
export const IdString = Type.String({ pattern: '^[0-9]{1,18}$' });
export const AttributesSchema = Type.Record(Type.String(), Type.Unknown());
