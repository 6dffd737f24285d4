/**
 * Remembers, in the state folder, each item's torrent together with the fingerprints
 * (size, mtime, inode) of the files it was made from. On restart an item whose files all
 * still match is served from here without reading, let alone hashing, a byte of it.
 *
 * Layout: `<state>/library-index.json` (a snapshot: library-index-file.ts),
 * `<state>/library-index.journal` (a line per item remembered or forgotten since the
 * snapshot: library-index-journal.ts), and `<state>/torrents/<infohash>.torrent` (trackers
 * stripped: they carry the credential and are added at run time).
 *
 * Flash wear: the seed node lives on routers and Pis whose state folder is an SD card or
 * flash. Nothing is written unless something changed: a change appends one journal line,
 * and the 5 MB snapshot (at 10,000 items) is rewritten only when the journal has grown past
 * half of it (`compactionDue`), or once to replace an index that could not be trusted.
 * A rescan of an unchanged library writes nothing at all.
 */
import { appendFile, open, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { sameFingerprint } from './file-fingerprint.ts'
import { StoredItemSchema, type StoredItem } from './stored-item.ts'
import type { ScannedMedia } from './library-scanner.ts'
import type { Logger } from '../lib/log.ts'
import { errnoCode } from '../lib/errors.ts'
import { withoutAnnounce } from './torrent-announce-strip.ts'
import { decodeIndex, encodeIndex } from './library-index-file.ts'
import { decodeJournalLine, encodeJournalLine, type JournalEntry } from './library-index-journal.ts'

const INDEX_FILE = 'library-index.json'
const JOURNAL_FILE = 'library-index.journal'
/** Folder of the items' torrents in the state folder (no trackers inside: torrent-announce-strip.ts). */
export const TORRENTS_FOLDER = 'torrents'
/** The journal may grow to this many lines, or to half the items if more, before the snapshot is rewritten. */
const MIN_JOURNAL_LINES_BEFORE_COMPACTION = 1000
/** Invalid entries named in the log (the count says how many there were). */
const MAX_PATHS_LOGGED = 5

/** What the cache wrote to the state folder since start: a rescan of an unchanged library adds nothing. */
export interface CacheWriteStats {
  journalAppends: number
  torrentWrites: number
  /** Snapshots written (each replaces the index and empties the journal). */
  compactions: number
  /** Journal fsyncs (one at the end of a scan that changed something). */
  syncs: number
}

export class FingerprintCache {
  private readonly items = new Map<string, StoredItem>()
  /** Every write to the state folder goes through here, one at a time, in order. */
  private writing: Promise<void> = Promise.resolve()
  /** Infohashes whose .torrent file is in the state folder. */
  private readonly torrentFiles = new Set<string>()
  private journalLines = 0
  private unsynced = false
  /** The snapshot on disk could not be trusted (older format, damaged): replaced at the next settle. */
  private snapshotStale = false
  readonly writes: CacheWriteStats = { journalAppends: 0, torrentWrites: 0, compactions: 0, syncs: 0 }

  private constructor (private readonly stateDir: string, private readonly log: Logger) {}

  static async open (stateDir: string, log: Logger): Promise<FingerprintCache> {
    const cache = new FingerprintCache(stateDir, log)
    await cache.load()
    return cache
  }

  get size (): number {
    return this.items.size
  }

  /**
   * The stored item for `media` if its file is unchanged, else undefined. Only the media
   * file counts: sidecars are not in the torrent, so a new subtitle changes nothing here.
   */
  lookup (media: ScannedMedia): StoredItem | undefined {
    const stored = this.items.get(media.relativePath)
    if (!stored) return undefined
    const known = stored.fingerprints[media.relativePath]
    return known && sameFingerprint(known, media.fingerprint) ? stored : undefined
  }

  /** The stored item at a library path, changed or not. */
  at (relativePath: string): StoredItem | undefined {
    return this.items.get(relativePath)
  }

  /** Every stored item (the catalog served before the first scan; the identity matches of item-identity.ts). */
  all (): StoredItem[] {
    return [...this.items.values()]
  }

  /** Whether the state folder holds this torrent (listed once at open, kept up to date). */
  hasTorrent (infoHash: string): boolean {
    return this.torrentFiles.has(infoHash)
  }

  async readTorrent (infoHash: string): Promise<Uint8Array> {
    return await readFile(this.torrentPath(infoHash))
  }

  /** Stores the torrent file (without trackers: torrent-announce-strip.ts) first, then the journal line that points at it. */
  async remember (item: StoredItem, torrent: Uint8Array): Promise<void> {
    if (!this.torrentFiles.has(item.infoHash)) {
      await writeFileAtomic(this.torrentPath(item.infoHash), withoutAnnounce(torrent))
      this.writes.torrentWrites++
      this.torrentFiles.add(item.infoHash)
    }
    await this.journal({ put: item })
    this.keep(item)
  }

  /** Holds an item by its path, the map's key being the item's own (shared) path string. */
  private keep (item: StoredItem): void {
    const shared = shareStrings(item)
    this.items.set(shared.relativePath, shared)
  }

  forget (relativePath: string): void {
    if (!this.items.delete(relativePath)) return
    this.journal({ forget: relativePath }).catch(err => this.log.warn('state.journal_write_failed', { error: String(err) }))
  }

  /**
   * Makes what changed durable, cheaply: after a scan, a download, and on shutdown. The
   * journal is fsynced if lines were added; the snapshot is rewritten only when compaction
   * is due. Writes nothing when nothing changed.
   */
  async settle (): Promise<void> {
    await this.enqueue(async () => {
      if (this.compactionDue()) await this.compact()
      else if (this.unsynced) await this.syncJournal()
    })
  }

  /** Writes the snapshot now and empties the journal (tests; settle decides by itself). */
  async flush (): Promise<void> {
    await this.enqueue(async () => await this.compact())
  }

  private compactionDue (): boolean {
    return this.snapshotStale || this.journalLines > Math.max(MIN_JOURNAL_LINES_BEFORE_COMPACTION, this.items.size / 2)
  }

  private async enqueue (task: () => Promise<void>): Promise<void> {
    const run = this.writing.then(task)
    this.writing = run.catch(() => {})
    await run
  }

  /**
   * Appends one line. A process killed after this returns keeps the line (it is in the
   * kernel's page cache); `settle` fsyncs it, and a snapshot empties the journal.
   */
  private async journal (entry: JournalEntry): Promise<void> {
    await this.enqueue(async () => {
      await appendFile(path.join(this.stateDir, JOURNAL_FILE), encodeJournalLine(entry))
      this.writes.journalAppends++
      this.journalLines++
      this.unsynced = true
    })
  }

  private async syncJournal (): Promise<void> {
    const handle = await open(path.join(this.stateDir, JOURNAL_FILE), 'r+')
    try { await handle.datasync() } finally { await handle.close() }
    this.unsynced = false
    this.writes.syncs++
  }

  /** Runs inside the write queue: no journal line can slip in between the snapshot and emptying the journal. */
  private async compact (): Promise<void> {
    await writeFileAtomic(path.join(this.stateDir, INDEX_FILE), encodeIndex(this.items.values()))
    // Everything journalled is in the snapshot now. A crash between these two writes only
    // replays entries the snapshot already holds.
    if (this.journalLines > 0) await writeFile(path.join(this.stateDir, JOURNAL_FILE), '')
    this.journalLines = 0
    this.unsynced = false
    this.snapshotStale = false
    this.writes.compactions++
    this.log.debug('state.index_compacted', { items: this.items.size })
  }

  private torrentPath (infoHash: string): string {
    return path.join(this.stateDir, TORRENTS_FOLDER, `${infoHash}.torrent`)
  }

  private async load (): Promise<void> {
    const listed = await this.listTorrents()
    await this.loadIndex()
    await this.replayJournal()
    // The set holds the items' own infohash strings: a name cut from the listing would be a
    // second copy of each (~0.1 KB an item, with the listing's string it is a slice of).
    for (const item of this.items.values()) {
      if (listed.delete(item.infoHash)) this.torrentFiles.add(item.infoHash)
    }
    for (const infoHash of listed) this.torrentFiles.add(infoHash)
  }

  /** One directory listing instead of a read per item on every start: the infohashes whose torrent is stored. */
  private async listTorrents (): Promise<Set<string>> {
    let names: string[]
    try {
      names = await readdir(path.join(this.stateDir, TORRENTS_FOLDER))
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return new Set()
      throw err
    }
    return new Set(names.filter(name => name.endsWith('.torrent')).map(name => name.slice(0, -'.torrent'.length)))
  }

  /** Applies journal lines written after the snapshot (skipping any torn by a crash). */
  private async replayJournal (): Promise<void> {
    const text = await readIfPresent(path.join(this.stateDir, JOURNAL_FILE))
    if (text === null) return
    let replayed = 0
    let skipped = 0
    for (const line of text.split('\n')) {
      if (line === '') continue
      const entry = decodeJournalLine(line)
      if (entry === null) {
        skipped++
        continue
      }
      if ('put' in entry) this.keep(entry.put)
      else this.items.delete(entry.forget)
      replayed++
    }
    this.journalLines = replayed + skipped
    if (skipped > 0) this.log.warn('state.journal_lines_skipped', { count: skipped })
    if (replayed > 0) this.log.info('state.journal_replayed', { entries: replayed })
  }

  /**
   * Reads the snapshot: a trusted one (its checksum matches) as it is, any other item by item
   * through the schema, dropping and naming the items that fail (they are hashed again).
   */
  private async loadIndex (): Promise<void> {
    const file = path.join(this.stateDir, INDEX_FILE)
    const text = await readIfPresent(file)
    if (text === null) return
    const { entries, trusted, damage } = decodeIndex(text)
    if (trusted) {
      // Checksummed: these are the items this code validated and wrote (library-index-file.ts).
      for (const item of entries as StoredItem[]) this.keep(item)
      return
    }
    const invalid: string[] = []
    for (const entry of entries) {
      const parsed = StoredItemSchema.safeParse(entry)
      if (parsed.success) this.keep(parsed.data)
      else invalid.push(describeEntry(entry, parsed.error.issues[0]))
    }
    this.snapshotStale = true
    if (damage === null && invalid.length === 0) return // an older version's index: rewritten, with its checksum, at the first settle
    // Kept for a human, never read again; the items read are kept and the rest hashed again.
    const movedTo = `${file}.corrupt-${Date.now()}`
    await rename(file, movedTo)
    this.log.warn('state.index_damaged', {
      damage: damage ?? 'items that fail the schema',
      itemsKept: this.items.size,
      itemsDropped: invalid.length,
      dropped: invalid.slice(0, MAX_PATHS_LOGGED).join('; '),
      movedTo,
      recovery: 'dropped and lost items are hashed again; their ids stay the same'
    })
  }
}

/**
 * Strings and lists shared, not copied: one string for the item's path where the index holds it three times (its `relativePath`,
 * its key in `fingerprints`, its torrent file's `libraryPath`): each is a copy of its own
 * when parsed from JSON. The key's copy is kept (V8 keeps property names once, in its string
 * table). Changes no value, only which equal string each field points at.
 */
function shareStrings (item: StoredItem): StoredItem {
  // Reflect.ownKeys, not for…in or Object.keys: those leave an enum cache on each record's
  // hidden class, and every record has a class of its own (its key is a path), ~80 bytes each.
  for (const key of Reflect.ownKeys(item.fingerprints)) {
    if (key === item.relativePath) {
      item.relativePath = key
      break
    }
  }
  for (const file of item.torrentFiles) if (file.libraryPath === item.relativePath) file.libraryPath = item.relativePath
  if (item.probe.tags?.genres.length === 0) item.probe.tags.genres = NO_GENRES
  return item
}

/** Most files have no genre tags: one shared empty list instead of an array each (never written to). */
const NO_GENRES: string[] = Object.freeze([]) as unknown as string[]

function describeEntry (entry: unknown, issue: { path: PropertyKey[], message: string } | undefined): string {
  const relativePath = typeof entry === 'object' && entry !== null && typeof (entry as { relativePath?: unknown }).relativePath === 'string' ? (entry as { relativePath: string }).relativePath : '(no path)'
  return `${relativePath}: ${issue ? `${issue.path.map(String).join('.')} ${issue.message}` : 'invalid'}`
}

async function readIfPresent (file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
}
