/**
 * What `GET /api/status` says about ingest (the seed node hashing new files), parsed at the
 * boundary. Only the fields the banner uses are read; the rest of the status is ignored.
 */
import { z } from 'zod'

const STATUS_URL = '/api/status'
/** The banner is a nicety: give up on a slow answer and try at the next tick. */
const STATUS_TIMEOUT_MS = 10 * 1000

export const IngestStatus = z.object({
  /** Items of the current scan still waiting to be hashed. */
  queued: z.number().int().nonnegative(),
  /** True while a scan (walking the folder, hashing what is new) runs. */
  scanning: z.boolean(),
  itemsHashed: z.number().int().nonnegative()
})
export type IngestStatus = z.infer<typeof IngestStatus>

/** `ingest` is null while the seed node has not started ingest yet. */
const StatusReply = z.object({ ingest: IngestStatus.nullable() })

export class IngestStatusError extends Error {
  readonly code = 'HEARTH_E_STATUS'
}

export async function fetchIngestStatus (credential: string, signal?: AbortSignal): Promise<IngestStatus | null> {
  const timeout = AbortSignal.timeout(STATUS_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(STATUS_URL, {
      headers: { accept: 'application/json', authorization: `Bearer ${credential}` },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      cache: 'no-store'
    })
  } catch (err) {
    if (signal?.aborted === true) throw err
    throw new IngestStatusError('the home server could not be reached')
  }
  if (!response.ok) throw new IngestStatusError(`the home server answered ${response.status} ${response.statusText}`)
  const parsed = StatusReply.safeParse(await response.json().catch(() => null))
  if (!parsed.success) throw new IngestStatusError(`unexpected status reply (${parsed.error.issues[0]?.message ?? 'invalid'})`)
  return parsed.data.ingest
}
