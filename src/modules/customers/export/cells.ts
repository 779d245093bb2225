/**
 * How one exported value becomes a spreadsheet cell. Text cells that a spreadsheet would evaluate are
 * neutralised (OWASP "CSV injection"): a contact named `=HYPERLINK("http://evil", "click")` must open
 * as text in Excel or LibreOffice, not as a live formula that leaks data or runs commands.
 */
export type CellKind = 'text' | 'number' | 'boolean';

/** A value as the database hands it over: text and numbers as text (exact for bigint), booleans as booleans. */
export type RawCell = string | boolean | null;

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Prefixes a single quote to text a spreadsheet would take for a formula. Only text cells go through this:
 * a negative number in a numeric column is data, and stays a number.
 */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/** The text of a cell as it is written to CSV (before quoting). */
export function cellText(value: RawCell, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return kind === 'text' ? neutraliseFormula(value) : value;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, and quotes inside are doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export function csvLine(values: readonly RawCell[], kinds: readonly CellKind[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(cellText(values[i] ?? null, kinds[i] ?? 'text'));
  }
  return line + CSV_EOL;
}

/** The value written to an XLSX cell: numbers as numbers when exact, everything else as plain strings. */
export function xlsxValue(value: RawCell, kind: CellKind): string | number | boolean | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  if (kind === 'number') {
    const n = Number(value);
    // bigint sums beyond 2^53 would lose digits as a spreadsheet number; the exact text is better
    return Number.isFinite(n) && (Number.isSafeInteger(n) || !/^-?\d+$/.test(value)) ? n : value;
  }
  return neutraliseFormula(value);
}
