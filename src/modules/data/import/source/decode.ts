import { isAscii, isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../../../platform/http/errors.ts';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';
/**
 * 'ascii': only ASCII so far, which reads the same in UTF-8 and GB18030. A file whose first 64 KB are
 * ASCII (English headers, Latin names sorted first) is decided at its first other byte instead.
 */
export type DecodeMode = TextEncoding | 'ascii';

const EMPTY = Buffer.alloc(0);
/** Enough bytes after the first non-ASCII one to tell UTF-8 from GB18030 with confidence. */
const DECIDE_AFTER = 4096;

/** How many bytes at the end start a UTF-8 sequence that the next chunk completes (0–3). */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return 0;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return length > back ? back : 0;
  }
  return 0;
}

/** GB18030 maps nearly every byte pair, so "decodes without an error" is the whole test. */
export function decodesAsGb18030(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

export function unreadableText(reason: string, details?: Record<string, unknown>): AppError {
  return new AppError(
    'IMPORT_FILE_UNREADABLE',
    `The file cannot be read as text: ${reason}. Save it as CSV UTF-8 (or choose the file's encoding) and try again`,
    details,
  );
}

type Decoder = { write(bytes: Buffer): string; end(): string };

/**
 * GB18030 and UTF-16LE through the WHATWG TextDecoder (ICU) rather than iconv-lite: iconv-lite 0.7's
 * streaming GB18030 decoder sizes its output by the chunk, so a four-byte character (𠀀, emoji) cut by
 * a chunk boundary overflows it and silently drops the characters after it.
 */
export function streamingDecoder(encoding: 'gb18030' | 'utf-16le'): Decoder {
  const decoder = new TextDecoder(encoding);
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * Bytes of a CSV file in, UTF-8 bytes out, whatever the file's encoding: csv-parse then sees one
 * encoding. UTF-8 passes through unchanged but checked (isUtf8 is native), so bad bytes far into a
 * file fail the import instead of turning into U+FFFD in customer names.
 */
export class ToUtf8 extends Transform {
  mode: DecodeMode;
  bytesIn = 0;
  bytesOut = 0;
  private offset: number;
  private carry: Buffer = EMPTY;
  private decoder: Decoder | null = null;

  constructor(mode: DecodeMode, startOffset: number) {
    super();
    this.mode = mode;
    this.offset = startOffset;
    if (mode === 'gb18030' || mode === 'utf-16le') this.decoder = streamingDecoder(mode);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesIn += chunk.length;
    try {
      this.accept(chunk, false);
      this.offset += chunk.length;
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.accept(EMPTY, true);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private out(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.bytesOut += bytes.length;
    this.push(bytes);
  }

  private accept(chunk: Buffer, end: boolean): void {
    if (this.mode === 'ascii') this.acceptUndecided(chunk, end);
    else if (this.mode === 'utf-8') this.acceptUtf8(chunk, end);
    else {
      const text = this.decoder!.write(chunk) + (end ? this.decoder!.end() : '');
      this.out(Buffer.from(text, 'utf8'));
    }
  }

  private acceptUndecided(chunk: Buffer, end: boolean): void {
    if (this.carry.length === 0) {
      if (isAscii(chunk)) return this.out(chunk);
      let first = 0;
      while (chunk[first]! < 0x80) first++;
      this.out(chunk.subarray(0, first));
      this.carry = Buffer.from(chunk.subarray(first));
    } else {
      this.carry = Buffer.concat([this.carry, chunk]);
    }
    if (this.carry.length < DECIDE_AFTER && !end) return;
    const pending = this.carry;
    this.carry = EMPTY;
    const tail = end ? 0 : incompleteUtf8Tail(pending);
    if (isUtf8(pending.subarray(0, pending.length - tail))) {
      this.mode = 'utf-8';
    } else if (decodesAsGb18030(pending, end)) {
      this.mode = 'gb18030';
      this.decoder = streamingDecoder('gb18030');
    } else {
      throw unreadableText(`the text after byte ${this.offset} is neither UTF-8 nor GB18030`, { byte: this.offset });
    }
    this.accept(pending, end);
  }

  private acceptUtf8(chunk: Buffer, end: boolean): void {
    const data = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const tail = end ? 0 : incompleteUtf8Tail(data);
    const whole = data.subarray(0, data.length - tail);
    if (!isUtf8(whole)) {
      throw unreadableText(`it is not valid UTF-8 near byte ${this.offset} (a file from Excel on Chinese Windows is usually GB18030)`, {
        byte: this.offset,
      });
    }
    this.carry = tail === 0 ? EMPTY : Buffer.from(data.subarray(data.length - tail));
    this.out(whole);
  }
}
