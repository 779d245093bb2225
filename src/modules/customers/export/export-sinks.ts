import fs from 'node:fs';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine, xlsxValue, type CellKind, type RawCell } from './cells.ts';
import type { ExportColumn } from './columns.ts';

/** Where exported rows go: a CSV or XLSX encoder over any byte stream (HTTP response, file). */
export type ExportSink = {
  begin: (columns: readonly ExportColumn[]) => Promise<void>;
  write: (rows: readonly RawCell[][]) => Promise<void>;
  end: () => Promise<void>;
};

/** Excel's sheet limit is 1,048,576 rows; one is the header. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Resolves once `out` may take more; a destroyed stream (client went away) stops the export. */
async function room(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('the export stream was closed');
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the export stream was closed'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', settle);
  });
}

function finished(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.writableFinished) return resolve();
    out.once('finish', resolve);
    out.once('error', reject);
  });
}

/**
 * UTF-8 with a BOM (without it, Excel on a Chinese Windows reads UTF-8 as GBK and shows mojibake),
 * CRLF line ends and RFC 4180 quoting. A batch is written as one chunk, with back-pressure.
 */
export function csvSink(out: Writable): ExportSink {
  let kinds: CellKind[] = [];
  return {
    async begin(columns) {
      kinds = columns.map((c) => c.kind);
      out.write(CSV_BOM + csvLine(columns.map((c) => c.header), columns.map(() => 'text')));
      await room(out);
    },
    async write(rows) {
      let chunk = '';
      for (const row of rows) chunk += csvLine(row, kinds);
      out.write(chunk);
      await room(out);
    },
    async end() {
      const done = finished(out);
      out.end();
      await done;
    },
  };
}

/**
 * One sheet through exceljs's streaming writer: rows are committed as they come, so memory holds a
 * batch, not the workbook. Text goes in as plain strings (never formulas), numbers as numbers.
 */
export function xlsxSink(out: Writable, sheetName: string): ExportSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  let kinds: CellKind[] = [];
  return {
    async begin(columns) {
      kinds = columns.map((c) => c.kind);
      sheet.addRow(columns.map((c) => c.header)).commit();
      await room(out);
    },
    async write(rows) {
      for (const row of rows) sheet.addRow(row.map((v, i) => xlsxValue(v, kinds[i] ?? 'text'))).commit();
      await room(out);
    },
    async end() {
      const done = finished(out);
      sheet.commit();
      await workbook.commit();
      await done;
    },
  };
}

/**
 * Abandons a file being written: a write stream opens its file asynchronously, so removing the path
 * before the stream has closed can race with the open and leave an empty file behind. Wait for close.
 */
export async function discardFile(out: fs.WriteStream, file: string): Promise<void> {
  if (!out.closed) {
    const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
    out.destroy();
    await closed;
  }
  await fs.promises.rm(file, { force: true });
}
