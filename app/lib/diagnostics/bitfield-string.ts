/** Something that can answer "have we got piece i?" (WebTorrent's `torrent.bitfield`). */
export interface PieceBits {
  get: (index: number) => boolean
}

/** `'0'`/`'1'` per piece, in piece order, so e2e tests can read it through `page.evaluate`. */
export function bitfieldString (bits: PieceBits | null | undefined, pieceCount: number): string {
  let out = ''
  for (let i = 0; i < pieceCount; i++) out += bits?.get(i) === true ? '1' : '0'
  return out
}
