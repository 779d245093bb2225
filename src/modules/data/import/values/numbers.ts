import { fail, ok, type Parsed } from './parsed.ts';

/** A decimal number taken apart as written, so money can stay exact: digits without separators. */
type Decimal = { negative: boolean; int: string; frac: string };

// Compiled once: these run for every numeric cell of every row.
const CODES = 'CNY|RMB|USD|EUR|GBP|HKD|JPY|TWD|SGD|AUD|CAD|KRW|INR|CHF';
// "¥", "US$", "HK$", "RMB¥" or a bare ISO code before the amount; "元", a sign or a code after it.
const CURRENCY_BEFORE = new RegExp(`^(?:[a-z]{0,3}[$¥€£₩₹]|(?:${CODES})(?![a-z]))\\s*`, 'i');
const CURRENCY_AFTER = new RegExp(`\\s*(?:元|块|圆|[$¥€£₩₹]|(?<![a-z])(?:${CODES}))$`, 'i');
const BODY = /^(?:\d|\.\d)[\d,.' \u00a0\u202f]*$/;
const SCIENTIFIC = /^(\d+)(?:\.(\d*))?e([-+]?\d{1,3})$/i;
const GROUP_MARKS = /[,.' \u00a0\u202f]/;
const DIGITS = /^\d*$/;
const THREE_DIGITS = /^\d{3}$/;
const FIRST_GROUP = /^\d{1,3}$/;

/** "1,234,567" / "1 234 567" → "1234567" when every group after the first has three digits; null otherwise. */
function ungroup(text: string): string | null {
  if (DIGITS.test(text)) return text;
  const groups = text.split(GROUP_MARKS);
  if (!FIRST_GROUP.test(groups[0]!)) return null;
  for (let i = 1; i < groups.length; i++) if (!THREE_DIGITS.test(groups[i]!)) return null;
  return groups.join('');
}

/**
 * Which of "," and "." is the decimal mark: the last one when both appear (1.234,56 / 1,234.56); a
 * repeated mark is a thousands separator (1.234.567); a lone dot is decimal; a lone comma groups
 * thousands only in the shape 1,234 and is a decimal comma otherwise (12,5).
 */
function splitDecimal(body: string): { int: string; frac: string } | null {
  const comma = body.lastIndexOf(',');
  const dot = body.lastIndexOf('.');
  let decimalAt = -1;
  if (comma >= 0 && dot >= 0) decimalAt = Math.max(comma, dot);
  else if (dot >= 0 && body.indexOf('.') === dot) decimalAt = dot;
  else if (comma >= 0 && body.indexOf(',') === comma) {
    const thousands = body.length - comma - 1 === 3 && FIRST_GROUP.test(body.slice(0, comma));
    if (!thousands) decimalAt = comma;
  }
  const frac = decimalAt >= 0 ? body.slice(decimalAt + 1) : '';
  const int = ungroup(decimalAt >= 0 ? body.slice(0, decimalAt) : body);
  if (int === null || !DIGITS.test(frac) || int + frac === '') return null;
  return { int, frac };
}

/** Moves the decimal point of a scientific number (1.5E+3) so money can be read from its digits. */
function shift(int: string, frac: string, exponent: number): { int: string; frac: string } {
  const digits = int + frac;
  const point = int.length + exponent;
  if (point <= 0) return { int: '0', frac: '0'.repeat(-point) + digits };
  if (point >= digits.length) return { int: digits + '0'.repeat(point - digits.length), frac: '' };
  return { int: digits.slice(0, point), frac: digits.slice(point) };
}

function stripSign(text: string): { text: string; sign: '-' | '+' | null } {
  const first = text[0];
  return first === '-' || first === '+' ? { text: text.slice(1).trimStart(), sign: first } : { text, sign: null };
}

function readDecimal(raw: string): Decimal | null {
  // NFKC folds full-width digits, signs and currency signs (１２３, －, ￥) to their ASCII forms.
  let text = raw.normalize('NFKC').trim().replace('\u2212', '-');
  let negative = false;
  if (text.length > 2 && text.startsWith('(') && text.endsWith(')')) {
    negative = true; // accounting style: (12) is −12
    text = text.slice(1, -1).trim();
  }
  const outer = stripSign(text);
  text = outer.text.replace(CURRENCY_BEFORE, '');
  const inner = stripSign(text);
  if (outer.sign !== null && inner.sign !== null) return null;
  text = inner.text.replace(CURRENCY_AFTER, '');
  let sign = outer.sign ?? inner.sign;
  if (sign === null && text.length > 1 && text.endsWith('-')) {
    sign = '-'; // 12- : a trailing minus, as some accounting exports write it
    text = text.slice(0, -1).trimEnd();
  }
  if (sign === '-') negative = !negative;
  const scientific = SCIENTIFIC.exec(text);
  if (scientific) return { negative, ...shift(scientific[1]!, scientific[2] ?? '', Number(scientific[3])) };
  if (!BODY.test(text)) return null;
  const parts = splitDecimal(text.trimEnd());
  return parts ? { negative, ...parts } : null;
}

/**
 * A number as people type it: "1,234.56", "1 234", "1.234,56", "¥1,234.00", "$12", "１２３", "-3",
 * "(12)" (accounting negative), "1.5E+3". Anything else in the cell ("12abc") is NUMBER_INVALID.
 */
export function parseNumber(raw: string): Parsed<number> {
  const decimal = readDecimal(raw);
  if (!decimal) return fail('NUMBER_INVALID', `"${raw.trim()}" is not a number`);
  const value = Number(`${decimal.int || '0'}.${decimal.frac || '0'}`);
  if (!Number.isFinite(value)) return fail('NUMBER_INVALID', `"${raw.trim()}" is too large`);
  return ok(decimal.negative && value !== 0 ? -value : value);
}

const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An amount in integer minor units, read from the digits so nothing is lost to floats ("19.99" → 1999n
 * with 2 fraction digits). More decimals than the currency has (other than trailing zeros) is
 * MONEY_INVALID; an amount beyond 2^53 − 1 minor units, which JSON could not carry exactly, AMOUNT_OUT_OF_RANGE.
 */
export function parseMoney(raw: string, fractionDigits: number): Parsed<bigint> {
  const decimal = readDecimal(raw);
  if (!decimal) return fail('MONEY_INVALID', `"${raw.trim()}" is not an amount`);
  let frac = decimal.frac;
  while (frac.length > fractionDigits && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (frac.length > fractionDigits) {
    return fail('MONEY_INVALID', `"${raw.trim()}" has more than ${fractionDigits} decimal${fractionDigits === 1 ? '' : 's'}`);
  }
  const int = decimal.int.replace(/^0+/, '');
  if (int.length > 16) return fail('AMOUNT_OUT_OF_RANGE', `"${raw.trim()}" is too large`);
  const minor = BigInt(int + frac.padEnd(fractionDigits, '0') || '0');
  if (minor > MAX_MINOR) return fail('AMOUNT_OUT_OF_RANGE', `"${raw.trim()}" is too large`);
  return ok(decimal.negative ? -minor : minor);
}
