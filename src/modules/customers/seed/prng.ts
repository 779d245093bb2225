/**
 * A small seeded PRNG (sfc32, from PractRand's test suite): a seed gives the same data on every run and
 * every machine, which Math.random cannot, and it is several times faster than crypto.
 */
export type Rng = {
  /** uniform in [0, 1) */
  next: () => number;
  /** integer in [min, max] */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** items with relative weights: [[value, weight], …] */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  chance: (p: number) => boolean;
};

export function createRng(seed: number): Rng {
  // splitmix32 spreads a small integer seed over the four words of state
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const weightCache = new WeakMap<object, { total: number; cumulative: number[] }>();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      let w = weightCache.get(items);
      if (!w) {
        let total = 0;
        const cumulative = items.map(([, weight]) => (total += weight));
        w = { total, cumulative };
        weightCache.set(items, w);
      }
      const r = next() * w.total;
      let lo = 0;
      let hi = w.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (w.cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return items[lo]![0];
    },
    chance: (p) => next() < p,
  };
}
