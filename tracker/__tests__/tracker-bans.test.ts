import { afterEach, describe, expect, it } from 'vitest'
import type { Principal } from '../access-control.ts'
import { BanList } from '../ban-list.ts'
import { ManualClock } from './manual-clock.ts'
import type { TrackerLog } from '../tracker-options.ts'
import { httpAnnounceQuery, httpGet, infoHashOf, openSocket, startTracker, text, upgradeRefusal, type RunningTracker } from './tracker-harness.ts'

const TOKEN = 'household-token'
const authenticate = (token: string | null): Principal | null => token === TOKEN ? { kind: 'household' } : null
const QUERY = httpAnnounceQuery(infoHashOf(1))
const BAN_TIME_MS = 10 * 60 * 1000

type LogLine = { level: string, event: string, fields: Record<string, string | number> }
function recordingLog (): { log: TrackerLog, lines: LogLine[] } {
  const lines: LogLine[] = []
  return { lines, log: (level, event, fields) => { lines.push({ level, event, fields }) } }
}

let running: RunningTracker | undefined
afterEach(async () => { await running?.close(); running = undefined })

describe('bans over HTTP and WebSocket', () => {
  it('bans an address after maxRetry wrong credentials, still admits the right credential, lifts the ban after banTimeMs, and logs both', async () => {
    const { log, lines } = recordingLog()
    const clock = new ManualClock(Date.now())
    running = await startTracker({ authenticate, log, clock, ban: { maxRetry: 3, findTimeMs: 60 * 1000, banTimeMs: BAN_TIME_MS } })
    const announce = (token: string) => httpGet(running!.httpUrl(`/announce/${token}?${QUERY}`))

    expect((await announce('guess1')).status).toBe(403)
    expect((await upgradeRefusal(running.wsUrl('/announce/guess2'))).status).toBe(403) // failures count across transports
    expect(running.tracker.stats().bans.active).toBe(0)
    const third = await announce('guess3')
    expect(third.status).toBe(403)
    expect(text(third.body['failure reason'])).toMatch(/banned .* until \d{4}-\d\d-\d\dT/)
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'tracker.ban', fields: expect.objectContaining({ address: '127.0.0.1', failures: 3 }) }))

    const refused = await announce('guess4')
    expect(refused.status).toBe(403)
    expect(text(refused.body['failure reason'])).toMatch(/banned/)
    const upgrade = await upgradeRefusal(running.wsUrl('/announce/guess5'))
    expect(upgrade).toMatchObject({ status: 403, body: expect.stringMatching(/banned/) })
    // The right credential is never refused because of other requests from its address.
    expect((await announce(TOKEN)).status).toBe(200)
    await openSocket(running.wsUrl(`/announce/${TOKEN}`))
    expect(running.tracker.stats()).toMatchObject({ bans: { active: 1, total: 1 }, refused: { banned: 2, wrongCredential: 3 } })

    clock.advance(BAN_TIME_MS - 1)
    expect(running.tracker.stats().bans.active).toBe(1) // not a millisecond early
    clock.advance(1)
    expect(lines).toContainEqual(expect.objectContaining({ event: 'tracker.unban', fields: expect.objectContaining({ address: '127.0.0.1' }) }))
    expect(running.tracker.stats().bans.active).toBe(0)
    expect((await announce(TOKEN)).status).toBe(200)
    await openSocket(running.wsUrl(`/announce/${TOKEN}`))
  })

  it('bans per address: another loopback address is still served', async () => {
    running = await startTracker({ authenticate, ban: { maxRetry: 2, banTimeMs: 60 * 1000 } })
    for (const guess of ['a', 'b']) await httpGet(running.httpUrl(`/announce/${guess}?${QUERY}`), '127.0.0.2')
    expect(text((await httpGet(running.httpUrl(`/announce/c?${QUERY}`), '127.0.0.2')).body['failure reason'])).toMatch(/banned/)
    expect((await httpGet(running.httpUrl(`/announce/c?${QUERY}`), '127.0.0.1')).status).toBe(403)
    expect(running.tracker.stats().bans.active).toBe(1)
    expect((await httpGet(running.httpUrl(`/announce/${TOKEN}?${QUERY}`), '127.0.0.1')).status).toBe(200)
    await openSocket(running.wsUrl(`/announce/${TOKEN}`), { localAddress: '127.0.0.3' })
  })

  it('does not count a missing credential as a guess', async () => {
    running = await startTracker({ authenticate, ban: { maxRetry: 1 } })
    for (let i = 0; i < 3; i++) expect((await httpGet(running.httpUrl(`/announce?${QUERY}`))).status).toBe(401)
    expect((await httpGet(running.httpUrl(`/announce/${TOKEN}?${QUERY}`))).status).toBe(200)
  })

  it('never bans loopback when exemptLoopback is set', async () => {
    running = await startTracker({ authenticate, ban: { maxRetry: 1, exemptLoopback: true } })
    for (let i = 0; i < 3; i++) expect((await httpGet(running.httpUrl(`/announce/wrong?${QUERY}`))).status).toBe(403)
    expect((await httpGet(running.httpUrl(`/announce/${TOKEN}?${QUERY}`))).status).toBe(200)
    expect(running.tracker.stats().bans.total).toBe(0)
  })
})

describe('BanList', () => {
  const options = { maxRetry: 3, findTimeMs: 1000, banTimeMs: 5000, exemptLoopback: false, maxTrackedAddresses: 100 }

  it('counts failures only within findTimeMs', () => {
    const clock = new ManualClock(0)
    const bans = new BanList(options, () => {}, clock)
    bans.recordFailure('192.0.2.1')
    bans.recordFailure('192.0.2.1')
    clock.set(1500) // both earlier failures have left the window
    expect(bans.recordFailure('192.0.2.1')).toBeNull()
    expect(bans.recordFailure('192.0.2.1')).toBeNull()
    expect(bans.recordFailure('192.0.2.1')).toEqual({ banned: true, until: 1500 + 5000 })
    clock.set(6499)
    expect(bans.check('192.0.2.1')).not.toBeNull()
    clock.set(6500)
    expect(bans.check('192.0.2.1')).toBeNull()
    bans.close()
  })

  it('remembers at most maxTrackedAddresses, forgetting the oldest', () => {
    const lines: string[] = []
    const bans = new BanList({ ...options, maxRetry: 1 }, (_level, event, fields) => { lines.push(`${event} ${String(fields.address)}`) })
    for (let i = 0; i < 250; i++) bans.recordFailure(`2001:db8::${i.toString(16)}`)
    expect(bans.activeBans).toBe(100)
    expect(bans.trackedAddresses).toBeLessThanOrEqual(200)
    expect(bans.check('2001:db8::0')).toBeNull() // evicted, and the eviction logged
    expect(lines).toContain('tracker.unban 2001:db8::0')
    expect(bans.check('2001:db8::f9')).not.toBeNull()
    bans.close()
  })
})
