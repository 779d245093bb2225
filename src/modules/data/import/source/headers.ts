import { AppError } from '../../../../platform/http/errors.ts';

const NON_ASCII = /[^\p{ASCII}]/u;

/** NFC, skipped for ASCII (most cells), which is always NFC and costs the call several times over. */
export function nfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}

export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** "A" for column 1, "AA" for 27: how a spreadsheet user finds the column an error names. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * How data rows line up with the header. Trailing header cells left empty (Excel writes them when a
 * column was once used) are dropped; a blank header cell among named ones stays as "" so the cells
 * keep their positions. Either way a column without a name must not hold data.
 */
export type RowShape = {
  headers: string[];
  /** header cells as read, blank ones included */
  width: number;
  /** 0-based positions of blank header cells below `width` */
  blankColumns: number[];
  /** xlsx has no ragged rows: every cell past the last named column is an unnamed column */
  unnamedBeyondWidth: boolean;
};

/**
 * Trimmed, NFC header names, refusing duplicates (case-insensitive, so "Email" and "email" cannot
 * both be mapped) with IMPORT_HEADER_DUPLICATE.
 */
export function readHeaders(cells: readonly string[], unnamedBeyondWidth: boolean): RowShape {
  const names = cells.map((cell) => nfc(cell).trim());
  let kept = names.length;
  while (kept > 0 && names[kept - 1] === '') kept--;
  const headers = names.slice(0, kept);
  const seen = new Map<string, number[]>();
  const blankColumns: number[] = [];
  names.forEach((name, i) => {
    if (name === '') {
      blankColumns.push(i);
      return;
    }
    const key = name.normalize('NFKC').toLowerCase();
    const columns = seen.get(key);
    if (columns) columns.push(i + 1);
    else seen.set(key, [i + 1]);
  });
  for (const columns of seen.values()) {
    if (columns.length < 2) continue;
    const header = headers[columns[0]! - 1]!;
    throw new AppError(
      'IMPORT_HEADER_DUPLICATE',
      `The header "${header}" appears more than once (columns ${columns.map(columnLetter).join(', ')}); rename one of them`,
      { header, columns },
    );
  }
  return { headers, width: names.length, blankColumns, unnamedBeyondWidth };
}

function blankHeaderError(column: number, row: number): AppError {
  return new AppError(
    'IMPORT_HEADER_BLANK',
    `Column ${columnLetter(column)} has data (row ${row}) but no header; give it a name or delete the column`,
    { column, column_letter: columnLetter(column), row },
  );
}

/**
 * A data row's cells in header positions: refuses data under a blank header (IMPORT_HEADER_BLANK) and
 * removes the cells of dropped trailing blank columns. CSV cells past the header's width stay
 * (a ragged row, reported by the engine); xlsx rows are padded to the header.
 */
export function shapeRow(shape: RowShape, cells: string[], row: number): string[] {
  for (const i of shape.blankColumns) {
    if (i < cells.length && cells[i]!.trim() !== '') throw blankHeaderError(i + 1, row);
  }
  const kept = shape.headers.length;
  if (shape.unnamedBeyondWidth) {
    for (let i = kept; i < cells.length; i++) if (cells[i]!.trim() !== '') throw blankHeaderError(i + 1, row);
    if (cells.length > kept) cells.length = kept;
    while (cells.length < kept) cells.push('');
    return cells;
  }
  if (shape.width > kept && cells.length > kept) {
    return cells.length > shape.width ? [...cells.slice(0, kept), ...cells.slice(shape.width)] : cells.slice(0, kept);
  }
  return cells;
}
