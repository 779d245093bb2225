import { isAscii, isUtf8 } from 'node:buffer';
import fs from 'node:fs/promises';
import { AppError } from '../../../../platform/http/errors.ts';
import { decodesAsGb18030, incompleteUtf8Tail, streamingDecoder, unreadableText, type DecodeMode, type TextEncoding } from './decode.ts';

export type ImportFormat = 'csv' | 'xlsx';
export type EncodingChoice = 'auto' | 'utf-8' | 'gb18030';

/** What is sniffed: enough for the encoding, the delimiter and a row estimate, small enough to read at once. */
export const HEAD_BYTES = 64 * 1024;

export type Head = { bytes: Buffer; totalBytes: number; atEof: boolean };

export async function readHead(file: string): Promise<Head> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, bytesRead), totalBytes: size, atEof: bytesRead >= size };
  } finally {
    await handle.close();
  }
}

const ZIP = [0x50, 0x4b];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Many Chinese business systems export an HTML table or Excel 2003 XML and call it .xls.
const MARKUP = /^\s*<(?:!doctype\s+html|html|table|\?xml[^>]*>\s*<\?mso-application|\?xml[^>]*>\s*<workbook)/i;

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** The file's format: the caller's word, else its magic bytes (a zip is xlsx), else CSV. */
export function detectFormat(head: Head, forced: ImportFormat | undefined): ImportFormat {
  if (startsWith(head.bytes, OLE2)) {
    throw new AppError(
      'IMPORT_FORMAT_UNSUPPORTED',
      'This is an old Excel .xls file (or a password-protected workbook). Open it in Excel and save it as .xlsx or .csv, then import that file',
      { format: 'xls' },
    );
  }
  const bom = startsWith(head.bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (MARKUP.test(head.bytes.subarray(bom, bom + 1024).toString('latin1'))) {
    throw new AppError(
      'IMPORT_FORMAT_UNSUPPORTED',
      'This file is a web page or Excel 2003 XML saved under a spreadsheet name. Open it in Excel and save it as .xlsx or .csv, then import that file',
      { format: 'markup' },
    );
  }
  if (forced) return forced;
  return startsWith(head.bytes, ZIP) ? 'xlsx' : 'csv';
}

export type TextLayout = { mode: DecodeMode; encoding: TextEncoding; bomLength: number; text: string };

function decodeHead(bytes: Buffer, mode: DecodeMode, atEof: boolean): string {
  if (mode === 'gb18030' || mode === 'utf-16le') {
    const decoder = streamingDecoder(mode);
    return decoder.write(bytes) + (atEof ? decoder.end() : '');
  }
  return new TextDecoder('utf-8').decode(bytes, { stream: !atEof });
}

/**
 * The encoding of a CSV file from its first 64 KB. A byte-order mark is taken at its word (UTF-8, or
 * UTF-16LE as Excel's "Unicode text" writes it); then the caller's choice; then UTF-8 if the bytes are
 * valid UTF-8, GB18030 if they decode without a replacement character. A cut character at the end of
 * the sample is not held against it. Text with NUL bytes or many control characters is binary.
 */
export function detectText(head: Head, choice: EncodingChoice): TextLayout {
  const { bytes, atEof } = head;
  let mode: DecodeMode;
  let bomLength = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [mode, bomLength] = ['utf-8', 3];
  else if (startsWith(bytes, [0xff, 0xfe])) [mode, bomLength] = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) throw unreadableText('it is UTF-16 big-endian, which is not supported');
  else if (choice !== 'auto') mode = choice;
  else if (isAscii(bytes)) mode = 'ascii';
  else if (isUtf8(bytes.subarray(0, bytes.length - (atEof ? 0 : incompleteUtf8Tail(bytes))))) mode = 'utf-8';
  else if (decodesAsGb18030(bytes, atEof)) mode = 'gb18030';
  else throw unreadableText('it is neither UTF-8 nor GB18030 text');
  const text = decodeHead(bytes.subarray(bomLength), mode, atEof);
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) throw unreadableText('it contains NUL bytes, so it is a binary file (or UTF-16 without a byte-order mark)');
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls++;
  }
  if (controls > text.length / 100) throw unreadableText('it is full of control characters, so it is a binary file');
  return { mode, encoding: mode === 'ascii' ? 'utf-8' : mode, bomLength, text };
}

const CANDIDATES = [',', '\t', ';', '|'];
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const SAMPLE_RECORDS = 10;

export type TextScan = {
  delimiter: string;
  /** non-blank records that end inside the text */
  records: number;
  /** characters of the text that those records take up */
  coveredChars: number;
};

/**
 * One quote-aware pass over the sampled text. The delimiter is the candidate (comma, tab, semicolon,
 * pipe) that the header line uses and the next records repeat the same number of times; the record
 * count gives the row estimate of a preview.
 */
export function scanText(text: string, atEof: boolean): TextScan {
  const perRecord: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuotes = false;
  let fieldStart = true;
  let content = false;
  let records = 0;
  let coveredChars = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inQuotes) {
      if (code === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (code === LF || code === CR) {
      if (code === CR && text.charCodeAt(i + 1) === LF) i++;
      if (content) {
        records++;
        if (perRecord.length < SAMPLE_RECORDS) perRecord.push(counts);
      }
      coveredChars = i + 1;
      counts = [0, 0, 0, 0];
      content = false;
      fieldStart = true;
      continue;
    }
    const candidate = CANDIDATES.indexOf(text[i]!);
    if (candidate >= 0) {
      counts[candidate]!++;
      fieldStart = true;
      content = true;
    } else if (code !== SPACE) {
      // A quote opens a quoted field only at the start of a field; inside one it is a plain character.
      if (code === QUOTE && fieldStart) inQuotes = true;
      fieldStart = false;
      content = true;
    }
  }
  if (content && atEof && !inQuotes) {
    records++;
    if (perRecord.length < SAMPLE_RECORDS) perRecord.push(counts);
    coveredChars = text.length;
  }
  const header = perRecord[0] ?? counts;
  let best = 0;
  let bestScore = -1;
  CANDIDATES.forEach((_, k) => {
    if (header[k] === 0) return;
    const repeated = perRecord.slice(1).filter((c) => c[k] === header[k]).length;
    const score = repeated * 10_000 + header[k]!;
    if (score > bestScore) [best, bestScore] = [k, score];
  });
  return { delimiter: CANDIDATES[best]!, records, coveredChars };
}

/** Data rows in the whole file, extrapolated from the records in the sample. */
export function estimateRows(layout: TextLayout, scan: TextScan, head: Head): number | null {
  if (scan.records === 0 || scan.coveredChars === 0) return null;
  const textBytes = Buffer.byteLength(layout.text, 'utf8');
  const coveredBytes = (Buffer.byteLength(layout.text.slice(0, scan.coveredChars), 'utf8') / textBytes) * (head.bytes.length - layout.bomLength);
  const records = Math.round((scan.records * (head.totalBytes - layout.bomLength)) / coveredBytes);
  return Math.max(0, records - 1);
}
