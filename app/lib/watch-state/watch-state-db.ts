/**
 * The watch-state database (IndexedDB through `idb`), one per browser profile:
 * - `records`: every watch record this device knows, keyed by `recordKey` (profile + item);
 * - `outbox`: records written here and not yet acknowledged by the seed node, same key;
 * - `meta`: this device's id, the latest HLC stamp, the library key once paired, the profile.
 * Values read back are parsed like any other input: a damaged entry is skipped with a warning.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { WatchRecord } from '../../../protocol/watch-record.ts'

export const WATCH_STATE_DB_NAME = 'hearth-watch-state'
const WATCH_STATE_DB_VERSION = 1

export type MetaKey = 'deviceId' | 'hlc' | 'libraryKey' | 'profile'

export interface WatchStateSchema extends DBSchema {
  records: { key: string, value: WatchRecord }
  outbox: { key: string, value: WatchRecord }
  meta: { key: MetaKey, value: unknown }
}

export type WatchStateDb = IDBPDatabase<WatchStateSchema>

export function openWatchStateDb (name: string = WATCH_STATE_DB_NAME): Promise<WatchStateDb> {
  return openDB<WatchStateSchema>(name, WATCH_STATE_DB_VERSION, {
    upgrade (db) {
      // Out-of-line keys: the key is `recordKey(record)`, the value the record itself.
      db.createObjectStore('records')
      db.createObjectStore('outbox')
      db.createObjectStore('meta')
    },
    blocking () {
      // A newer version of the app wants to upgrade the schema in another tab: let it.
      console.warn('[hearth] watch-state database is being upgraded by another tab; reload this one')
    }
  })
}
