import { describe, expect, it } from 'vitest'
import { resolveTrackerOptions, type TrackerOptions } from '../tracker-options.ts'
import { createTracker } from '../tracker-server.ts'

describe('tracker options', () => {
  it('refuses unknown keys, naming them', () => {
    expect(() => createTracker({ bogus: 1 } as unknown as TrackerOptions)).toThrow(/unknown tracker option: bogus/)
    expect(() => createTracker({ bogus: 1, maxPeers: 2 } as unknown as TrackerOptions)).toThrow(/unknown tracker options: bogus, maxPeers/)
    expect(() => createTracker({ ban: { bantime: 5 } } as unknown as TrackerOptions)).toThrow(/unknown tracker ban option: bantime/)
  })

  it.each([
    [{ maxConnectionsPerAddress: 0 }, /maxConnectionsPerAddress/],
    [{ maxOffersPerAnnounce: 83 }, /maxOffersPerAnnounce/],
    [{ messagesPerSecond: Number.NaN }, /messagesPerSecond/],
    [{ idleTimeoutMs: 99 }, /idleTimeoutMs/],
    [{ offerTtlMs: 10 * 60 * 1000 + 1 }, /offerTtlMs/],
    [{ maxSwarms: '10' }, /maxSwarms/],
    [{ ban: { maxRetry: 0 } }, /ban\.maxRetry/],
    [{ ban: { banTimeMs: 99 } }, /ban\.banTimeMs/],
    [{ ban: { findTimeMs: 25 * 60 * 60 * 1000 } }, /ban\.findTimeMs/]
  ])('refuses %j with a RangeError naming the option', (options, name) => {
    expect(() => createTracker(options as TrackerOptions)).toThrow(RangeError)
    expect(() => createTracker(options as TrackerOptions)).toThrow(name)
  })

  it('refuses options of the wrong type', () => {
    expect(() => createTracker({ authenticate: 'secret' } as unknown as TrackerOptions)).toThrow(/authenticate must be a function/)
    expect(() => createTracker({ ban: { exemptLoopback: 'yes' } } as unknown as TrackerOptions)).toThrow(/exemptLoopback/)
    expect(() => createTracker({ ban: [] } as unknown as TrackerOptions)).toThrow(/ban must be an object/)
  })

  it('has fail2ban-like defaults and aquatic_ws-like limits', () => {
    const resolved = resolveTrackerOptions()
    expect(resolved.ban).toEqual({ maxRetry: 5, findTimeMs: 10 * 60 * 1000, banTimeMs: 10 * 60 * 1000, exemptLoopback: false, maxTrackedAddresses: 10_000 })
    expect(resolved).toMatchObject({ maxMessageBytes: 64 * 1024, maxConnectionsPerAddress: 32, maxOffersPerAnnounce: 10, messagesPerSecond: 10, messageBurst: 20, idleTimeoutMs: 5 * 60 * 1000, offerTtlMs: 120 * 1000 })
    expect(resolved.authenticate(null)).toEqual({ kind: 'household' })
  })
})
