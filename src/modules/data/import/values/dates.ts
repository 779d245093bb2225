import { fail, ok, type Parsed } from './parsed.ts';

export type DateOptions = { dayFirst?: boolean };

/** 9999-12-31, the last day Excel can hold. */
export const EXCEL_SERIAL_MAX = 2_958_465;
const DAY_MS = 86_400_000;
// Excel counts a 29 February 1900 that never existed (serial 60, kept for Lotus 1-2-3 compatibility):
// serials up to 59 count from 1899-12-31, serials from 61 on are one day ahead and count from 1899-12-30.
const SERIAL_EPOCH_EARLY = Date.UTC(1899, 11, 31);
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

// Compiled once: these run for every date cell of every row.
const TIME_PART =
  /(?:[T\s]|(?<=[日号]))\s*(上午|下午|AM|PM)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(AM|PM|上午|下午)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const SERIAL = /^(\d{1,7})(?:\.(\d+))?$/;

const MONTHS = new Map<string, number>();
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach(
  (name, i) => {
    MONTHS.set(name, i + 1);
    MONTHS.set(name.slice(0, 3), i + 1);
  },
);
MONTHS.set('sept', 9);

/** A wall-clock reading; `offset` (minutes east of UTC) only when the text named one. */
type Wall = { y: number; m: number; d: number; h: number; mi: number; s: number; ms: number; offset: number | null };

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Two-digit years follow Excel's window (00–29 → 20xx, 30–99 → 19xx), since that is where such files come from. */
function fullYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

/** UTC milliseconds of a wall time; Date.UTC alone would read years below 100 as 19xx. */
function utcMs(y: number, m: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const date = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  date.setUTCFullYear(y, m - 1, d);
  return date.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Midnight UTC of an Excel serial day (its whole part), or null for serial 60 and out-of-range serials. */
export function excelSerialDayMs(serial: number): number | null {
  const day = Math.floor(serial);
  if (!(day >= 1 && day <= EXCEL_SERIAL_MAX) || day === 60) return null;
  return day < 60 ? SERIAL_EPOCH_EARLY + day * DAY_MS : SERIAL_EPOCH + day * DAY_MS;
}

function dateParts(y: number, m: number, d: number, source: string): Parsed<Wall> {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return fail('DATE_INVALID', `The date "${source}" does not exist`);
  return ok({ y, m, d, h: 0, mi: 0, s: 0, ms: 0, offset: null });
}

function fromSerial(whole: string, fraction: string | undefined, source: string): Parsed<Wall> {
  const serial = Number(fraction === undefined ? whole : `${whole}.${fraction}`);
  const dayMs = excelSerialDayMs(serial);
  if (dayMs === null) return fail('DATE_INVALID', `"${source}" is not a date`);
  // Excel stores times as fractions of a day with float noise (12:29:59.99998); the nearest millisecond is what was typed.
  const time = Math.round((serial - Math.floor(serial)) * DAY_MS);
  const date = new Date(dayMs + time);
  return ok({
    y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(),
    h: date.getUTCHours(), mi: date.getUTCMinutes(), s: date.getUTCSeconds(), ms: date.getUTCMilliseconds(), offset: null,
  });
}

function readDate(text: string, source: string, dayFirst: boolean): Parsed<Wall> {
  let match = YEAR_FIRST.exec(text) ?? CHINESE.exec(text) ?? COMPACT.exec(text);
  if (match) return dateParts(Number(match[1]), Number(match[2]), Number(match[3]), source);
  match = DOTTED.exec(text);
  // Dotted dates are a European habit, and Europe writes the day first.
  if (match) return dateParts(fullYear(match[3]!), Number(match[2]), Number(match[1]), source);
  match = SLASHED.exec(text);
  if (match) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    // 13/1/2024 can only be day first, whatever the option says.
    const dayFirstHere = dayFirst ? b <= 12 || a > 12 : a > 12 && b <= 12;
    return dayFirstHere ? dateParts(fullYear(match[3]!), b, a, source) : dateParts(fullYear(match[3]!), a, b, source);
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = MONTHS.get(match[2]!.toLowerCase());
    if (month !== undefined) return dateParts(Number(match[3]), month, Number(match[1]), source);
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = MONTHS.get(match[1]!.toLowerCase());
    if (month !== undefined) return dateParts(Number(match[3]), month, Number(match[2]), source);
  }
  match = SERIAL.exec(text);
  if (match) return fromSerial(match[1]!, match[2], source);
  return fail('DATE_INVALID', `"${source}" is not a date`);
}

function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/** Date and optional time of day, in any of the accepted spellings. */
function readWall(raw: string, dayFirst: boolean): Parsed<Wall> {
  // NFKC folds full-width digits and punctuation (２０２４／３／１) to ASCII.
  const text = raw.normalize('NFKC').trim();
  if (text === '') return fail('DATE_INVALID', 'The date is empty');
  const time = TIME_PART.exec(text);
  if (!time) return readDate(text, text, dayFirst);
  const date = readDate(text.slice(0, time.index).trim(), text, dayFirst);
  if (!date.ok) return date;
  const meridiem = (time[1] ?? time[6])?.toUpperCase();
  let h = Number(time[2]);
  const mi = Number(time[3]);
  const s = time[4] === undefined ? 0 : Number(time[4]);
  const ms = time[5] === undefined ? 0 : Math.round(Number(`0.${time[5]}`) * 1000);
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return fail('DATE_INVALID', `"${text}" has an invalid time`);
    const pm = meridiem === 'PM' || meridiem === '下午';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return fail('DATE_INVALID', `"${text}" has an invalid time`);
  return ok({ ...date.value, h, mi, s, ms, offset: time[7] === undefined ? null : offsetMinutes(time[7]) });
}

/**
 * A calendar date as YYYY-MM-DD. Accepts 2024-03-01, 2024/3/1, 2024.3.1, 20240301, 2024年3月1日,
 * 01.03.2024 (day first), 1/3/2024 (month first unless `dayFirst`), 1 Mar 2024, March 1, 2024,
 * ISO datetimes (the date part as written), Excel serial numbers and full-width digits.
 */
export function parseDate(raw: string, options?: DateOptions): Parsed<string> {
  const wall = readWall(raw, options?.dayFirst === true);
  return wall.ok ? ok(isoDate(wall.value.y, wall.value.m, wall.value.d)) : wall;
}

/** A zone's formatter and the offsets already worked out, per UTC day. */
type Zone = { format: Intl.DateTimeFormat; days: Map<number, number | null> };
const zones = new Map<string, Zone | null>();
const DAYS_CACHED = 50_000;

function zoneFor(name: string): Zone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: name, hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
      zone = { format, days: new Map() };
    } catch {
      zone = null; // RangeError: not an IANA zone
    }
    if (zones.size < 1000) zones.set(name, zone);
  }
  return zone;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function formatOffsetMs(format: Intl.DateTimeFormat, instant: number): number {
  const values = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(instant)) {
    if (part.type in values) values[part.type as keyof typeof values] = Number(part.value);
  }
  const wall = utcMs(values.year, values.month, values.day, values.hour, values.minute, values.second, 0);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The offset at `instant`. formatToParts costs tens of microseconds, too much for every row of a
 * million-order file, so a UTC day whose offset is the same at both ends is looked up once.
 */
function zoneOffsetMs(zone: Zone, instant: number): number {
  const day = Math.floor(instant / DAY_MS);
  let offset = zone.days.get(day);
  if (offset === undefined) {
    const start = formatOffsetMs(zone.format, day * DAY_MS);
    offset = start === formatOffsetMs(zone.format, (day + 1) * DAY_MS - 1000) ? start : null;
    if (zone.days.size >= DAYS_CACHED) zone.days.clear();
    zone.days.set(day, offset);
  }
  return offset ?? formatOffsetMs(zone.format, instant);
}

/**
 * The instant of a wall time in a zone. A time skipped by a daylight-saving jump moves forward by the
 * jump and a repeated one takes its first occurrence, as Temporal's "compatible" disambiguation does.
 */
function zonedInstant(zone: Zone, wallMs: number): number {
  const firstOffset = zoneOffsetMs(zone, wallMs);
  const guess = wallMs - firstOffset;
  const offset = zoneOffsetMs(zone, guess);
  if (offset === firstOffset) return guess;
  const second = wallMs - offset;
  return zoneOffsetMs(zone, second) === offset ? second : guess;
}

/**
 * An instant as an ISO string (2024-03-01T00:00:00.000Z). A written offset (Z, +08:00) is honoured;
 * otherwise the wall time is read in `timeZone` (IANA name), and a date alone means midnight there.
 */
export function parseDateTime(raw: string, timeZone: string): Parsed<string> {
  const wall = readWall(raw, false);
  if (!wall.ok) return wall;
  const { y, m, d, h, mi, s, ms, offset } = wall.value;
  const wallMs = utcMs(y, m, d, h, mi, s, ms);
  if (offset !== null) return ok(new Date(wallMs - offset * 60_000).toISOString());
  const zone = zoneFor(timeZone);
  if (!zone) return fail('FIELD_VALUE_INVALID', `"${timeZone}" is not a time zone`);
  return ok(new Date(zonedInstant(zone, wallMs)).toISOString());
}
