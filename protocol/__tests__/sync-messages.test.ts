import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  MAX_PAYLOAD_BYTES, MAX_PLAINTEXT_BYTES, MAX_RECORDS_PER_MESSAGE, MAX_SUMMARY_ENTRIES, SYNC_MESSAGE_ASSOCIATED_DATA,
  ackMessages, decodeSyncMessage, encodeSyncMessage, helloMessages, recordsMessages, summarize,
  type SummaryEntry, type SyncMessage
} from '../sync-messages.ts'
import { deriveKeys } from '../library-key.ts'
import { seal } from '../sealed-box.ts'
import { recordKey, type WatchRecord } from '../watch-record.ts'
import { record, recordArb, stamp, stampArb } from './arbitraries.ts'

const keys = await deriveKeys(new Uint8Array(32).fill(7))
const strangerKeys = await deriveKeys(new Uint8Array(32).fill(8))
const utf8 = new TextEncoder()

const entryArb: fc.Arbitrary<SummaryEntry> = fc.tuple(recordArb.map(r => recordKey(r)), stampArb)
const messageArb: fc.Arbitrary<SyncMessage> = fc.oneof(
  fc.record({
    type: fc.constant('hello' as const),
    v: fc.constant(1 as const),
    role: fc.constantFrom('seed-node' as const, 'device' as const),
    deviceId: fc.constantFrom('laptop-0001', 'seed-node-01'),
    summary: fc.array(entryArb, { maxLength: 20 }),
    more: fc.boolean()
  }),
  fc.record({ type: fc.constant('records' as const), records: fc.array(recordArb, { minLength: 1, maxLength: 20 }) }),
  fc.record({ type: fc.constant('ack' as const), entries: fc.array(entryArb, { minLength: 1, maxLength: 20 }) })
)

/** Many distinct records with long profile names, to stress the size bound. */
function manyRecords (count: number): WatchRecord[] {
  return Array.from({ length: count }, (_, i) => record({
    profile: `${'\u{1F3AC}'.repeat(20)}-${i}`.slice(0, 64),
    itemId: i.toString(16).padStart(40, '0'),
    hlc: stamp(1_700_000_000_000 + i, i, 'd'.repeat(64)),
    deviceId: 'd'.repeat(64)
  }))
}

function plaintextBytes (message: SyncMessage): number {
  return utf8.encode(JSON.stringify(message)).length
}

describe('sync message codec', () => {
  it('round-trips every message through a sealed payload', async () => {
    await fc.assert(fc.asyncProperty(messageArb, async message => {
      const payload = await encodeSyncMessage(keys.sealKey, message)
      expect(await decodeSyncMessage(keys.sealKey, payload)).toEqual({ ok: true, message })
    }))
  })

  it('drops a payload sealed under another key, or with any byte flipped, as unsealed', async () => {
    await fc.assert(fc.asyncProperty(messageArb, fc.nat(), async (message, at) => {
      const payload = await encodeSyncMessage(strangerKeys.sealKey, message)
      expect(await decodeSyncMessage(keys.sealKey, payload)).toEqual({ ok: false, reason: 'unsealed' })
      const mine = await encodeSyncMessage(keys.sealKey, message)
      mine[at % mine.length] = mine[at % mine.length]! ^ 0x01
      expect(await decodeSyncMessage(keys.sealKey, mine)).toEqual({ ok: false, reason: 'unsealed' })
    }), { numRuns: 50 })
  })

  it('drops oversize payloads before opening them', async () => {
    expect(await decodeSyncMessage(keys.sealKey, new Uint8Array(MAX_PAYLOAD_BYTES + 1))).toEqual({ ok: false, reason: 'oversize' })
  })

  it('drops sealed non-JSON as malformed, and sealed JSON that is no valid message as invalid', async () => {
    const sealed = (text: string | Uint8Array) => seal(keys.sealKey, typeof text === 'string' ? utf8.encode(text) : text, SYNC_MESSAGE_ASSOCIATED_DATA)
    expect(await decodeSyncMessage(keys.sealKey, await sealed('{"type":'))).toEqual({ ok: false, reason: 'malformed' })
    expect(await decodeSyncMessage(keys.sealKey, await sealed(new Uint8Array([0xff, 0xfe])))).toEqual({ ok: false, reason: 'malformed' })
    const invalid = [
      { type: 'hello', v: 2, role: 'device', deviceId: 'laptop-0001', summary: [], more: false },
      { type: 'hello', v: 1, role: 'admin', deviceId: 'laptop-0001', summary: [], more: false },
      { type: 'records', records: [] },
      { type: 'records', records: manyRecords(MAX_RECORDS_PER_MESSAGE + 1) },
      { type: 'records', records: [{ ...record(), positionSec: -5 }] },
      { type: 'ack', entries: [['k', stamp(1)]] },
      { type: 'nope' },
      null
    ]
    for (const value of invalid) {
      expect(await decodeSyncMessage(keys.sealKey, await sealed(JSON.stringify(value)))).toEqual({ ok: false, reason: 'invalid' })
    }
  })

  it('refuses to encode past the plaintext bound', async () => {
    await expect(encodeSyncMessage(keys.sealKey, { type: 'records', records: manyRecords(2000) }))
      .rejects.toMatchObject({ code: 'HEARTH_E_SYNC_MESSAGE_TOO_LARGE' })
  })
})

describe('chunking', () => {
  it('splits records into messages of at most 500 records and 256 KiB, losing and reordering none', () => {
    const records = manyRecords(1800)
    const messages = recordsMessages(records)
    expect(messages.length).toBeGreaterThanOrEqual(4)
    for (const message of messages) {
      expect(message.records.length).toBeLessThanOrEqual(MAX_RECORDS_PER_MESSAGE)
      expect(plaintextBytes(message)).toBeLessThanOrEqual(MAX_PLAINTEXT_BYTES)
    }
    expect(messages.flatMap(m => m.records)).toEqual(records)
    expect(recordsMessages([])).toEqual([])
  })

  it('spreads a long summary over several hellos, all but the last marked more, capped at 50,000 entries', () => {
    const summary = summarize(manyRecords(3000))
    const hellos = helloMessages('device', 'laptop-0001', summary)
    expect(hellos.length).toBeGreaterThan(1)
    expect(hellos.map(h => h.more)).toEqual([...hellos.slice(1).map(() => true), false])
    for (const hello of hellos) expect(plaintextBytes(hello)).toBeLessThanOrEqual(MAX_PLAINTEXT_BYTES)
    expect(hellos.flatMap(h => h.summary)).toEqual(summary)

    const huge = Array.from({ length: MAX_SUMMARY_ENTRIES + 10 }, (_, i): SummaryEntry => [`p\u0000${i.toString(16).padStart(40, '0')}`, stamp(i)])
    expect(helloMessages('device', 'laptop-0001', huge).flatMap(h => h.summary)).toHaveLength(MAX_SUMMARY_ENTRIES)
  })

  it('always sends at least one hello, and chunks acks under the bound', () => {
    expect(helloMessages('seed-node', 'seed-node-01', [])).toEqual([{ type: 'hello', v: 1, role: 'seed-node', deviceId: 'seed-node-01', summary: [], more: false }])
    const entries = summarize(manyRecords(2500))
    const acks = ackMessages(entries)
    for (const ack of acks) expect(plaintextBytes(ack)).toBeLessThanOrEqual(MAX_PLAINTEXT_BYTES)
    expect(acks.flatMap(a => a.entries)).toEqual(entries)
  })
})
