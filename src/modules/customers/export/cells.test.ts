import { describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/database.ts';
import { cellText, csvField, csvLine, neutraliseFormula, xlsxValue } from './cells.ts';
import { assertFitsFormat, type ExportPlan } from './export-records.ts';
import { XLSX_MAX_DATA_ROWS } from './export-sinks.ts';

describe('formula injection (OWASP CSV injection)', () => {
  it('prefixes a quote to text starting with = + - @ tab or carriage return', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text, empty text and text with a trigger further in alone', () => {
    for (const text of ['Ada', '', 'a=b', '李娜', ' =1', "'quoted"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it('applies to text cells only: a negative number stays a number', () => {
    expect(cellText('-5', 'number')).toBe('-5');
    expect(cellText('-5', 'text')).toBe("'-5");
    expect(xlsxValue('-5', 'number')).toBe(-5);
    expect(xlsxValue('=1+2', 'text')).toBe("'=1+2");
  });
});

describe('CSV encoding (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('上海')).toBe('上海');
  });

  it('ends lines with CRLF and writes nulls as empty fields, booleans as true/false', () => {
    expect(csvLine(['1', null, true, 'x,y'], ['number', 'text', 'boolean', 'text'])).toBe('1,,true,"x,y"\r\n');
  });
});

describe('XLSX values', () => {
  it('keeps numbers numeric when exact, and very large integers as exact text', () => {
    expect(xlsxValue('12345', 'number')).toBe(12345);
    expect(xlsxValue('3.5', 'number')).toBe(3.5);
    expect(xlsxValue('9007199254740993', 'number')).toBe('9007199254740993');
    expect(xlsxValue(null, 'text')).toBeNull();
    expect(xlsxValue(false, 'boolean')).toBe(false);
  });

  it('refuses more rows than a sheet holds with EXPORT_TOO_LARGE, suggesting CSV', async () => {
    const plan = { request: { object: 'contacts', format: 'xlsx' } } as ExportPlan;
    const db = {} as Db;
    await expect(assertFitsFormat(db, plan, XLSX_MAX_DATA_ROWS)).resolves.toBeUndefined();
    await expect(assertFitsFormat(db, plan, XLSX_MAX_DATA_ROWS + 1)).rejects.toMatchObject({ code: 'EXPORT_TOO_LARGE', status: 422, details: { suggestion: 'csv' } });
    const csv = { request: { object: 'contacts', format: 'csv' } } as ExportPlan;
    await expect(assertFitsFormat(db, csv, 5_000_000)).resolves.toBeUndefined();
  });
});
