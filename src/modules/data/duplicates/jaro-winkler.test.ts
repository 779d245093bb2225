import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.ts';

describe('Jaro and Jaro-Winkler', () => {
  it('gives the textbook values (Winkler 1990)', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaro('DWAYNE', 'DUANE')).toBeCloseTo(0.822, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    expect(jaro('DIXON', 'DICKSONX')).toBeCloseTo(0.767, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
  });

  it('is 1 for equal strings, 0 for nothing in common or an empty side, and symmetric', () => {
    expect(jaroWinkler('smith', 'smith')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(jaroWinkler('marhta', 'martha'), 12);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(jaroWinkler('dicksonx', 'dixon'), 12);
  });

  it('only counts characters within the match window', () => {
    // window = max(4, 4) / 2 - 1 = 1: the a's are three apart and do not match
    expect(jaro('abcd', 'bcda')).toBeCloseTo((3 / 4 + 3 / 4 + 1) / 3, 10);
  });

  it('caps the common prefix bonus at four characters', () => {
    const j = jaro('abcdefgh', 'abcdefxy');
    expect(jaroWinkler('abcdefgh', 'abcdefxy')).toBeCloseTo(j + 4 * 0.1 * (1 - j), 10);
  });

  it('compares Chinese characters', () => {
    expect(jaroWinkler('张伟', '张伟')).toBe(1);
    expect(jaroWinkler('王小明', '王晓明')).toBeGreaterThan(0.7);
    expect(jaroWinkler('王小明', '李大文')).toBe(0);
  });

  it('does not leak state between calls of different lengths', () => {
    const long = 'abcdefghijklmnopqrstuvwxyz'.repeat(5);
    jaroWinkler(long, long.split('').reverse().join(''));
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
  });
});
