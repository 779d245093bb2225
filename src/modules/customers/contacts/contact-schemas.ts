import { Type, type Static } from 'typebox';
import { AttributesSchema, IdString, LabelledInput, LabelledSchema, NullableString, OptionalText, WarningSchema } from '../records/record-schemas.ts';
import { GENDERS, LIFECYCLE_STAGES, VALUE_TIERS } from './contact-fields.ts';

const nullableEnum = (values: readonly string[]) => Type.Union([...values.map((v) => Type.Literal(v)), Type.Null()]);

export const ContactSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  first_name: NullableString,
  last_name: NullableString,
  display_name: NullableString,
  emails: Type.Array(LabelledSchema),
  phones: Type.Array(LabelledSchema),
  email: NullableString,
  phone: NullableString,
  gender: NullableString,
  birthday: NullableString,
  street: NullableString,
  city: NullableString,
  region: NullableString,
  postcode: NullableString,
  country: NullableString,
  source: NullableString,
  lifecycle_stage: NullableString,
  value_tier: NullableString,
  owner_id: Type.Union([Type.String(), Type.Null()], { description: 'null when unassigned, or when the role hides owner_id' }),
  owner_name: Type.Union([Type.String(), Type.Null()], { description: 'null when the role hides owner_id' }),
  company_id: Type.Union([Type.String(), Type.Null()], { description: 'null when none, or when the role hides company_id' }),
  company_name: Type.Union([Type.String(), Type.Null()], { description: 'null when the role hides company_id or the company\'s name' }),
  consent_email: Type.Union([Type.Boolean(), Type.Null()], { description: 'null only when the role hides consent_email' }),
  consent_sms: Type.Union([Type.Boolean(), Type.Null()], { description: 'null only when the role hides consent_sms' }),
  tags: Type.Array(Type.String(), { description: '[] when the role hides tags' }),
  attributes: AttributesSchema,
  external_id: NullableString,
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type ContactJson = Static<typeof ContactSchema>;

export const ContactWithWarnings = Type.Object({ ...ContactSchema.properties, warnings: Type.Optional(Type.Array(WarningSchema)) });

/**
 * Writable fields. Lengths are checked by the normaliser (FIELD_TOO_LONG with the field name), not
 * here, so the client gets the documented code; unknown properties are refused (VALIDATION_FAILED).
 */
const writable = {
  first_name: OptionalText,
  last_name: OptionalText,
  emails: Type.Optional(Type.Array(LabelledInput, { maxItems: 20 })),
  phones: Type.Optional(Type.Array(LabelledInput, { maxItems: 20 })),
  email: OptionalText,
  phone: OptionalText,
  gender: Type.Optional(nullableEnum(GENDERS)),
  birthday: OptionalText,
  street: OptionalText,
  city: OptionalText,
  region: OptionalText,
  postcode: OptionalText,
  country: OptionalText,
  source: OptionalText,
  lifecycle_stage: Type.Optional(nullableEnum(LIFECYCLE_STAGES)),
  value_tier: Type.Optional(nullableEnum(VALUE_TIERS)),
  owner_id: Type.Optional(IdString),
  company_id: Type.Optional(Type.Union([IdString, Type.Null()])),
  consent_email: Type.Optional(Type.Boolean()),
  consent_sms: Type.Optional(Type.Boolean()),
  tags: Type.Optional(Type.Array(Type.String(), { maxItems: 1000 })),
  attributes: Type.Optional(AttributesSchema),
  external_id: OptionalText,
};

export const ContactCreateBody = Type.Object(writable, { additionalProperties: false });
export type ContactInput = Static<typeof ContactCreateBody>;

export const ContactPatchBody = Type.Object({ ...writable, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type ContactPatch = Static<typeof ContactPatchBody>;
