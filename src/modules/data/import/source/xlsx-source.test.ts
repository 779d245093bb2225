import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/http/errors.ts';
import { openSource, previewSource } from './open-source.ts';
import type { OpenSourceOptions, SourceRow } from './source.ts';
import { numberText, serialText } from './xlsx-cells.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-import-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, `w${++counter}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function readAll(file: string, options?: OpenSourceOptions): Promise<{ headers: string[]; rows: SourceRow[] }> {
  const source = await openSource(file, options);
  try {
    const rows: SourceRow[] = [];
    for await (const row of source.rows) rows.push(row);
    return { headers: source.headers, rows };
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

describe('XLSX cell values', () => {
  it('turns every kind of cell into the text a user sees', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('客户');
      ws.addRow(['name', 'phone', 'joined', 'vip', 'note', 'double', 'site', 'ratio', 'seen', 'error', 'today', 'big', 'tiny', 'alarm']);
      ws.addRow([
        '  李娜 ', 13800138000, new Date(Date.UTC(2024, 2, 1)), true,
        { richText: [{ text: 'very ' }, { font: { bold: true }, text: 'important' }] },
        { formula: 'B2*2', result: 27600276000 }, { text: 'our site', hyperlink: 'https://example.com' }, 0.1 + 0.2,
        new Date(Date.UTC(2024, 2, 1, 10, 30, 15)), { error: '#N/A' }, { formula: 'TODAY()', result: 45293 }, 1e21, -1.5e-7, 0.4375,
      ]);
      ws.getCell('C2').numFmt = 'yyyy-mm-dd';
      ws.getCell('K2').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('N2').numFmt = 'h:mm';
    });
    const { headers, rows } = await readAll(file);
    expect(headers).toHaveLength(14);
    expect(rows).toEqual([{
      row: 2,
      cells: ['李娜', '13800138000', '2024-03-01', 'true', 'very important', '27600276000', 'our site', '0.3', '2024-03-01T10:30:15', '', '2024-01-02', '1000000000000000000000', '-0.00000015', '10:30:00'],
    }]);
  });

  it('writes numbers with at most the 15 digits Excel keeps, never in exponent form', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1234.5)).toBe('1234.5');
    expect(numberText(-42)).toBe('-42');
    expect(numberText(123456789012345680)).toBe('123456789012346000');
    expect(numberText(Number.NaN)).toBe('');
  });

  it('reads serial dates with the 1900 leap-year bug and rounds times to the second', () => {
    expect(serialText(1)).toBe('1900-01-01');
    expect(serialText(61)).toBe('1900-03-01');
    expect(serialText(45352.5)).toBe('2024-03-01T12:00:00');
    expect(serialText(45352.99999999)).toBe('2024-03-02');
    expect(serialText(0.5)).toBe('12:00:00');
    expect(serialText(60)).toBe('60');
  });
});

describe('XLSX sheets and rows', () => {
  it('reads the first sheet of the tab order, or the one asked for by name or position', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('First').addRows([['a'], ['1']]);
      wb.addWorksheet('Second').addRows([['b'], ['2']]);
    });
    expect(await readAll(file)).toEqual({ headers: ['a'], rows: [{ row: 2, cells: ['1'] }] });
    expect(await readAll(file, { sheet: 'second' })).toEqual({ headers: ['b'], rows: [{ row: 2, cells: ['2'] }] });
    expect(await readAll(file, { sheet: 2 })).toEqual({ headers: ['b'], rows: [{ row: 2, cells: ['2'] }] });
    const missing = await failure(() => openSource(file, { sheet: 'Third' }));
    expect(missing.code).toBe('IMPORT_SHEET_NOT_FOUND');
    expect(missing.details).toMatchObject({ sheet: 'Third' });
  });

  it('takes the first non-empty row as the header, skips empty rows and keeps the sheet row numbers', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A3').value = 'name';
      ws.getCell('B3').value = 'city';
      ws.getCell('A4').value = 'Ada';
      ws.getCell('A6').value = 'Bo';
      ws.getCell('B6').value = 'Paris';
      ws.getCell('A7').value = '   ';
    });
    expect(await readAll(file)).toEqual({ headers: ['name', 'city'], rows: [{ row: 4, cells: ['Ada', ''] }, { row: 6, cells: ['Bo', 'Paris'] }] });
    expect((await readAll(file, { startAfterRow: 4 })).rows).toEqual([{ row: 6, cells: ['Bo', 'Paris'] }]);
  });

  it('refuses data under a blank header or beyond the last header', async () => {
    const interior = await workbook((wb) => wb.addWorksheet('S').addRows([['a', null, 'c'], ['1', null, '3'], ['1', 'x', '3']]));
    const source = await openSource(interior);
    expect(source.headers).toEqual(['a', '', 'c']);
    const error = await failure(async () => {
      for await (const row of source.rows) void row;
    });
    expect(error).toMatchObject({ code: 'IMPORT_HEADER_BLANK', details: { column: 2, column_letter: 'B', row: 3 } });
    const beyond = await workbook((wb) => wb.addWorksheet('S').addRows([['a', 'b'], ['1', '2', 'stray']]));
    expect((await failure(() => readAll(beyond))).details).toMatchObject({ column: 3, row: 2 });
  });

  it('refuses duplicate headers', async () => {
    const file = await workbook((wb) => wb.addWorksheet('S').addRows([['手机', 'Name', '手机 ']]));
    expect(await failure(() => openSource(file))).toMatchObject({ code: 'IMPORT_HEADER_DUPLICATE', details: { header: '手机', columns: [1, 3] } });
  });

  it('refuses an empty sheet, a damaged zip and a zip that is no workbook', async () => {
    const empty = await workbook((wb) => wb.addWorksheet('S'));
    expect((await failure(() => openSource(empty))).code).toBe('IMPORT_FILE_EMPTY');
    const good = fs.readFileSync(empty);
    const damaged = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(damaged, Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 0x41)]));
    expect((await failure(() => openSource(damaged))).code).toBe('IMPORT_FILE_UNREADABLE');
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 0x37)]));
    expect((await failure(() => openSource(junk))).code).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('previews with an exact count when the sheet is short, and closes mid-iteration', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['n']);
      for (let i = 1; i <= 30; i++) ws.addRow([i]);
    });
    const short = await previewSource(file, { limit: 50 });
    expect(short).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, headers: ['n'], row_estimate: 30 });
    const long = await previewSource(file, { limit: 5 });
    expect(long.rows.map((r) => r.cells[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(long.row_estimate).toBeNull();
    const exact = await previewSource(file, { limit: 30 });
    expect(exact.row_estimate).toBe(30);

    const source = await openSource(file);
    const seen: number[] = [];
    for await (const row of source.rows) {
      seen.push(row.row);
      if (seen.length === 3) await source.close();
    }
    expect(seen).toEqual([2, 3, 4]);
    await source.close();
    expect(source.bytesRead()).toBeGreaterThan(0);
  });
});
