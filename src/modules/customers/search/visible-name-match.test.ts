import { describe, expect, it } from 'vitest';
import { TIER } from './search-document.ts';
import { matchesVisibleName } from './visible-name-match.ts';

const hit = (parts: string[], tier: number = TIER.exact) => ({ tier, parts });

describe('matchesVisibleName', () => {
  it('accepts terms found in the readable parts, whole or (as-you-type) as a prefix of the last term', () => {
    expect(matchesVisibleName('Grace', false, hit(['Grace']))).toBe(true);
    expect(matchesVisibleName('gra', true, hit(['Grace']))).toBe(true);
    expect(matchesVisibleName('gra', false, hit(['Grace']))).toBe(false);
    expect(matchesVisibleName('娜', false, hit(['娜']))).toBe(true);
    expect(matchesVisibleName('na', false, hit(['娜']))).toBe(true);
  });

  it('refuses a term that only the hidden part could have matched: its words, characters and pinyin', () => {
    expect(matchesVisibleName('Hopperfield', false, hit(['Grace']))).toBe(false);
    expect(matchesVisibleName('Grace Hopperfield', false, hit(['Grace'], TIER.name))).toBe(false);
    expect(matchesVisibleName('hop', true, hit(['Grace'], TIER.prefix))).toBe(false);
    expect(matchesVisibleName('欧阳', false, hit(['娜']))).toBe(false);
    expect(matchesVisibleName('欧阳娜', false, hit(['娜'], TIER.name))).toBe(false);
    expect(matchesVisibleName('ouyang', false, hit(['娜']))).toBe(false);
    expect(matchesVisibleName('Grace', false, hit([]))).toBe(false);
  });

  it('lets stand what did not come from the name: an address term and the last digits of a phone', () => {
    expect(matchesVisibleName('grace.h@example.com', true, hit([]))).toBe(true);
    expect(matchesVisibleName('8000', true, hit([], TIER.phone))).toBe(true);
    expect(matchesVisibleName('8000', true, hit([]))).toBe(false);
  });
});
