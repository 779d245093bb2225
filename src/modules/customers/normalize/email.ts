import validator from 'validator';
import { AppError } from '../../../platform/http/errors.ts';

/**
 * Syntax check plus a lower-cased domain. The local part keeps its case: RFC 5321 lets a server treat it
 * as case-sensitive, and the column is citext anyway, so lookups ignore case.
 */
export function normalizeEmail(value: string, field = 'email'): string {
  const text = value.normalize('NFC').trim();
  if (text.length > 320 || !validator.isEmail(text, { allow_utf8_local_part: true, require_tld: true })) {
    throw new AppError('CONTACT_EMAIL_INVALID', `"${text}" is not a valid email address`, { field, value: text });
  }
  const at = text.lastIndexOf('@');
  return `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`;
}
