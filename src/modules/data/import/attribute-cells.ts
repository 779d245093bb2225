import { validateAttributes, type AttributeValue, type FieldDefinition } from '../../customers/index.ts';
import { cell, fractionDigits, type ImportContext, type RowError } from './import-context.ts';
import { rowError } from './row-reader.ts';
import { parseBoolean, parseDate, parseMoney, parseNumber, parseTags } from './values/index.ts';

const ATTRIBUTE_PREFIX = 'attributes.';

/** The custom fields a file maps, resolved once per run. */
export function mappedDefinitions(ctx: ImportContext): FieldDefinition[] {
  const byKey = new Map(ctx.definitions.map((d) => [d.key, d]));
  const out: FieldDefinition[] = [];
  for (const target of ctx.columns.keys()) {
    if (!target.startsWith(ATTRIBUTE_PREFIX)) continue;
    const def = byKey.get(target.slice(ATTRIBUTE_PREFIX.length));
    if (def) out.push(def);
  }
  return out;
}

function optionValue(def: FieldDefinition, text: string): string | null {
  const lower = text.toLowerCase();
  const option = def.options.find((o) => o.value.toLowerCase() === lower || o.label.toLowerCase() === lower);
  return option ? option.value : null;
}

/**
 * Text cells to typed custom-field values (numbers, dates, money in minor units, option values matched
 * by value or label), then the same validation the API applies. Blank cells are left out: an import
 * never erases a value it has nothing to put in its place.
 */
export function attributeCells(ctx: ImportContext, defs: readonly FieldDefinition[], cells: readonly string[], errors: RowError[]): Record<string, AttributeValue> {
  const raw: Record<string, unknown> = {};
  for (const def of defs) {
    const target = ATTRIBUTE_PREFIX + def.key;
    const text = cell(ctx, cells, target);
    if (text === null) continue;
    const header = ctx.headers[ctx.columns.get(target) ?? -1] ?? target;
    const fail = (code: string, message: string) => errors.push({ column: header, code, message });
    switch (def.type) {
      case 'number': {
        const parsed = parseNumber(text);
        if (parsed.ok) raw[def.key] = parsed.value;
        else fail(parsed.code, parsed.message);
        break;
      }
      case 'money': {
        const parsed = parseMoney(text, fractionDigits(ctx.currency));
        if (parsed.ok) raw[def.key] = Number(parsed.value);
        else fail(parsed.code, parsed.message);
        break;
      }
      case 'date': {
        const parsed = parseDate(text);
        if (parsed.ok) raw[def.key] = parsed.value;
        else fail(parsed.code, parsed.message);
        break;
      }
      case 'boolean': {
        const parsed = parseBoolean(text);
        if (parsed.ok) raw[def.key] = parsed.value;
        else fail(parsed.code, parsed.message);
        break;
      }
      case 'select': {
        const value = optionValue(def, text);
        if (value === null) fail('FIELD_VALUE_INVALID', `"${text}" is not an option of "${def.label}"`);
        else raw[def.key] = value;
        break;
      }
      case 'multi_select': {
        const values: string[] = [];
        for (const item of parseTags(text)) {
          const value = optionValue(def, item);
          if (value === null) fail('FIELD_VALUE_INVALID', `"${item}" is not an option of "${def.label}"`);
          else values.push(value);
        }
        raw[def.key] = values;
        break;
      }
      default:
        raw[def.key] = text;
    }
  }
  try {
    const cleaned = validateAttributes(raw, defs, 'update');
    const out: Record<string, AttributeValue> = {};
    for (const [key, value] of Object.entries(cleaned)) if (value !== null) out[key] = value;
    return out;
  } catch (error) {
    errors.push(rowError(error, ctx));
    return {};
  }
}
