import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime } from './dates.ts';

function date(raw: string, dayFirst?: boolean): string {
  const result = parseDate(raw, dayFirst === undefined ? undefined : { dayFirst });
  return result.ok ? result.value : result.code;
}

function instant(raw: string, zone: string): string {
  const result = parseDateTime(raw, zone);
  return result.ok ? result.value : result.code;
}

describe('parseDate', () => {
  it('reads year-first dates with any separator', () => {
    for (const raw of ['2024-03-01', '2024/3/1', '2024.3.1', '2024-3-1', ' 2024/03/01 ', '20240301']) expect(date(raw), raw).toBe('2024-03-01');
  });

  it('reads Chinese dates and full-width digits', () => {
    expect(date('2024年3月1日')).toBe('2024-03-01');
    expect(date('2024年03月01号')).toBe('2024-03-01');
    expect(date('2024年3月1')).toBe('2024-03-01');
    expect(date('２０２４年３月１日')).toBe('2024-03-01');
    expect(date('２０２４／３／１')).toBe('2024-03-01');
  });

  it('reads dotted dates day first', () => {
    expect(date('01.03.2024')).toBe('2024-03-01');
    expect(date('1.3.24')).toBe('2024-03-01');
  });

  it('reads slashed dates month first unless asked for day first', () => {
    expect(date('1/3/2024')).toBe('2024-01-03');
    expect(date('1/3/2024', true)).toBe('2024-03-01');
    expect(date('1-3-2024', true)).toBe('2024-03-01');
  });

  it('reads a slashed date the only way it can exist', () => {
    expect(date('13/1/2024')).toBe('2024-01-13');
    expect(date('1/13/2024', true)).toBe('2024-01-13');
  });

  it('reads two-digit years with the Excel window', () => {
    expect(date('3/1/29')).toBe('2029-03-01');
    expect(date('3/1/30')).toBe('1930-03-01');
  });

  it('reads month names', () => {
    expect(date('1 Mar 2024')).toBe('2024-03-01');
    expect(date('01-Mar-2024')).toBe('2024-03-01');
    expect(date('March 1, 2024')).toBe('2024-03-01');
    expect(date('Sept 3rd, 2024')).toBe('2024-09-03');
    expect(date('1 Foo 2024')).toBe('DATE_INVALID');
  });

  it('takes the date part of a datetime as written', () => {
    expect(date('2024-03-01T23:30:00-05:00')).toBe('2024-03-01');
    expect(date('2024-03-01 10:00')).toBe('2024-03-01');
    expect(date('2024/3/1 下午3:30')).toBe('2024-03-01');
    expect(date('2024年3月1日10:00')).toBe('2024-03-01');
    expect(date('3/1/2024 10:00 PM')).toBe('2024-03-01');
  });

  it('reads Excel serial numbers, minding the 1900 leap-year bug', () => {
    expect(date('1')).toBe('1900-01-01');
    expect(date('59')).toBe('1900-02-28');
    expect(date('60')).toBe('DATE_INVALID');
    expect(date('61')).toBe('1900-03-01');
    expect(date('45352')).toBe('2024-03-01');
    expect(date('45352.75')).toBe('2024-03-01');
    expect(date('2958465')).toBe('9999-12-31');
    expect(date('2958466')).toBe('DATE_INVALID');
    expect(date('0')).toBe('DATE_INVALID');
  });

  it('refuses dates that do not exist', () => {
    for (const raw of ['2023-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '31/04/2024', '20241301', '2024年2月30日']) {
      expect(date(raw, true), raw).toBe('DATE_INVALID');
    }
    expect(date('2024-02-29')).toBe('2024-02-29');
    expect(date('2000-02-29')).toBe('2000-02-29');
    expect(date('1900-02-29')).toBe('DATE_INVALID');
  });

  it('refuses what is not a date, without throwing', () => {
    for (const raw of ['', '   ', 'tomorrow', '2024-03', '2024-03-01 junk', '2024-03-01 25:00', '12abc', '1/2/3/4']) {
      expect(date(raw), raw).toBe('DATE_INVALID');
    }
  });
});

describe('parseDateTime', () => {
  it('reads a date alone as midnight in the zone', () => {
    expect(instant('2024-03-01', 'Asia/Shanghai')).toBe('2024-02-29T16:00:00.000Z');
    expect(instant('2024-03-01', 'UTC')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('reads wall times in the zone, with seconds, fractions and 12-hour clocks', () => {
    expect(instant('2024-03-01 08:30', 'Asia/Shanghai')).toBe('2024-03-01T00:30:00.000Z');
    expect(instant('2024/3/1 8:30:15.5', 'Asia/Shanghai')).toBe('2024-03-01T00:30:15.500Z');
    expect(instant('2024/3/1 下午3:30', 'Asia/Shanghai')).toBe('2024-03-01T07:30:00.000Z');
    expect(instant('3/1/2024 12:05 AM', 'UTC')).toBe('2024-03-01T00:05:00.000Z');
    expect(instant('3/1/2024 12:05 PM', 'UTC')).toBe('2024-03-01T12:05:00.000Z');
  });

  it('honours a written offset over the zone', () => {
    expect(instant('2024-03-01T08:30:00Z', 'Asia/Shanghai')).toBe('2024-03-01T08:30:00.000Z');
    expect(instant('2024-03-01T08:30:00+08:00', 'UTC')).toBe('2024-03-01T00:30:00.000Z');
    expect(instant('2024-03-01 08:30:00 -0500', 'UTC')).toBe('2024-03-01T13:30:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(instant('2024-07-01 12:00', 'America/New_York')).toBe('2024-07-01T16:00:00.000Z');
    expect(instant('2024-01-01 12:00', 'America/New_York')).toBe('2024-01-01T17:00:00.000Z');
    // 02:30 does not exist on the spring-forward day: moved forward by the hour, as Temporal does
    expect(instant('2024-03-10 02:30', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    // 01:30 happens twice on the fall-back day: the first one
    expect(instant('2024-11-03 01:30', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
  });

  it('reads Excel serials with a time of day', () => {
    expect(instant('45352.5', 'UTC')).toBe('2024-03-01T12:00:00.000Z');
    expect(instant('45352.520833333336', 'Asia/Shanghai')).toBe('2024-03-01T04:30:00.000Z');
  });

  it('fails on bad input and unknown zones without throwing', () => {
    expect(instant('2024-02-30 10:00', 'UTC')).toBe('DATE_INVALID');
    expect(instant('2024-03-01 24:00', 'UTC')).toBe('DATE_INVALID');
    expect(instant('2024-03-01 13:00 PM', 'UTC')).toBe('DATE_INVALID');
    expect(instant('2024-03-01', 'Mars/Olympus')).toBe('FIELD_VALUE_INVALID');
  });
});
