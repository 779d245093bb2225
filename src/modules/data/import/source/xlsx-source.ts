import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../platform/http/errors.ts';
import { isBlankRecord, nfc, readHeaders, shapeRow, type RowShape } from './headers.ts';
import { RowStream, type SourceRow } from './rows.ts';
import type { Head } from './sniff.ts';
import type { Source } from './source.ts';
import { cellText } from './xlsx-cells.ts';

export type XlsxOptions = { sheet: string | number | undefined; startAfterRow: number };

// What the streaming reader knows but does not declare: sheet names, and the tab order from workbook.xml.
type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string };
type WorkbookModel = { model?: { sheets?: { name: string }[] } };

function unreadable(error: unknown): unknown {
  if (error instanceof AppError) return error;
  return new AppError('IMPORT_FILE_UNREADABLE', 'The file is not a readable .xlsx workbook (it may be damaged, or not an Excel file); open it in Excel and save it again', {
    reason: error instanceof Error ? error.message : String(error),
  });
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = nfc(cellText(cell));
  });
  return cells;
}

function whenClosed(stream: fs.ReadStream): Promise<void> {
  return stream.closed ? Promise.resolve() : new Promise((resolve) => stream.once('close', () => resolve()));
}

/** Whether the emitted sheet is the wanted one: by name, else by position in the workbook's tab order. */
function isWanted(sheet: SheetReader, emitted: number, tabs: readonly string[] | undefined, wanted: string | number | undefined): boolean {
  const name = sheet.name ?? '';
  if (typeof wanted === 'string') return name.trim().toLowerCase() === wanted.trim().toLowerCase();
  const position = wanted ?? 1;
  // Without workbook.xml read yet, the zip order is the best guess at the tab order.
  return tabs && tabs.length > 0 ? tabs[position - 1] === name : emitted === position;
}

/**
 * One worksheet streamed with exceljs's WorkbookReader: rows are parsed as the zip is read, so only
 * the shared strings are held in memory, never the sheet. The first non-empty row is the header;
 * empty rows are skipped and row numbers stay the sheet's own.
 */
export async function openXlsxSource(file: string, head: Head, options: XlsxOptions): Promise<Source> {
  const input = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // the number formats tell date cells from numbers
    hyperlinks: 'ignore', // a link cell then reads as its text
    entries: 'ignore',
  });
  let closing = false;
  async function release(): Promise<void> {
    closing = true;
    input.destroy();
    await whenClosed(input);
  }

  let rows: AsyncIterator<ExcelJS.Row>;
  let shape: RowShape | null = null;
  let headerRow = 0;
  try {
    const sheets = reader[Symbol.asyncIterator]();
    const names: string[] = [];
    let sheet: SheetReader | null = null;
    while (sheet === null) {
      const next = await sheets.next();
      if (next.done) break;
      const candidate = next.value as unknown as SheetReader;
      names.push(candidate.name ?? '');
      if (isWanted(candidate, names.length, (reader as unknown as WorkbookModel).model?.sheets?.map((s) => s.name), options.sheet)) sheet = candidate;
    }
    if (sheet === null && options.sheet !== undefined) {
      throw new AppError('IMPORT_SHEET_NOT_FOUND', `The workbook has no sheet "${options.sheet}"`, { sheet: options.sheet, sheets: names });
    }
    if (sheet === null) throw new AppError('IMPORT_FILE_UNREADABLE', 'The workbook has no worksheet', {});
    rows = sheet[Symbol.asyncIterator]();
    while (shape === null) {
      const next = await rows.next();
      if (next.done) throw new AppError('IMPORT_FILE_EMPTY', 'The sheet has no header row: it is empty', { sheet: sheet.name });
      const cells = rowCells(next.value);
      if (isBlankRecord(cells)) continue;
      shape = readHeaders(cells, true);
      headerRow = next.value.number;
    }
  } catch (error) {
    await release();
    throw unreadable(error);
  }
  const rowShape = shape;

  async function* dataRows(): AsyncGenerator<SourceRow> {
    for (;;) {
      let next: IteratorResult<ExcelJS.Row>;
      try {
        next = await rows.next();
      } catch (error) {
        if (closing) return;
        throw unreadable(error);
      }
      if (next.done) return;
      const row = next.value.number;
      if (row <= options.startAfterRow) continue;
      const cells = rowCells(next.value);
      if (isBlankRecord(cells)) continue;
      yield { row, cells: shapeRow(rowShape, cells, row) };
    }
  }

  const stream = new RowStream(dataRows(), release);
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers: rowShape.headers,
    headerRow,
    rows: stream,
    bytesRead: () => input.bytesRead,
    totalBytes: head.totalBytes,
    close: () => stream.close(),
  };
}
