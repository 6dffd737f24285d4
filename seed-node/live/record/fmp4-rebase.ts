/**
 * Makes ring segments into the body of a recording that starts at time 0. A ring segment
 * is `styp`, `sidx`, `moof` (with a `tfdt` per track: the decode time of its first sample,
 * counted from the start of ffmpeg's run), `mdat`. A recording is the init segment and
 * consecutive `moof`+`mdat` pairs; left as they are, the second file of a run would start
 * at minute 10 (a player shows a blank 10 minutes, or a wrong duration). So each `tfdt` is
 * moved back by the file's first one, per track, and the segment-index boxes, which index a
 * lone segment and carry its old time, are left out. Pure; throws Fmp4Error on a malformed box.
 */
export class Fmp4Error extends Error {}

/** Per track id, the decode time the file starts at (filled from the file's first segment). */
export type TrackBases = Map<number, bigint>

const HEADER = 8
const DROPPED = new Set(['styp', 'sidx', 'prft'])

interface Box { type: string, start: number, size: number, header: number }

function* boxesIn (bytes: Buffer, from: number, to: number): Generator<Box> {
  let at = from
  while (at < to) {
    if (at + HEADER > to) throw new Fmp4Error('a box header runs past its parent')
    let size = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    let header = HEADER
    if (size === 1) {
      if (at + 16 > to) throw new Fmp4Error('a large box header runs past its parent')
      size = Number(bytes.readBigUInt64BE(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) throw new Fmp4Error(`box ${type} runs past its parent`)
    yield { type, start: at, size, header }
    at += size
  }
}

function rebaseTraf (bytes: Buffer, traf: Box, bases: TrackBases): void {
  let trackId: number | null = null
  for (const box of boxesIn(bytes, traf.start + traf.header, traf.start + traf.size)) {
    const body = box.start + box.header
    if (box.type === 'tfhd') trackId = bytes.readUInt32BE(body + 4)
    if (box.type !== 'tfdt') continue
    if (trackId === null) throw new Fmp4Error('tfdt before tfhd')
    const version = bytes[body]
    const time = version === 1 ? bytes.readBigUInt64BE(body + 4) : BigInt(bytes.readUInt32BE(body + 4))
    if (!bases.has(trackId)) bases.set(trackId, time)
    const moved = time - (bases.get(trackId) ?? 0n)
    const rebased = moved < 0n ? 0n : moved
    if (version === 1) bytes.writeBigUInt64BE(rebased, body + 4)
    else bytes.writeUInt32BE(Number(rebased & 0xffffffffn), body + 4)
  }
}

/** The segment's `moof`/`mdat` boxes with their times rebased; `bases` is filled on a file's first segment. */
export function rebaseSegment (segment: Buffer, bases: TrackBases): Buffer {
  const copy = Buffer.from(segment)
  const kept: Buffer[] = []
  for (const box of boxesIn(copy, 0, copy.length)) {
    if (DROPPED.has(box.type)) continue
    if (box.type === 'moof') {
      for (const inner of boxesIn(copy, box.start + box.header, box.start + box.size)) {
        if (inner.type === 'traf') rebaseTraf(copy, inner, bases)
      }
    }
    kept.push(copy.subarray(box.start, box.start + box.size))
  }
  return Buffer.concat(kept)
}
