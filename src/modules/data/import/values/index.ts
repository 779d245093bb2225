/** Cell parsers for the import hot loop: they return a Parsed result and never throw. */
export { fail, ok, type Parsed } from './parsed.ts';
export { EXCEL_SERIAL_MAX, parseDate, parseDateTime, type DateOptions } from './dates.ts';
export { parseMoney, parseNumber } from './numbers.ts';
export { parseBoolean, parseGender, parseTags } from './choices.ts';
export { splitFullName, type NameParts } from './names.ts';
export { inferFieldType, type InferredType } from './infer-type.ts';
