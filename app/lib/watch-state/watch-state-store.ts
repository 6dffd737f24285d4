/**
 * This device's replica of the household's watch state. Local writes are stamped with the
 * device's hybrid logical clock, merged last-writer-wins (protocol/watch-record.ts), persisted,
 * queued in the outbox until the seed node acknowledges them, and announced to listeners.
 * Remote records (other tabs, the sync swarm) go through the same merge, inside one IndexedDB
 * transaction, so two tabs writing at once still end with the greater stamp.
 *
 * Implements the replica side of the sync extension: `snapshot`, `apply`, `acknowledged`,
 * `onLocalChange`.
 */
import type { InfoHash } from '../../../protocol/catalog.ts'
import { compareStamps, DeviceId, HlcStamp, HybridClock } from '../../../protocol/hybrid-clock.ts'
import { parseLibraryKey } from '../../../protocol/library-key.ts'
import { mergeRecords, parseWatchRecord, ProfileName, recordKey, type WatchRecord } from '../../../protocol/watch-record.ts'
import { makeDeviceId } from './device-id.ts'
import type { WatchStateDb } from './watch-state-db.ts'

export const DEFAULT_PROFILE = 'household'

/** What the player (or a "Mark as watched" button) knows; the store adds profile, stamp and device. */
export interface LocalChange {
  itemId: InfoHash
  positionSec: number
  durationSec: number | null
  finished: boolean
}

/** Who a change came from: this tab (`local`), another tab of this profile (`tab`), or a swarm peer. */
export interface ChangeSource {
  readonly role: string
  readonly deviceId?: string
}

export const LOCAL_SOURCE: ChangeSource = { role: 'local' }
export const TAB_SOURCE: ChangeSource = { role: 'tab' }
/** Only the seed node's acknowledgements empty the outbox: it is the one that keeps records durably. */
const DURABLE_ROLE = 'seed-node'

export type ChangeListener = (changed: WatchRecord[], source: ChangeSource) => void

export class WatchStateStore {
  private readonly records = new Map<string, WatchRecord>()
  private readonly listeners = new Set<ChangeListener>()
  private readonly localListeners = new Set<(records: WatchRecord[]) => void>()
  private readonly metaListeners = new Set<(source: ChangeSource) => void>()

  private constructor (
    private readonly db: WatchStateDb,
    readonly deviceId: DeviceId,
    private readonly clock: HybridClock,
    private profileName: string,
    private storedLibraryKey: string | null
  ) {}

  /** Loads (or, on first run, creates) the device id, clock, profile and every record. */
  static async open (db: WatchStateDb, wallClock: () => number = Date.now): Promise<WatchStateStore> {
    const tx = db.transaction(['meta', 'records'], 'readwrite')
    const meta = tx.objectStore('meta')
    let deviceId = DeviceId.safeParse(await meta.get('deviceId')).data
    if (deviceId === undefined) {
      deviceId = makeDeviceId()
      await meta.put(deviceId, 'deviceId')
    }
    const start = HlcStamp.safeParse(await meta.get('hlc')).data
    const profile = ProfileName.safeParse(await meta.get('profile')).data ?? DEFAULT_PROFILE
    const libraryKey = parseStoredKey(await meta.get('libraryKey'))
    const stored = await tx.objectStore('records').getAll()
    await tx.done
    const store = new WatchStateStore(db, deviceId, new HybridClock(deviceId, wallClock, start?.deviceId === deviceId ? start : undefined), profile, libraryKey)
    for (const value of stored) {
      const record = parseWatchRecord(value)
      if (record) {
        store.records.set(recordKey(record), record)
        store.clock.observe(record.hlc)
      } else {
        console.warn('[hearth] skipped a damaged watch record in IndexedDB', value)
      }
    }
    return store
  }

  /** The profile whose records the UI shows and writes (default `household`). */
  get profile (): string {
    return this.profileName
  }

  /** The household's library key (base64url), or null while this device is not paired. The app reads and stores it through `lib/household` only; the store just keeps it. */
  get libraryKey (): string | null {
    return this.storedLibraryKey
  }

  get paired (): boolean {
    return this.storedLibraryKey !== null
  }

  /** The current profile's record for an item. */
  get (itemId: InfoHash): WatchRecord | undefined {
    return this.records.get(recordKey({ profile: this.profileName, itemId }))
  }

  /** Every record this replica holds, of every profile. */
  all (): WatchRecord[] {
    return [...this.records.values()]
  }

  snapshot (): WatchRecord[] {
    return this.all()
  }

  /** Stamps a change made on this device, merges and persists it, and queues it for the seed node. */
  async put (change: LocalChange): Promise<WatchRecord> {
    const record: WatchRecord = {
      itemId: change.itemId,
      profile: this.profileName,
      positionSec: Math.max(0, change.positionSec),
      durationSec: change.durationSec,
      finished: change.finished,
      hlc: this.clock.now(),
      deviceId: this.deviceId
    }
    const changed = await this.persist([record], true)
    this.announce(changed, LOCAL_SOURCE)
    return record
  }

  /** Merges records from elsewhere; returns those that changed this replica. */
  async apply (incoming: readonly WatchRecord[], from: ChangeSource = { role: 'unknown' }): Promise<WatchRecord[]> {
    for (const record of incoming) this.clock.observe(record.hlc)
    const changed = await this.persist(incoming, false)
    this.announce(changed, from)
    return changed
  }

  /** Sync-extension hook: an acknowledgement counts only when the seed node sent it. */
  acknowledged (entries: ReadonlyArray<readonly [string, HlcStamp]>, from: ChangeSource): void {
    if (from.role !== DURABLE_ROLE) return
    this.acknowledge(entries).catch((err: unknown) => console.warn('[hearth] could not clear acknowledged records from the outbox', err))
  }

  /** Drops outbox entries acknowledged at an equal or newer stamp; returns how many were dropped. */
  async acknowledge (entries: ReadonlyArray<readonly [string, HlcStamp]>): Promise<number> {
    const tx = this.db.transaction('outbox', 'readwrite')
    let dropped = 0
    for (const [key, stamp] of entries) {
      const pending = await tx.store.get(key)
      if (pending && compareStamps(pending.hlc, stamp) <= 0) {
        await tx.store.delete(key)
        dropped++
      }
    }
    await tx.done
    return dropped
  }

  /** How many local records the seed node has not acknowledged yet. */
  outboxSize (): Promise<number> {
    return this.db.count('outbox')
  }

  /** The records still waiting for the seed node's acknowledgement. */
  outbox (): Promise<WatchRecord[]> {
    return this.db.getAll('outbox')
  }

  /** Every change to this replica, with where it came from. */
  onChange (listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Only changes written on this device, in this tab: what the sync swarm must push. */
  onLocalChange (listener: (records: WatchRecord[]) => void): () => void {
    this.localListeners.add(listener)
    return () => this.localListeners.delete(listener)
  }

  /** Pairing or profile changed (here or in another tab). */
  onMetaChange (listener: (source: ChangeSource) => void): () => void {
    this.metaListeners.add(listener)
    return () => this.metaListeners.delete(listener)
  }

  /** Stores the household's library key (pairing), in its canonical text form. */
  async setLibraryKey (libraryKey: string): Promise<void> {
    parseLibraryKey(libraryKey) // throws LibraryKeyError on anything else
    await this.db.put('meta', libraryKey, 'libraryKey')
    this.storedLibraryKey = libraryKey
    this.announceMeta(LOCAL_SOURCE)
  }

  /** Re-reads pairing and profile after another tab changed them. */
  async reloadMeta (): Promise<void> {
    const libraryKey = parseStoredKey(await this.db.get('meta', 'libraryKey'))
    const profile = ProfileName.safeParse(await this.db.get('meta', 'profile')).data ?? DEFAULT_PROFILE
    if (libraryKey === this.storedLibraryKey && profile === this.profileName) return
    this.storedLibraryKey = libraryKey
    this.profileName = profile
    this.announceMeta(TAB_SOURCE)
  }

  /**
   * Merges into IndexedDB in one transaction (the database, not this tab's memory, is the
   * truth when two tabs write), then brings memory up to the database's winners: a record
   * another tab already stored still changes *this* tab's view. A local write goes to the
   * outbox; a remote record that beats a pending local one makes it moot, so it leaves.
   * Returns the records that changed this tab's view.
   */
  private async persist (incoming: readonly WatchRecord[], local: boolean): Promise<WatchRecord[]> {
    if (incoming.length === 0) return []
    const tx = this.db.transaction(['records', 'outbox', 'meta'], 'readwrite')
    const records = tx.objectStore('records')
    const outbox = tx.objectStore('outbox')
    const winners: WatchRecord[] = []
    for (const record of incoming) {
      const key = recordKey(record)
      const current = await records.get(key)
      if (current && compareStamps(current.hlc, record.hlc) >= 0) {
        winners.push(current)
        continue
      }
      await records.put(record, key)
      winners.push(record)
      if (local) {
        await outbox.put(record, key)
      } else {
        const pending = await outbox.get(key)
        if (pending && compareStamps(pending.hlc, record.hlc) < 0) await outbox.delete(key)
      }
    }
    await tx.objectStore('meta').put(this.clock.latest, 'hlc')
    await tx.done
    return mergeRecords(this.records, winners)
  }

  private announce (changed: WatchRecord[], source: ChangeSource): void {
    if (changed.length === 0) return
    for (const listener of this.listeners) listener(changed, source)
    if (source === LOCAL_SOURCE) for (const listener of this.localListeners) listener(changed)
  }

  private announceMeta (source: ChangeSource): void {
    for (const listener of this.metaListeners) listener(source)
  }
}

/** A stored library key is its canonical text form (see protocol/library-key.ts); anything else is treated as unpaired. */
function parseStoredKey (value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    parseLibraryKey(value)
    return value
  } catch {
    console.warn('[hearth] the stored library key is damaged; this device counts as not paired')
    return null
  }
}
