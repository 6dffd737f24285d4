/**
 * The messages of the `hearth_sync` wire extension, their schemas, bounds and codec.
 * Every wire payload is a sealed box (sealed-box.ts) whose plaintext is UTF-8 JSON of one
 * message, so a peer without the library key can neither read nor forge one. Decoding never
 * throws: a payload that fails to open, parse or validate comes back as a drop reason.
 */
import { z } from 'zod'
import { DeviceId, HlcStamp } from './hybrid-clock.ts'
import { WatchRecord, recordKey } from './watch-record.ts'
import { SEALED_BOX_OVERHEAD_BYTES, open, seal } from './sealed-box.ts'
import type { DropReason } from './sync-stats.ts'

export const SYNC_PROTOCOL_VERSION = 1
/** Largest plaintext of one message. */
export const MAX_PLAINTEXT_BYTES = 256 * 1024
/** Largest wire payload: a sealed maximal plaintext. */
export const MAX_PAYLOAD_BYTES = MAX_PLAINTEXT_BYTES + SEALED_BOX_OVERHEAD_BYTES
export const MAX_RECORDS_PER_MESSAGE = 500
/** Summary entries per hello message; a summary larger than this spans several hellos. */
export const MAX_SUMMARY_ENTRIES_PER_MESSAGE = 1000
/** Summary entries over all hellos of one greeting; more are ignored. */
export const MAX_SUMMARY_ENTRIES = 50_000
export const MAX_ACK_ENTRIES_PER_MESSAGE = 1000

/** Associated data of every sealed sync message: a box sealed for another use won't open here. */
export const SYNC_MESSAGE_ASSOCIATED_DATA = new TextEncoder().encode('hearth/v1/sync-message')

export const SyncRole = z.enum(['seed-node', 'device'])
export type SyncRole = z.infer<typeof SyncRole>

/** `recordKey(record)`: profile (1-64 chars), NUL, 40-hex infohash. */
const RecordKey = z.string().min(42).max(105)

/** One (recordKey, stamp) pair: "I hold this record at this stamp". */
export const SummaryEntry = z.tuple([RecordKey, HlcStamp])
export type SummaryEntry = z.infer<typeof SummaryEntry>

/** Sent after the extended handshake; a long summary spans several hellos, all but the last with `more: true`. */
export const HelloMessage = z.object({
  type: z.literal('hello'),
  v: z.literal(SYNC_PROTOCOL_VERSION),
  role: SyncRole,
  deviceId: DeviceId,
  summary: z.array(SummaryEntry).max(MAX_SUMMARY_ENTRIES_PER_MESSAGE),
  more: z.boolean()
})
export type HelloMessage = z.infer<typeof HelloMessage>

/** Records the other side lacks or holds older, and live pushes. */
export const RecordsMessage = z.object({
  type: z.literal('records'),
  records: z.array(WatchRecord).min(1).max(MAX_RECORDS_PER_MESSAGE)
})
export type RecordsMessage = z.infer<typeof RecordsMessage>

/** Sent once the receiver has stored the records durably (the seed node: after fsync). */
export const AckMessage = z.object({
  type: z.literal('ack'),
  entries: z.array(SummaryEntry).min(1).max(MAX_ACK_ENTRIES_PER_MESSAGE)
})
export type AckMessage = z.infer<typeof AckMessage>

export const SyncMessage = z.discriminatedUnion('type', [HelloMessage, RecordsMessage, AckMessage])
export type SyncMessage = z.infer<typeof SyncMessage>

export type DecodeResult = { ok: true, message: SyncMessage } | { ok: false, reason: DropReason }

const utf8Encoder = new TextEncoder()

export class SyncMessageError extends Error {
  readonly code = 'HEARTH_E_SYNC_MESSAGE_TOO_LARGE'
}

/** The summary of a record set: its (key, stamp) pairs. */
export function summarize (records: Iterable<WatchRecord>): SummaryEntry[] {
  const entries: SummaryEntry[] = []
  for (const record of records) entries.push([recordKey(record), record.hlc])
  return entries
}

/** Hello messages carrying `summary` (at most MAX_SUMMARY_ENTRIES of it), at least one. */
export function helloMessages (role: SyncRole, deviceId: string, summary: readonly SummaryEntry[]): HelloMessage[] {
  const bounded = summary.slice(0, MAX_SUMMARY_ENTRIES)
  const wrap = (part: SummaryEntry[], more: boolean): HelloMessage =>
    ({ type: 'hello', v: SYNC_PROTOCOL_VERSION, role, deviceId, summary: part, more })
  const parts = chunkBySize(bounded, MAX_SUMMARY_ENTRIES_PER_MESSAGE, jsonBytes(wrap([], false)))
  if (parts.length === 0) return [wrap([], false)]
  return parts.map((part, i) => wrap(part, i < parts.length - 1))
}

export function recordsMessages (records: readonly WatchRecord[]): RecordsMessage[] {
  const wrap = (part: WatchRecord[]): RecordsMessage => ({ type: 'records', records: part })
  return chunkBySize(records, MAX_RECORDS_PER_MESSAGE, jsonBytes(wrap([]))).map(wrap)
}

export function ackMessages (entries: readonly SummaryEntry[]): AckMessage[] {
  const wrap = (part: SummaryEntry[]): AckMessage => ({ type: 'ack', entries: part })
  return chunkBySize(entries, MAX_ACK_ENTRIES_PER_MESSAGE, jsonBytes(wrap([]))).map(wrap)
}

/** Seals one message for the wire. Throws `SyncMessageError` past MAX_PLAINTEXT_BYTES (use the chunkers above). */
export async function encodeSyncMessage (sealKey: CryptoKey, message: SyncMessage): Promise<Uint8Array<ArrayBuffer>> {
  const plaintext = utf8Encoder.encode(JSON.stringify(message))
  if (plaintext.length > MAX_PLAINTEXT_BYTES) throw new SyncMessageError(`sync message of ${plaintext.length} bytes exceeds ${MAX_PLAINTEXT_BYTES}`)
  return await seal(sealKey, plaintext, SYNC_MESSAGE_ASSOCIATED_DATA)
}

/** Opens, parses and validates one wire payload. Never throws. */
export async function decodeSyncMessage (sealKey: CryptoKey, payload: Uint8Array): Promise<DecodeResult> {
  if (!(payload instanceof Uint8Array) || payload.length > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'oversize' }
  const plaintext = await open(sealKey, payload, SYNC_MESSAGE_ASSOCIATED_DATA)
  if (plaintext === null) return { ok: false, reason: 'unsealed' }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const parsed = SyncMessage.safeParse(json)
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, reason: 'invalid' }
}

function jsonBytes (value: unknown): number {
  return utf8Encoder.encode(JSON.stringify(value)).length
}

/**
 * Splits items into runs of at most `maxItems` whose JSON array, inside an envelope that
 * takes `envelopeBytes` when empty, stays within MAX_PLAINTEXT_BYTES. `JSON.stringify` of
 * an array is its items' JSON joined by commas, so the sum is exact.
 */
function chunkBySize<T> (items: readonly T[], maxItems: number, envelopeBytes: number): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  let bytes = envelopeBytes
  for (const item of items) {
    const size = jsonBytes(item)
    if (current.length > 0 && (current.length >= maxItems || bytes + 1 + size > MAX_PLAINTEXT_BYTES)) {
      chunks.push(current)
      current = []
      bytes = envelopeBytes
    }
    bytes += size + (current.length > 0 ? 1 : 0)
    current.push(item)
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}
