import { describe, expect, it } from 'vitest'
import { Fmp4Error, rebaseSegment, type TrackBases } from '../fmp4-rebase.ts'

function box (type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + content.length)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, content])
}
const tfhd = (track: number): Buffer => { const b = Buffer.alloc(8); b.writeUInt32BE(track, 4); return box('tfhd', b) }
const tfdt1 = (time: bigint): Buffer => { const b = Buffer.alloc(12); b[0] = 1; b.writeBigUInt64BE(time, 4); return box('tfdt', b) }
const tfdt0 = (time: number): Buffer => { const b = Buffer.alloc(8); b.writeUInt32BE(time, 4); return box('tfdt', b) }
const segment = (video: bigint, audio: number): Buffer => Buffer.concat([
  box('styp', Buffer.from('msdh')), box('sidx', Buffer.alloc(20)),
  box('moof', box('mfhd', Buffer.alloc(8)), box('traf', tfhd(1), tfdt1(video), box('trun', Buffer.alloc(12))), box('traf', tfhd(2), tfdt0(audio))),
  box('mdat', Buffer.from('picture and sound'))
])
const times = (bytes: Buffer): Array<number | bigint> => {
  const found: Array<number | bigint> = []
  for (let at = bytes.indexOf('tfdt'); at >= 0; at = bytes.indexOf('tfdt', at + 1)) found.push(bytes[at + 4] === 1 ? bytes.readBigUInt64BE(at + 8) : bytes.readUInt32BE(at + 8))
  return found
}

describe('ring segments rebased for a recording', () => {
  it('start the file at 0 for each track, keep consecutive times, and leave the segment-index boxes out', () => {
    const bases: TrackBases = new Map()
    const first = rebaseSegment(segment(90_000n * 600n, 48_000 * 600), bases)
    const second = rebaseSegment(segment(90_000n * 601n, 48_000 * 601), bases)
    expect(times(first)).toEqual([0n, 0])
    expect(times(second)).toEqual([90_000n, 48_000])
    expect(first.includes('styp')).toBe(false)
    expect(first.includes('sidx')).toBe(false)
    expect(first.subarray(4, 8).toString()).toBe('moof')
    expect(first.includes('picture and sound')).toBe(true)
  })

  it('does not change the ring segment it was given', () => {
    const original = segment(1000n, 2000)
    const copy = Buffer.from(original)
    rebaseSegment(original, new Map())
    expect(original).toEqual(copy)
  })

  it('refuses a box that runs past its parent', () => {
    const broken = box('moof', box('traf', tfhd(1)))
    broken.writeUInt32BE(9999, 8)
    expect(() => rebaseSegment(broken, new Map())).toThrow(Fmp4Error)
  })
})
