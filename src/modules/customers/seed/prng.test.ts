import { describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range and is roughly uniform', () => {
    const rng = createRng(1);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const v = rng.int(1, 6);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(6);
      counts[v - 1]!++;
    }
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('follows the weights', () => {
    const rng = createRng(3);
    const items = [['a', 9], ['b', 1]] as const;
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (rng.weighted(items) === 'a') a++;
    expect(a / 20_000).toBeGreaterThan(0.87);
    expect(a / 20_000).toBeLessThan(0.93);
  });
});
