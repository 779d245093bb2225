import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse, type Parser } from 'csv-parse';
import { AppError } from '../../../../platform/http/errors.ts';
import { ToUtf8 } from './decode.ts';
import { isBlankRecord, nfc, readHeaders, shapeRow, type RowShape } from './headers.ts';
import { RowStream, type SourceRow } from './rows.ts';
import { detectText, scanText, type EncodingChoice, type Head, type TextLayout, type TextScan } from './sniff.ts';
import type { Source } from './source.ts';

export const MAX_RECORD_BYTES = 1024 * 1024;

export type CsvOptions = { encoding: EncodingChoice; startAfterRow: number; maxRecordBytes: number };
export type OpenedCsv = { source: Source; layout: TextLayout; scan: TextScan };

function malformed(error: CsvError, parser: Parser, maxRecordBytes: number): AppError {
  // info.records counts every record handed on, blank lines included, so the failing one is the next.
  const row = parser.info.records + 1;
  const message =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `Row ${row} opens a quote (") that is never closed`
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? `Row ${row} is longer than ${maxRecordBytes} bytes; a quote (") is probably not closed`
        : `Row ${row} cannot be read: a quoted value must end at its closing quote (${error.code})`;
  return new AppError('IMPORT_CSV_MALFORMED', message, { row, reason: error.code });
}

function whenClosed(stream: fs.ReadStream): Promise<void> {
  return stream.closed ? Promise.resolve() : new Promise((resolve) => stream.once('close', () => resolve()));
}

/**
 * A CSV file streamed as records: file → ToUtf8 → csv-parse. Quoted fields may hold delimiters,
 * quotes and line breaks; whitespace around unquoted values is trimmed (FEBRL writes ", " between
 * fields); any line ending works. A row is a record, so a quoted line break does not shift the numbers.
 */
export async function openCsvSource(file: string, head: Head, options: CsvOptions): Promise<OpenedCsv> {
  const layout = detectText(head, options.encoding);
  const scan = scanText(layout.text, head.atEof);
  const input = fs.createReadStream(file, { start: layout.bomLength, highWaterMark: 64 * 1024 });
  const decoder = new ToUtf8(layout.mode, layout.bomLength);
  const parser = parse({
    delimiter: scan.delimiter,
    trim: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: options.maxRecordBytes,
  });
  // Errors reach the reader through the parser, which pipeline destroys with the first one.
  pipeline(input, decoder, parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let record = 0;
  let closing = false;

  async function next(): Promise<string[] | null> {
    try {
      const result = await records.next();
      if (result.done) return null;
      record++;
      return result.value;
    } catch (error) {
      throw error instanceof CsvError ? malformed(error, parser, options.maxRecordBytes) : error;
    }
  }

  async function release(): Promise<void> {
    closing = true;
    parser.destroy();
    input.destroy();
    await whenClosed(input);
  }

  let shape: RowShape | null = null;
  try {
    while (shape === null) {
      const cells = await next();
      if (cells === null) throw new AppError('IMPORT_FILE_EMPTY', 'The file has no header row: it is empty or blank', {});
      if (!isBlankRecord(cells)) shape = readHeaders(cells, false);
    }
  } catch (error) {
    await release();
    throw error;
  }
  const headerRow = record;
  const rowShape = shape;

  async function* dataRows(): AsyncGenerator<SourceRow> {
    for (;;) {
      let cells: string[] | null;
      try {
        cells = await next();
      } catch (error) {
        if (closing) return;
        throw error;
      }
      if (cells === null) return;
      if (record <= options.startAfterRow || isBlankRecord(cells)) continue;
      for (let i = 0; i < cells.length; i++) cells[i] = nfc(cells[i]!);
      yield { row: record, cells: shapeRow(rowShape, cells, record) };
    }
  }

  const rows = new RowStream(dataRows(), release);
  const source: Source = {
    format: 'csv',
    get encoding() {
      return decoder.mode === 'ascii' ? 'utf-8' : decoder.mode;
    },
    delimiter: scan.delimiter,
    headers: rowShape.headers,
    headerRow,
    rows,
    bytesRead: () => layout.bomLength + input.bytesRead,
    totalBytes: head.totalBytes,
    close: () => rows.close(),
  };
  return { source, layout, scan };
}
