import type { Cell, CellValue } from 'exceljs';
import { excelSerialDayMs } from '../values/dates.ts';

const DAY_MS = 86_400_000;
/** Excel serial of 1970-01-01: exceljs turns date cells into JavaScript dates from this epoch. */
const UNIX_EPOCH_SERIAL = 25_569;
// In a number format, quoted text, escaped characters and [colour/locale] sections say nothing about dates.
const FORMAT_LITERALS = /"[^"]*"|\\.|\[[^\]]*\]/g;
const DATE_TOKENS = /[dmyhs]/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && DATE_TOKENS.test(format.replace(FORMAT_LITERALS, ''));
}

/** Plain digits, never exponent notation: 1e21 is written out, 1.5e-7 is 0.00000015. */
function expandExponent(text: string): string {
  const [mantissa = '', exponentText = '0'] = text.split('e');
  const negative = mantissa.startsWith('-');
  const [int = '', frac = ''] = mantissa.replace('-', '').split('.');
  const digits = int + frac;
  const point = int.length + Number(exponentText);
  const plain =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

/**
 * A number as Excel shows it: at most 15 significant digits, which is all Excel keeps, so the binary
 * noise of 0.1 + 0.2 (0.30000000000000004) goes and 13800138000 stays 13800138000.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(Number(value.toPrecision(15)));
  return text.includes('e') ? expandExponent(text) : text;
}

/** YYYY-MM-DD, YYYY-MM-DDTHH:mm:ss when there is a time of day, HH:mm:ss for a time alone (serial below 1). */
export function serialText(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const day = seconds === 86_400 ? Math.floor(serial) + 1 : Math.floor(serial);
  const time = seconds % 86_400;
  const clock = `${pad(Math.floor(time / 3600))}:${pad(Math.floor(time / 60) % 60)}:${pad(time % 60)}`;
  if (day === 0) return clock;
  const dayMs = excelSerialDayMs(day);
  if (dayMs === null) return numberText(serial); // serial 60, Excel's 1900-02-29: leave it for the date parser to refuse
  const date = new Date(dayMs).toISOString().slice(0, 10);
  return time === 0 ? date : `${date}T${clock}`;
}

/** `dateSerial`: a formula's numeric result under a date format (plain date cells arrive as Date already). */
function valueText(value: CellValue, dateSerial: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return dateSerial ? serialText(value) : numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return serialText(value.getTime() / DAY_MS + UNIX_EPOCH_SERIAL);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // A formula's cached result is what the user saw; the streaming reader gives date results as serials.
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result ?? null, false);
  if ('hyperlink' in value) return valueText(value.text as CellValue, false);
  // #N/A, #DIV/0! … carry no value: importing "#N/A" as a customer's name is worse than an empty cell.
  return '';
}

/** A cell as the text a user sees in it, trimmed. */
export function cellText(cell: Cell): string {
  const value = cell.value;
  if (typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)) {
    return valueText(value.result ?? null, typeof value.result === 'number' && isDateFormat(cell.numFmt)).trim();
  }
  return valueText(value, false).trim();
}
