import { AppError } from '../../../platform/http/errors.ts';

// ISO 4217 codes as the runtime's ICU knows them; "ABC" is three letters but no currency.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

export function assertCurrency(code: string, field = 'currency'): void {
  if (!isCurrency(code)) throw new AppError('VALIDATION_FAILED', `"${code}" is not an ISO 4217 currency code`, { field });
}
