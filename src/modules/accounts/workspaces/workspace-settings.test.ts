import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, checkWorkspaceSettings, isCurrency, isPhoneRegion } from './workspace-settings.ts';

describe('workspace settings validation', () => {
  it('accepts IANA zones and returns their canonical spelling', () => {
    expect(canonicalTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it('refuses unknown zones and bare offsets', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('+08:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('knows ISO 4217 currencies, upper case only', () => {
    expect(isCurrency('CNY')).toBe(true);
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('cny')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
  });

  it('knows the regions libphonenumber can parse', () => {
    expect(isPhoneRegion('CN')).toBe(true);
    expect(isPhoneRegion('HK')).toBe(true);
    expect(isPhoneRegion('ZZ')).toBe(false);
    expect(isPhoneRegion('cn')).toBe(false);
  });

  it('names the offending field', () => {
    expect(() => checkWorkspaceSettings({ currency: 'ABC' })).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'currency' } }));
    expect(checkWorkspaceSettings({ timezone: 'europe/berlin', currency: 'EUR', default_region: 'DE' })).toEqual({
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      default_region: 'DE',
    });
  });
});
