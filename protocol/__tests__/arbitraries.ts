// fast-check generators shared by the protocol tests. Small pools of profiles, items and
// devices, and narrow clocks, so that generated records collide on keys and stamps.
import fc from 'fast-check'
import type { HlcStamp } from '../hybrid-clock.ts'
import type { WatchRecord } from '../watch-record.ts'

export const deviceIdArb = fc.constantFrom('laptop-0001', 'phone-00002', 'seed-node-01')
export const itemIdArb = fc.constantFrom('a'.repeat(40), 'b'.repeat(40), '0123456789abcdef0123456789abcdef01234567')
export const profileArb = fc.constantFrom('alice', 'bob', 'Zoë 🎬')

export const stampArb: fc.Arbitrary<HlcStamp> = fc.record({
  wallMs: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_003 }),
  counter: fc.integer({ min: 0, max: 2 }),
  deviceId: deviceIdArb
})

export const recordArb: fc.Arbitrary<WatchRecord> = fc.record({
  itemId: itemIdArb,
  profile: profileArb,
  positionSec: fc.integer({ min: 0, max: 7200 }),
  durationSec: fc.option(fc.constantFrom(1320, 7200), { nil: null }),
  finished: fc.boolean(),
  hlc: stampArb
}).map(r => ({ ...r, deviceId: r.hlc.deviceId }))

export function stamp (wallMs: number, counter = 0, deviceId = 'laptop-0001'): HlcStamp {
  return { wallMs, counter, deviceId }
}

export function record (overrides: Partial<WatchRecord> = {}): WatchRecord {
  const hlc = overrides.hlc ?? stamp(1_700_000_000_000)
  return {
    itemId: 'a'.repeat(40),
    profile: 'alice',
    positionSec: 42,
    durationSec: 1320,
    finished: false,
    hlc,
    deviceId: hlc.deviceId,
    ...overrides
  }
}
