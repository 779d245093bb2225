import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/http/errors.ts';
import { openSource, previewSource } from './open-source.ts';
import type { OpenSourceOptions, SourceRow } from './source.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-import-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function write(content: string | Buffer): string {
  const file = path.join(dir, `f${++counter}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(file: string, options?: OpenSourceOptions): Promise<{ headers: string[]; rows: SourceRow[]; encoding: string | null; delimiter: string | null }> {
  const source = await openSource(file, options);
  try {
    const rows: SourceRow[] = [];
    for await (const row of source.rows) rows.push(row);
    return { headers: source.headers, rows, encoding: source.encoding, delimiter: source.delimiter };
  } finally {
    await source.close();
  }
}

async function failure(action: () => Promise<unknown>): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('CSV encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    for (const prefix of ['', '\uFEFF']) {
      const result = await readAll(write(`${prefix}姓名,城市\n李娜,上海\n`));
      expect(result.headers).toEqual(['姓名', '城市']);
      expect(result.rows).toEqual([{ row: 2, cells: ['李娜', '上海'] }]);
      expect(result.encoding).toBe('utf-8');
    }
  });

  it('reads UTF-16LE with a byte-order mark, tab-separated as Excel saves "Unicode text"', async () => {
    const file = write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t城市\r\n李娜\t上海\r\n', 'utf16le')]));
    const result = await readAll(file);
    expect(result).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['姓名', '城市'] });
    expect(result.rows).toEqual([{ row: 2, cells: ['李娜', '上海'] }]);
  });

  it('detects GBK/GB18030 and decodes it as a stream', async () => {
    const file = write(iconv.encode('姓名,城市,备注\n李娜,上海,"含,逗号"\n张三丰,北京,𠀀\n', 'gb18030'));
    const result = await readAll(file);
    expect(result.encoding).toBe('gb18030');
    expect(result.headers).toEqual(['姓名', '城市', '备注']);
    expect(result.rows.map((r) => r.cells)).toEqual([['李娜', '上海', '含,逗号'], ['张三丰', '北京', '𠀀']]);
  });

  it('is not fooled by a character cut at the 64 KB sniffing boundary', async () => {
    for (const encoding of ['gb18030', 'utf-8'] as const) {
      const head = encoding === 'utf-8' ? Buffer.from('名字,备注\n') : iconv.encode('名字,备注\n', 'gb18030');
      const filler = Buffer.from(`x,${'a'.repeat(64 * 1024 - 1 - head.length - 3)}\n`);
      const tail = encoding === 'utf-8' ? Buffer.from('张三,李四\n') : iconv.encode('张三,李四\n', 'gb18030');
      const bytes = Buffer.concat([head, filler, tail]);
      expect(head.length + filler.length).toBe(64 * 1024 - 1); // the first byte of 张 is the last sniffed byte
      const result = await readAll(write(bytes));
      expect(result.encoding).toBe(encoding);
      expect(result.rows.at(-1)!.cells).toEqual(['张三', '李四']);
    }
  });

  it('decides at the first non-ASCII byte when the first 64 KB are ASCII', async () => {
    const ascii = `name,city\n${'Ada,London\n'.repeat(7000)}`;
    const file = write(Buffer.concat([Buffer.from(ascii), iconv.encode('李娜,上海\n', 'gb18030')]));
    const source = await openSource(file);
    const rows: SourceRow[] = [];
    for await (const row of source.rows) rows.push(row);
    await source.close();
    expect(rows).toHaveLength(7001);
    expect(rows.at(-1)).toEqual({ row: 7002, cells: ['李娜', '上海'] });
    expect(source.encoding).toBe('gb18030');
  });

  it('reads an encoding the caller names', async () => {
    const result = await readAll(write(iconv.encode('名称\n测试\n', 'gb18030')), { encoding: 'gb18030' });
    expect(result.rows[0]!.cells).toEqual(['测试']);
  });

  it('fails on bytes that are not UTF-8 later in a UTF-8 file instead of importing U+FFFD', async () => {
    const file = write(Buffer.concat([Buffer.from(`名,城市\n${'李,上海\n'.repeat(8000)}`), Buffer.from([0xff, 0xfe, 0x0a])]));
    const error = await failure(() => readAll(file));
    expect(error.code).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('refuses binary junk and unknown encodings', async () => {
    const withNul = await failure(() => openSource(write(Buffer.from('a,b\n1,\u0000\u0001\n'))));
    expect(withNul.code).toBe('IMPORT_FILE_UNREADABLE');
    const neither = await failure(() => openSource(write(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0xff, 0x0a]))));
    expect(neither.code).toBe('IMPORT_FILE_UNREADABLE');
    const bigEndian = await failure(() => openSource(write(Buffer.from([0xfe, 0xff, 0x00, 0x61]))));
    expect(bigEndian.code).toBe('IMPORT_FILE_UNREADABLE');
    const png = await failure(() => openSource(write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))));
    expect(png.code).toBe('IMPORT_FILE_UNREADABLE');
  });
});

describe('CSV structure', () => {
  it('reads any line ending', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const result = await readAll(write(['a,b', '1,2', '3,4'].join(eol) + eol));
      expect(result.rows, JSON.stringify(eol)).toEqual([{ row: 2, cells: ['1', '2'] }, { row: 3, cells: ['3', '4'] }]);
    }
  });

  it('reads quoted fields with delimiters, quotes and line breaks, numbering records not lines', async () => {
    const result = await readAll(write('name,note\n"Smith, John","He said ""hi""\nand left"\n"Ada",plain\n'));
    expect(result.rows).toEqual([
      { row: 2, cells: ['Smith, John', 'He said "hi"\nand left'] },
      { row: 3, cells: ['Ada', 'plain'] },
    ]);
  });

  it('sniffs the delimiter from the header line', async () => {
    for (const delimiter of [',', ';', '\t', '|']) {
      const result = await readAll(write(`name${delimiter}city${delimiter}note\nAda${delimiter}London${delimiter}"x, y; z"\n`));
      expect(result.delimiter).toBe(delimiter);
      expect(result.rows[0]!.cells).toEqual(['Ada', 'London', 'x, y; z']);
    }
    expect((await readAll(write('Name;Street\nAda;Main St, 5\n'))).delimiter).toBe(';');
  });

  it('trims whitespace around unquoted values and keeps it inside quotes (FEBRL style)', async () => {
    const result = await readAll(write('rec_id, given_name , surname\nrec-1, , waller\nrec-2,  " lachlan ", berry \n'));
    expect(result.headers).toEqual(['rec_id', 'given_name', 'surname']);
    expect(result.rows.map((r) => r.cells)).toEqual([['rec-1', '', 'waller'], ['rec-2', ' lachlan ', 'berry']]);
  });

  it('reads the FEBRL sample cleanly', async () => {
    const result = await readAll('/work/shared/data/febrl/dataset1.csv');
    expect(result.headers[1]).toBe('given_name');
    expect(result.rows).toHaveLength(1000);
    expect(result.rows[0]).toEqual({ row: 2, cells: ['rec-223-org', '', 'waller', '6', 'tullaroop street', 'willaroo', 'st james', '4011', 'wa', '19081209', '6988048'] });
    expect(result.rows.every((r) => r.cells.every((c) => c === c.trim()))).toBe(true);
  });

  it('NFC-normalises headers and cells', async () => {
    const result = await readAll(write('Cafe\u0301\nJose\u0301\n'));
    expect(result.headers).toEqual(['Café']);
    expect(result.rows[0]!.cells).toEqual(['José']);
  });

  it('skips blank lines but keeps counting them, as a spreadsheet shows them', async () => {
    const result = await readAll(write('\n\na,b\n1,2\n\n , \n3,4\n'));
    expect(result.headers).toEqual(['a', 'b']);
    expect(result.rows).toEqual([{ row: 4, cells: ['1', '2'] }, { row: 7, cells: ['3', '4'] }]);
  });

  it('yields ragged rows as they are', async () => {
    const result = await readAll(write('a,b,c\n1,2\n1,2,3,4\n'));
    expect(result.rows.map((r) => r.cells)).toEqual([['1', '2'], ['1', '2', '3', '4']]);
  });

  it('reads a header-only file as zero rows', async () => {
    expect((await readAll(write('a,b\n'))).rows).toEqual([]);
    expect((await readAll(write('a,b'))).rows).toEqual([]);
  });

  it('drops trailing empty header cells and their empty cells', async () => {
    const result = await readAll(write('a,b,,\n1,2,,\n3,4\n5,6,,,7\n'));
    expect(result.headers).toEqual(['a', 'b']);
    expect(result.rows.map((r) => r.cells)).toEqual([['1', '2'], ['3', '4'], ['5', '6', '7']]);
  });
});

describe('CSV errors', () => {
  it('refuses an empty file: 0 bytes, only a BOM, only blanks', async () => {
    for (const content of ['', '\uFEFF', '  \n\r\n \t\n']) {
      const error = await failure(() => openSource(write(content)));
      expect(error.code, JSON.stringify(content)).toBe('IMPORT_FILE_EMPTY');
    }
  });

  it('refuses duplicate headers, ignoring case and surrounding spaces', async () => {
    const error = await failure(() => openSource(write('Name,Email, email ,City\n')));
    expect(error.code).toBe('IMPORT_HEADER_DUPLICATE');
    expect(error.details).toEqual({ header: 'Email', columns: [2, 3] });
  });

  it('refuses data under a blank header', async () => {
    const source = await openSource(write('a,,c\n1,,3\n4,5,6\n'));
    expect(source.headers).toEqual(['a', '', 'c']);
    const error = await failure(async () => {
      for await (const row of source.rows) void row;
    });
    expect(error.code).toBe('IMPORT_HEADER_BLANK');
    expect(error.details).toEqual({ column: 2, column_letter: 'B', row: 3 });
    const trailing = await failure(() => readAll(write('a,b,\n1,2,\n1,2,x\n')));
    expect(trailing.details).toMatchObject({ column: 3, row: 3 });
  });

  it('reports an unterminated quote with its row', async () => {
    const error = await failure(() => readAll(write('a,b\n1,2\n3,"never closed\n5,6\n')));
    expect(error.code).toBe('IMPORT_CSV_MALFORMED');
    expect(error.details).toMatchObject({ row: 3, reason: 'CSV_QUOTE_NOT_CLOSED' });
  });

  it('reports text after a closing quote with its row', async () => {
    const error = await failure(() => readAll(write('a,b\n1,2\n3,"x"y\n')));
    expect(error).toMatchObject({ code: 'IMPORT_CSV_MALFORMED', details: { row: 3 } });
  });

  it('fails fast on a record over the limit instead of buffering the file', async () => {
    const file = path.join(dir, 'huge-quote.csv');
    const out = fs.createWriteStream(file);
    out.write('a,b\n1,2\n3,"oops\n');
    const line = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 50_000; i++) out.write(line); // 5 MB inside one open quote
    await new Promise((resolve) => out.end(resolve));
    const source = await openSource(file);
    const error = await failure(async () => {
      for await (const row of source.rows) void row;
    });
    expect(error.code).toBe('IMPORT_CSV_MALFORMED');
    expect(error.details).toMatchObject({ row: 3, reason: 'CSV_MAX_RECORD_SIZE' });
    expect(source.bytesRead()).toBeLessThan(2 * 1024 * 1024);
    const small = await failure(() => readAll(write(`a\n${'y'.repeat(200)}\n`), { maxRecordBytes: 100 }));
    expect(small.details).toMatchObject({ row: 2 });
  });

  it('refuses old .xls files and HTML saved as a spreadsheet, whatever the format option', async () => {
    const xls = await failure(() => openSource(write(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), { format: 'csv' }));
    expect(xls.code).toBe('IMPORT_FORMAT_UNSUPPORTED');
    expect(xls.message).toMatch(/\.xlsx or \.csv/);
    const html = await failure(() => openSource(write('<html><body><table><tr><td>a</td></tr></table></body></html>')));
    expect(html.code).toBe('IMPORT_FORMAT_UNSUPPORTED');
  });
});

describe('CSV iteration', () => {
  it('resumes after a row without yielding the rows before it', async () => {
    const file = write('a\n1\n"two\nlines"\n3\n4\n');
    const result = await readAll(file, { startAfterRow: 3 });
    expect(result.rows).toEqual([{ row: 4, cells: ['3'] }, { row: 5, cells: ['4'] }]);
  });

  it('closes twice, and mid-iteration ends the rows', async () => {
    const source = await openSource(write(`a\n${'1\n'.repeat(100_000)}`));
    let seen = 0;
    for await (const row of source.rows) {
      void row;
      if (++seen === 10) await source.close();
    }
    expect(seen).toBe(10);
    await source.close();
    await source.close();
  });

  it('ends with break and reports bytes read against the total', async () => {
    const file = write(`a,b\n${'1,2\n'.repeat(1000)}`);
    const source = await openSource(file);
    expect(source.totalBytes).toBe(fs.statSync(file).size);
    for await (const row of source.rows) if (row.row > 3) break;
    await source.close();
    const all = await openSource(file);
    for await (const row of all.rows) void row;
    expect(all.bytesRead()).toBe(all.totalBytes);
    await all.close();
  });
});

describe('previewSource', () => {
  it('gives the first rows and an exact count for a small file', async () => {
    const preview = await previewSource(write('a;b\n1;2\n3;4\n'));
    expect(preview).toEqual({
      format: 'csv', encoding: 'utf-8', delimiter: ';', headers: ['a', 'b'],
      rows: [{ row: 2, cells: ['1', '2'] }, { row: 3, cells: ['3', '4'] }], row_estimate: 2,
    });
  });

  it('counts exactly when the file has exactly `limit` rows, and previews rows before a bad one', async () => {
    expect((await previewSource(write('a\n1\n2\n3\n'), { limit: 3 })).row_estimate).toBe(3);
    const preview = await previewSource(write('a,\n1,\n2,x\n'), { limit: 1 });
    expect(preview.rows).toEqual([{ row: 2, cells: ['1'] }]);
  });

  it('estimates the rows of a large file from its first 64 KB', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `${i},name ${i % 97},${'x'.repeat(i % 40)}`);
    const preview = await previewSource(write(`id,name,pad\n${lines.join('\n')}\n`), { limit: 5 });
    expect(preview.rows).toHaveLength(5);
    expect(preview.row_estimate).toBeGreaterThan(45_000);
    expect(preview.row_estimate).toBeLessThan(55_000);
  });
});
