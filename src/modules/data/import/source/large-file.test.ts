import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource } from './open-source.ts';

// A forced collection before each reading, so the numbers are live data rather than garbage not yet collected.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ROWS = 200_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-import-large-'));
const file = path.join(dir, 'large.csv');

beforeAll(async () => {
  const out = fs.createWriteStream(file);
  out.write('id,姓名,email,phone,city,note\n');
  for (let i = 0; i < ROWS; i++) {
    const line = `${i},客户${i},customer${i}@example.com,138${String(i).padStart(8, '0')},上海,"note ${i}, ${'x'.repeat(60 + (i % 40))}"\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a large CSV', () => {
  it('streams with bounded memory', async () => {
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(25 * 1024 * 1024);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last = 0;
    const source = await openSource(file);
    for await (const row of source.rows) {
      count++;
      last = row.row;
      if (count % 20_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    await source.close();
    expect(count).toBe(ROWS);
    expect(last).toBe(ROWS + 1);
    expect(source.bytesRead()).toBe(size);
    // The whole file held in memory would be at least its size (twice, as UTF-16 strings).
    expect(peak).toBeLessThan(size / 4);
  }, 120_000);
});

describe('a large XLSX from a streaming writer (inline strings, as Relata exports write)', () => {
  it('streams with bounded memory', async () => {
    const xlsx = path.join(dir, 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useStyles: false, useSharedStrings: false });
    const sheet = writer.addWorksheet('Contacts');
    sheet.addRow(['id', '姓名', 'email', 'note']).commit();
    const XLSX_ROWS = 60_000;
    for (let i = 1; i <= XLSX_ROWS; i++) sheet.addRow([i, `客户${i}`, `customer${i}@example.com`, `note ${i} ${'x'.repeat(60)}`]).commit();
    sheet.commit();
    await writer.commit();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last: string[] = [];
    const source = await openSource(xlsx);
    expect(source.headers).toEqual(['id', '姓名', 'email', 'note']);
    for await (const row of source.rows) {
      count++;
      last = row.cells;
      if (count % 10_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    await source.close();
    expect(count).toBe(XLSX_ROWS);
    expect(last.slice(0, 3)).toEqual([String(XLSX_ROWS), `客户${XLSX_ROWS}`, `customer${XLSX_ROWS}@example.com`]);
    // the sheet's 60,000 rows held as strings would take over 20 MB
    expect(peak).toBeLessThan(6 * 1024 * 1024);
  }, 120_000);
});
