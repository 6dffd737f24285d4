import { describe, expect, it } from 'vitest'
import { findMagnet } from '../../magnet/find-magnet.ts'

const MAGNET = 'magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056&dn=x'

describe('findMagnet', () => {
  it('takes the magnet parameter whole', () => {
    expect(findMagnet(new URLSearchParams({ magnet: ` ${MAGNET} ` }))).toEqual({ status: 'found', magnet: MAGNET })
    expect(findMagnet(new URLSearchParams({ magnet: 'garbage' }))).toEqual({ status: 'found', magnet: 'garbage' })
  })
  it('finds a magnet inside shared text or url, magnet first', () => {
    expect(findMagnet(new URLSearchParams({ text: `Watch this: ${MAGNET} — enjoy` }))).toEqual({ status: 'found', magnet: MAGNET })
    expect(findMagnet(new URLSearchParams({ url: MAGNET, text: 'magnet:?xt=other' }))).toEqual({ status: 'found', magnet: MAGNET })
    expect(findMagnet(new URLSearchParams({ title: 'x', text: `"${MAGNET}"` }))).toEqual({ status: 'found', magnet: MAGNET })
  })
  it('says when nothing was passed, or nothing useful', () => {
    expect(findMagnet(new URLSearchParams(''))).toEqual({ status: 'empty' })
    expect(findMagnet(new URLSearchParams({ text: 'just words' }))).toEqual({ status: 'no-magnet', received: 'just words' })
  })
})
