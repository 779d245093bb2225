import { sql, type RawBuilder } from 'kysely';

/**
 * What the filter compiler knows about one filterable field of one object. Each record type declares its
 * own registry (a whitelist): a field name not in it can never reach SQL, so field names are not an
 * injection vector, and the type decides which operators and values are legal.
 */
export type FilterFieldType = 'text' | 'number' | 'date' | 'timestamp' | 'boolean' | 'id' | 'enum' | 'tags' | 'multi_select';

export type FilterField = {
  type: FilterFieldType;
  /** the SQL expression for the value, qualified by the query's table alias */
  expr: RawBuilder<unknown>;
  /** the key field permissions use for this field (`phone`, `attributes.vip_level`) */
  permissionKey: string;
  /** allowed values, for enum / select fields */
  values?: readonly string[];
  /**
   * For custom fields stored in a JSONB column: equality becomes `attributes @> {"key": value}`,
   * which the GIN (jsonb_path_ops) index on attributes serves.
   */
  attribute?: { column: RawBuilder<unknown>; key: string };
};

export type FieldRegistry = ReadonlyMap<string, FilterField>;

export type CustomFieldShape = { key: string; type: string; options: { value: string }[] };

/** Registry entries `attributes.<key>` for an object's custom field definitions, typed by definition. */
export function customFieldEntries(alias: string, definitions: readonly CustomFieldShape[]): [string, FilterField][] {
  const column = sql.ref(`${alias}.attributes`);
  return definitions.map((def) => {
    const raw = sql`(${column} -> ${def.key}::text)`;
    const text = sql`(${column} ->> ${def.key}::text)`;
    const attribute = { column, key: def.key };
    const permissionKey = `attributes.${def.key}`;
    const name = `attributes.${def.key}`;
    switch (def.type) {
      case 'number':
      case 'money':
        // the guard keeps a stray non-number (written before a type rule existed) from failing the whole query
        return [name, { type: 'number', expr: sql`(case when jsonb_typeof(${raw}) = 'number' then ${text}::numeric end)`, permissionKey, attribute }];
      case 'date':
        return [name, { type: 'date', expr: sql`(case when ${text} ~ '^\\d{4}-\\d{2}-\\d{2}$' then ${text}::date end)`, permissionKey, attribute }];
      case 'boolean':
        return [name, { type: 'boolean', expr: sql`(case when jsonb_typeof(${raw}) = 'boolean' then ${text}::boolean end)`, permissionKey, attribute }];
      case 'select':
        return [name, { type: 'enum', expr: text, permissionKey, values: def.options.map((o) => o.value), attribute }];
      case 'multi_select':
        return [name, { type: 'multi_select', expr: raw, permissionKey, values: def.options.map((o) => o.value), attribute }];
      default:
        return [name, { type: 'text', expr: text, permissionKey, attribute }];
    }
  });
}
