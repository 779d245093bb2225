import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { AppError } from '../../../platform/http/errors.ts';

/** E.164, read in the workspace's region: a Chinese team types 13812348000, a US one (415) 555-2671. */
export function normalizePhone(value: string, region: string, field = 'phone'): string {
  const text = value.normalize('NFKC').trim();
  const parsed = parsePhoneNumberFromString(text, region.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) {
    throw new AppError('CONTACT_PHONE_INVALID', `"${text}" is not a valid phone number for region ${region}`, { field, value: text, region });
  }
  return parsed.number;
}
