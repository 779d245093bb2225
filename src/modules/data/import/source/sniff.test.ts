import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/http/errors.ts';
import { incompleteUtf8Tail, ToUtf8, type DecodeMode } from './decode.ts';
import { detectFormat, detectText, scanText, type Head } from './sniff.ts';

function head(bytes: Buffer, atEof = true): Head {
  return { bytes, totalBytes: bytes.length, atEof };
}

/** Feeds the bytes one at a time, the worst case of chunk boundaries. */
async function decodeByteByByte(bytes: Buffer, mode: DecodeMode): Promise<{ text: string; mode: DecodeMode }> {
  const decoder = new ToUtf8(mode, 0);
  const out: Buffer[] = [];
  decoder.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    decoder.on('end', resolve);
    decoder.on('error', reject);
  });
  for (const byte of bytes) decoder.write(Buffer.from([byte]));
  decoder.end();
  await done;
  return { text: Buffer.concat(out).toString('utf8'), mode: decoder.mode };
}

describe('ToUtf8', () => {
  const text = 'name,城市\nAda,上海 𠀀 ü\n';

  it('passes UTF-8 through whatever the chunk boundaries', async () => {
    expect(await decodeByteByByte(Buffer.from(text), 'utf-8')).toEqual({ text, mode: 'utf-8' });
  });

  it('decodes GB18030 and UTF-16LE whatever the chunk boundaries', async () => {
    expect((await decodeByteByByte(iconv.encode(text, 'gb18030'), 'gb18030')).text).toBe(text);
    expect((await decodeByteByByte(Buffer.from(text, 'utf16le'), 'utf-16le')).text).toBe(text);
  });

  it('switches from ASCII to the encoding the first other bytes prove', async () => {
    expect(await decodeByteByByte(Buffer.from(text), 'ascii')).toEqual({ text, mode: 'utf-8' });
    expect(await decodeByteByByte(iconv.encode(text, 'gb18030'), 'ascii')).toEqual({ text, mode: 'gb18030' });
  });

  it('fails with IMPORT_FILE_UNREADABLE on invalid UTF-8, including a character cut by the end of the file', async () => {
    await expect(decodeByteByByte(Buffer.from([0x61, 0xff, 0x62]), 'utf-8')).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
    await expect(decodeByteByByte(Buffer.from([0x61, 0xe4, 0xb8]), 'utf-8')).rejects.toBeInstanceOf(AppError);
  });

  it('counts the bytes of an incomplete UTF-8 character at the end', () => {
    const han = Buffer.from('上'); // 3 bytes
    expect(incompleteUtf8Tail(han)).toBe(0);
    expect(incompleteUtf8Tail(han.subarray(0, 2))).toBe(2);
    expect(incompleteUtf8Tail(han.subarray(0, 1))).toBe(1);
    expect(incompleteUtf8Tail(Buffer.from('ab'))).toBe(0);
  });
});

describe('detectText', () => {
  it('trusts a byte-order mark over the caller and the content', () => {
    expect(detectText(head(Buffer.from('\uFEFFa,b\n')), 'gb18030')).toMatchObject({ mode: 'utf-8', bomLength: 3, text: 'a,b\n' });
  });

  it('tells ASCII, UTF-8 and GB18030 apart', () => {
    expect(detectText(head(Buffer.from('a,b\n')), 'auto').mode).toBe('ascii');
    expect(detectText(head(Buffer.from('名,城\n')), 'auto').mode).toBe('utf-8');
    expect(detectText(head(iconv.encode('名,城\n', 'gb18030')), 'auto')).toMatchObject({ mode: 'gb18030', encoding: 'gb18030', text: '名,城\n' });
  });

  it('refuses text full of control characters', () => {
    expect(() => detectText(head(Buffer.from('a\u0001b\u0002c\u0003d\u0004')), 'auto')).toThrow(AppError);
  });
});

describe('detectFormat', () => {
  it('reads zip magic as xlsx, anything else as csv, and follows the caller', () => {
    expect(detectFormat(head(Buffer.from('PK\u0003\u0004rest')), undefined)).toBe('xlsx');
    expect(detectFormat(head(Buffer.from('a,b\n')), undefined)).toBe('csv');
    expect(detectFormat(head(Buffer.from('a,b\n')), 'xlsx')).toBe('xlsx');
  });

  it('refuses Excel 2003 XML saved as .xls', () => {
    const xml = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>';
    expect(() => detectFormat(head(Buffer.from(xml)), undefined)).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT_UNSUPPORTED' }));
  });
});

describe('scanText', () => {
  it('prefers the delimiter the next records repeat as often as the header', () => {
    expect(scanText('a,b;c\n1,2;3\n4,5;6\n', true).delimiter).toBe(',');
    expect(scanText('a;b;c\n"1,5";2;3\n4;"x,y,z";6\n', true).delimiter).toBe(';');
    expect(scanText('single\nvalue\n', true).delimiter).toBe(',');
  });

  it('counts records, not lines, and only complete ones in a cut sample', () => {
    expect(scanText('a,b\n"x\ny",1\n\n2,3\n', true)).toMatchObject({ records: 3 });
    expect(scanText('a,b\n1,2\n3,', false)).toMatchObject({ records: 2, coveredChars: 8 });
  });
});
