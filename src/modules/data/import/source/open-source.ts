import { AppError } from '../../../../platform/http/errors.ts';
import { MAX_RECORD_BYTES, openCsvSource, type OpenedCsv } from './csv-source.ts';
import { detectFormat, estimateRows, readHead, type Head } from './sniff.ts';
import type { OpenSourceOptions, PreviewOptions, Source, SourcePreview, SourceRow } from './source.ts';
import { openXlsxSource } from './xlsx-source.ts';

async function open(file: string, options: OpenSourceOptions): Promise<{ source: Source; head: Head; csv: OpenedCsv | null }> {
  const head = await readHead(file);
  if (head.totalBytes === 0) throw new AppError('IMPORT_FILE_EMPTY', 'The file is empty (0 bytes)', {});
  const format = detectFormat(head, options.format);
  const startAfterRow = options.startAfterRow ?? 0;
  if (format === 'xlsx') {
    const source = await openXlsxSource(file, head, { sheet: options.sheet, startAfterRow });
    return { source, head, csv: null };
  }
  const csv = await openCsvSource(file, head, {
    encoding: options.encoding ?? 'auto',
    startAfterRow,
    maxRecordBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES,
  });
  return { source: csv.source, head, csv };
}

/**
 * Opens an import file (CSV or XLSX) for streaming: sniffs format, encoding and delimiter, reads and
 * checks the header row. Bad files fail here with a stable code (IMPORT_FILE_EMPTY,
 * IMPORT_FILE_UNREADABLE, IMPORT_FORMAT_UNSUPPORTED, IMPORT_HEADER_DUPLICATE …); bad rows fail while
 * iterating (IMPORT_CSV_MALFORMED, IMPORT_HEADER_BLANK). The caller must `close()` it.
 */
export async function openSource(file: string, options: OpenSourceOptions = {}): Promise<Source> {
  return (await open(file, options)).source;
}

/** The first `limit` data rows (default 20) and an estimate of how many there are, for the mapping screen. */
export async function previewSource(file: string, options: PreviewOptions = {}): Promise<SourcePreview> {
  const { source, head, csv } = await open(file, options);
  const limit = options.limit ?? 20;
  const rows: SourceRow[] = [];
  let exhausted = false;
  try {
    const iterator = source.rows[Symbol.asyncIterator]();
    while (rows.length < limit) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      rows.push(next.value);
    }
    // One row further tells a file of exactly `limit` rows from a longer one. A problem in that row
    // is for the import to report, not the preview, which shows only the rows before it.
    if (!exhausted) exhausted = await iterator.next().then((next) => next.done === true, () => false);
  } finally {
    await source.close();
  }
  let rowEstimate: number | null = null;
  if (exhausted) rowEstimate = rows.length;
  else if (csv) {
    const estimate = estimateRows(csv.layout, csv.scan, head);
    rowEstimate = estimate === null ? null : Math.max(rows.length + 1, estimate);
  }
  return { format: source.format, encoding: source.encoding, delimiter: source.delimiter, headers: source.headers, rows, row_estimate: rowEstimate };
}
