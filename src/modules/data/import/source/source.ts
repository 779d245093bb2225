import type { TextEncoding } from './decode.ts';
import type { SourceRow } from './rows.ts';
import type { EncodingChoice, ImportFormat } from './sniff.ts';

export type { ImportFormat, EncodingChoice } from './sniff.ts';
export type { TextEncoding } from './decode.ts';
export type { SourceRow } from './rows.ts';

/** An import file opened for streaming: headers read and checked, rows still on disk. */
export type Source = {
  format: ImportFormat;
  /** null for xlsx. A CSV that is pure ASCII for its first 64 KB says 'utf-8' until a later byte proves it GB18030. */
  readonly encoding: TextEncoding | null;
  /** csv only */
  delimiter: string | null;
  /** trimmed, NFC; a blank header between named ones stays "" so cells keep their positions */
  headers: string[];
  /** the spreadsheet row of the header (1 unless blank rows come first) */
  headerRow: number;
  /** iterate once; bounded memory whatever the file size */
  rows: AsyncIterable<SourceRow>;
  /** bytes read from the file so far (xlsx: compressed bytes), for progress and ETA */
  bytesRead(): number;
  totalBytes: number;
  /** safe to call twice, and mid-iteration: the iteration then ends */
  close(): Promise<void>;
};

export type OpenSourceOptions = {
  /** default: by the file's magic bytes (a zip is xlsx), else csv */
  format?: ImportFormat;
  /** csv only; default 'auto' */
  encoding?: EncodingChoice;
  /** xlsx only: sheet name, or 1-based position in the workbook's tab order; default the first */
  sheet?: string | number;
  /** resume: rows up to and including this spreadsheet row are parsed but not yielded */
  startAfterRow?: number;
  /** csv only: a record over this size fails fast as IMPORT_CSV_MALFORMED; default 1 MiB */
  maxRecordBytes?: number;
};

export type PreviewOptions = OpenSourceOptions & { limit?: number };

export type SourcePreview = {
  format: ImportFormat;
  encoding: TextEncoding | null;
  delimiter: string | null;
  headers: string[];
  rows: SourceRow[];
  /** data rows in the file: exact when the preview read it all, else extrapolated (csv) or null (xlsx) */
  row_estimate: number | null;
};
