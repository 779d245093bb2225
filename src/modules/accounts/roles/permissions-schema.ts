import { Type, type Static } from 'typebox';
import { ACTIONS, DATA_SCOPES, type Permissions } from '../../../platform/http/access.ts';
import { OBJECTS } from './default-roles.ts';

function literals<T extends string>(values: readonly T[]) {
  return Type.Union(values.map((v) => Type.Literal(v)));
}

// field keys as the record JSON spells them, or a custom field "attributes.<key>"
const FieldKey = '^[a-z][a-z0-9_]{0,62}(\\.[a-z][a-z0-9_]{0,62})?$';

function perObject<T extends Parameters<typeof Type.Optional>[0]>(value: T) {
  return Type.Object(Object.fromEntries(OBJECTS.map((o) => [o, Type.Optional(value)])), { additionalProperties: false });
}

const Grant = Type.Object({ actions: Type.Array(literals(ACTIONS), { uniqueItems: true }), scope: literals(DATA_SCOPES) }, { additionalProperties: false });
const FieldRules = Type.Record(Type.String({ pattern: FieldKey }), literals(['hidden', 'readonly', 'editable'] as const), { additionalProperties: false });
const MaskRules = Type.Record(Type.String({ pattern: FieldKey }), literals(['list', 'everywhere', 'none'] as const), { additionalProperties: false });

/**
 * A role's permissions as a client may write them. Strict on purpose: a typo such as "contact" or
 * "departement" would otherwise be stored and silently grant nothing (or, worse, be read as a default).
 */
export const PermissionsInput = Type.Object({
  objects: perObject(Grant),
  fields: Type.Optional(perObject(FieldRules)),
  masks: Type.Optional(perObject(MaskRules)),
}, { additionalProperties: false });

export type PermissionsInputJson = Static<typeof PermissionsInput>;

/** The stored form: every part present, objects without a grant left out. */
export function normalisePermissions(input: PermissionsInputJson): Permissions {
  const strip = <V>(record: Record<string, V | undefined> | undefined): Record<string, V> =>
    Object.fromEntries(Object.entries(record ?? {}).filter((e): e is [string, V] => e[1] !== undefined));
  return { objects: strip(input.objects), fields: strip(input.fields), masks: strip(input.masks) };
}

/** The response form: loose, since stored roles may name objects that later modules add. */
export const PermissionsSchema = Type.Object({
  objects: Type.Record(Type.String(), Type.Object({ actions: Type.Array(Type.String()), scope: Type.String() })),
  fields: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
  masks: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
});
