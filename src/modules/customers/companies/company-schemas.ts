import { Type, type Static } from 'typebox';
import { AttributesSchema, IdString, NullableString, OptionalText, WarningSchema } from '../records/record-schemas.ts';

export const CompanySchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  name: NullableString,
  domain: NullableString,
  industry: NullableString,
  phone: NullableString,
  email: NullableString,
  website: NullableString,
  street: NullableString,
  city: NullableString,
  region: NullableString,
  postcode: NullableString,
  country: NullableString,
  owner_id: Type.Union([Type.String(), Type.Null()], { description: 'null when unassigned, or when the role hides owner_id' }),
  owner_name: Type.Union([Type.String(), Type.Null()], { description: 'null when the role hides owner_id' }),
  tags: Type.Array(Type.String(), { description: '[] when the role hides tags' }),
  attributes: AttributesSchema,
  external_id: NullableString,
  created_at: Type.String(),
  updated_at: Type.String(),
  contact_count: Type.Integer(),
});
export type CompanyJson = Static<typeof CompanySchema>;

export const CompanyWithWarnings = Type.Object({ ...CompanySchema.properties, warnings: Type.Optional(Type.Array(WarningSchema)) });

const writable = {
  domain: OptionalText,
  industry: OptionalText,
  phone: OptionalText,
  email: OptionalText,
  website: OptionalText,
  street: OptionalText,
  city: OptionalText,
  region: OptionalText,
  postcode: OptionalText,
  country: OptionalText,
  owner_id: Type.Optional(IdString),
  tags: Type.Optional(Type.Array(Type.String(), { maxItems: 1000 })),
  attributes: Type.Optional(AttributesSchema),
  external_id: OptionalText,
};

export const CompanyCreateBody = Type.Object({ name: Type.String(), ...writable }, { additionalProperties: false });
export type CompanyInput = Omit<Static<typeof CompanyCreateBody>, 'name'> & { name?: string };

export const CompanyPatchBody = Type.Object({ name: Type.Optional(Type.String()), ...writable, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type CompanyPatch = Static<typeof CompanyPatchBody>;
