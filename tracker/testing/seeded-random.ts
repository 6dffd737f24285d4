/**
 * mulberry32: a small seeded PRNG giving floats in [0, 1). Load and fuzz runs pick their cases
 * with it, so a run can be repeated exactly from its seed. Test tooling, not shipped code.
 */
export function seededRandom (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
