/** Test data: `length` pseudo-random bytes (xorshift32), the same for a seed on every run and different across seeds, so every generated file hashes to its own torrent. */
export function deterministicBytes (seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed * 2654435761 + 1
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}
