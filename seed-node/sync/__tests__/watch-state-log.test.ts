/** The seed node's watch-state log: durable, convergent, survives torn writes, compacts. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { WatchStateLog } from '../watch-state-log.ts'
import { silentLogger } from '../../lib/log.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'

let dir: string

beforeEach(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-watch-log-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

function record (itemNumber: number, wallMs: number, positionSec: number, deviceId = 'device-aaaa'): WatchRecord {
  return {
    itemId: itemNumber.toString(16).padStart(40, '0'),
    profile: 'household',
    positionSec,
    durationSec: 600,
    finished: false,
    hlc: { wallMs, counter: 0, deviceId },
    deviceId
  }
}

describe('WatchStateLog', () => {
  it('keeps the newer record per item and returns only what changed', async () => {
    const log = await WatchStateLog.open(dir, silentLogger)
    expect(await log.apply([record(1, 100, 10)])).toHaveLength(1)
    expect(await log.apply([record(1, 50, 99)])).toEqual([]) // older stamp loses
    expect(await log.apply([record(1, 200, 20)])).toHaveLength(1)
    expect(log.snapshot()).toEqual([record(1, 200, 20)])
    await log.close()
  })

  it('reads back every applied record after reopening', async () => {
    const first = await WatchStateLog.open(dir, silentLogger)
    await first.apply([record(1, 100, 10), record(2, 100, 20)])
    await first.apply([record(1, 300, 30)])
    await first.close()
    const second = await WatchStateLog.open(dir, silentLogger)
    expect(second.get('household', record(1, 0, 0).itemId)?.positionSec).toBe(30)
    expect(second.get('household', record(2, 0, 0).itemId)?.positionSec).toBe(20)
    await second.close()
  })

  it('has the record on disk by the time apply resolves (no close needed)', async () => {
    const log = await WatchStateLog.open(dir, silentLogger)
    await log.apply([record(7, 100, 42)])
    const text = await readFile(path.join(dir, 'watch-state.log'), 'utf8')
    expect(text).toContain('"positionSec":42')
    await log.close()
  })

  it('skips a torn last line from a crash and keeps appending cleanly', async () => {
    const first = await WatchStateLog.open(dir, silentLogger)
    await first.apply([record(1, 100, 10)])
    await first.close()
    await appendFile(path.join(dir, 'watch-state.log'), '{"itemId":"00')
    const second = await WatchStateLog.open(dir, silentLogger)
    expect(second.stats.skippedLines).toBe(1)
    await second.apply([record(2, 100, 20)])
    await second.close()
    const third = await WatchStateLog.open(dir, silentLogger)
    expect(third.stats.skippedLines).toBe(0)
    expect(third.snapshot()).toHaveLength(2)
    await third.close()
    expect((await readdir(dir)).some(name => name.startsWith('watch-state.log.torn-'))).toBe(true)
  })

  it('compacts a log full of superseded lines without losing the live records', async () => {
    const log = await WatchStateLog.open(dir, silentLogger)
    for (let round = 1; round <= 1100; round++) await log.apply([record(1, round, round)])
    expect(log.stats.compactions).toBeGreaterThan(0)
    await log.close()
    const reopened = await WatchStateLog.open(dir, silentLogger)
    expect(reopened.snapshot()).toEqual([record(1, 1100, 1100)])
    expect(reopened.stats.logLines).toBeLessThan(200)
    await reopened.close()
  })

  it('tells listeners what changed', async () => {
    const log = await WatchStateLog.open(dir, silentLogger)
    const seen: WatchRecord[][] = []
    log.onChange(records => seen.push(records))
    await log.apply([record(1, 100, 10)])
    await log.apply([record(1, 100, 10)])
    expect(seen).toEqual([[record(1, 100, 10)]])
    await log.close()
  })
})
