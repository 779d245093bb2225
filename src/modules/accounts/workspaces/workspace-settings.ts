import { getCountries, type CountryCode } from 'libphonenumber-js';
import { AppError } from '../../../platform/http/errors.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const REGIONS = new Set<string>(getCountries());
const CURRENCIES = new Set<string>(Intl.supportedValuesOf('currency'));
const ZONES_BY_LOWER = new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));

/**
 * The IANA name of a time zone in its proper letter case, or null when it is not one. Offsets such as
 * "+08:00" are refused: Intl accepts them but they ignore daylight saving, so reports would drift twice a
 * year. The name is kept as given rather than replaced by ICU's canonical one, which can be a legacy
 * alias (America/Argentina/Buenos_Aires → America/Buenos_Aires) the user never chose.
 */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    if (resolved.toLowerCase() === value.toLowerCase()) return resolved;
    return ZONES_BY_LOWER.get(value.toLowerCase()) ?? value;
  } catch {
    return null;
  }
}

/** ISO 4217 codes the runtime can format (money is shown with Intl.NumberFormat in the UI). */
export function isCurrency(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value);
}

/** ISO 3166 alpha-2 regions that libphonenumber-js can parse national numbers for. */
export function isPhoneRegion(value: string): value is CountryCode {
  return REGIONS.has(value);
}

export type WorkspaceSettings = { timezone?: string; currency?: string; default_region?: string };

/** Validates the settings that are not plain strings; returns them normalised (canonical time zone name). */
export function checkWorkspaceSettings<T extends WorkspaceSettings>(input: T): T {
  const out = { ...input };
  if (input.timezone !== undefined) {
    const zone = canonicalTimeZone(input.timezone);
    if (!zone) throw new AppError('VALIDATION_FAILED', `"${input.timezone}" is not an IANA time zone`, { field: 'timezone' });
    out.timezone = zone;
  }
  if (input.currency !== undefined && !isCurrency(input.currency)) {
    throw new AppError('VALIDATION_FAILED', `"${input.currency}" is not an ISO 4217 currency code`, { field: 'currency' });
  }
  if (input.default_region !== undefined && !isPhoneRegion(input.default_region)) {
    throw new AppError('VALIDATION_FAILED', `"${input.default_region}" is not a known ISO 3166 region`, { field: 'default_region' });
  }
  return out;
}
