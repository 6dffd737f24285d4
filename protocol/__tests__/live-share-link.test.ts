import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { guestChannelOfPath, liveShareLink, parseLiveShareFragment } from '../live-share-link.ts'

const CHANNEL = 'ab'.repeat(20)

describe('a friend\'s live channel link', () => {
  it('round-trips channel and token through path and fragment', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{1,200}$/), token => {
      const url = new URL(liveShareLink('https://hearth.lan:8787', CHANNEL, token))
      expect(url.origin).toBe('https://hearth.lan:8787')
      expect(guestChannelOfPath(url.pathname)).toBe(CHANNEL)
      expect(parseLiveShareFragment(url.hash)).toBe(token)
    }))
  })

  it('refuses other paths and damaged fragments', () => {
    expect(guestChannelOfPath('/channel/' + CHANNEL)).toBeNull()
    expect(guestChannelOfPath('/shared/channel/xyz')).toBeNull()
    expect(guestChannelOfPath(`/shared/channel/${CHANNEL}/`)).toBe(CHANNEL)
    expect(parseLiveShareFragment('')).toBeNull()
    expect(parseLiveShareFragment('#token=a/b')).toBeNull()
    expect(parseLiveShareFragment('#token=a&token=b')).toBeNull()
    expect(parseLiveShareFragment('#token=' + 'a'.repeat(201))).toBeNull()
  })
})
