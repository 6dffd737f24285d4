/**
 * Keeps the tabs of one browser profile in agreement. A tab that changes its replica (a local
 * write, or records from the swarm) posts the changed records on the 'hearth-watch-state'
 * BroadcastChannel; the other tabs merge them as `tab` changes, which are never re-posted, so
 * there is no echo. Pairing and profile changes are posted as a nudge to re-read `meta`.
 * Messages are parsed like any other input; malformed ones are dropped with a warning.
 */
import { parseWatchRecord, type WatchRecord } from '../../../protocol/watch-record.ts'
import { TAB_SOURCE, type WatchStateStore } from './watch-state-store.ts'

export const WATCH_STATE_CHANNEL = 'hearth-watch-state'
/** One message carries at most this many records (a tab changes a handful at a time). */
const MAX_RECORDS_PER_MESSAGE = 10 * 1000

type ChannelMessage =
  | { type: 'records', records: WatchRecord[] }
  | { type: 'meta' }

/** Connects `store` to the other tabs; returns a function that disconnects it. */
export function linkTabs (store: WatchStateStore): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(WATCH_STATE_CHANNEL)
  const post = (message: ChannelMessage): void => channel.postMessage(message)

  const offChange = store.onChange((changed, source) => {
    if (source !== TAB_SOURCE) post({ type: 'records', records: changed })
  })
  const offMeta = store.onMetaChange(source => {
    if (source !== TAB_SOURCE) post({ type: 'meta' })
  })
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parseMessage(event.data)
    if (!message) {
      console.warn('[hearth] ignored a malformed message on the watch-state channel')
      return
    }
    const done = message.type === 'records' ? store.apply(message.records, TAB_SOURCE) : store.reloadMeta()
    done.catch((err: unknown) => console.warn('[hearth] could not apply a change from another tab', err))
  }
  return () => {
    offChange()
    offMeta()
    channel.close()
  }
}

function parseMessage (data: unknown): ChannelMessage | null {
  if (typeof data !== 'object' || data === null || !('type' in data)) return null
  if (data.type === 'meta') return { type: 'meta' }
  if (data.type !== 'records' || !('records' in data) || !Array.isArray(data.records)) return null
  if (data.records.length > MAX_RECORDS_PER_MESSAGE) return null
  const records = data.records.map(parseWatchRecord)
  return records.every(record => record !== undefined) ? { type: 'records', records } : null
}
