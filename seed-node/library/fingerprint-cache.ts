/**
 * Remembers, in the state folder, each item's torrent together with the fingerprints
 * (size, mtime, inode) of the files it was made from. On restart an item whose files all
 * still match is served from here without reading, let alone hashing, a byte of it.
 *
 * Layout: `<state>/library-index.json` (the index, written atomically),
 * `<state>/library-index.journal` (one JSON line per item remembered or forgotten since the
 * index was last written, appended before the item counts as done, so a killed process
 * loses no finished item), and `<state>/torrents/<infohash>.torrent` (trackers stripped: they
 * carry the credential and are added at run time). A corrupt index is
 * moved aside and rebuilt; a line torn by a crash is skipped.
 */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { readJsonStateFile } from '../lib/json-state-file.ts'
import { sameFingerprint } from './file-fingerprint.ts'
import { LibraryIndexSchema, StoredItemSchema, type StoredItem } from './stored-item.ts'
import { z } from 'zod'
import type { ScannedMedia } from './library-scanner.ts'
import type { Logger } from '../lib/log.ts'
import { errnoCode } from '../lib/errors.ts'
import { withoutAnnounce } from './torrent-announce-strip.ts'

const INDEX_FILE = 'library-index.json'
const JOURNAL_FILE = 'library-index.journal'
/** Folder of the items' torrents in the state folder (no trackers inside: torrent-announce-strip.ts). */
export const TORRENTS_FOLDER = 'torrents'
/** Writes of the index are batched: at most one per this interval while ingest runs. */
const FLUSH_DELAY_MS = 1000

const JournalEntrySchema = z.union([z.object({ put: StoredItemSchema }), z.object({ forget: z.string().min(1) })])

function safeJson (line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}

export class FingerprintCache {
  private readonly items = new Map<string, StoredItem>()
  private flushTimer: NodeJS.Timeout | null = null
  private flushing: Promise<void> = Promise.resolve()
  private journalling: Promise<void> = Promise.resolve()
  /** Infohashes whose .torrent file is in the state folder. */
  private readonly torrentFiles = new Set<string>()

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

  /** Every stored item (for the identity matches of item-identity.ts). */
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
    await writeFileAtomic(this.torrentPath(item.infoHash), withoutAnnounce(torrent))
    this.torrentFiles.add(item.infoHash)
    await this.journal({ put: item })
    this.items.set(item.relativePath, item)
    this.scheduleFlush()
  }

  forget (relativePath: string): void {
    if (!this.items.delete(relativePath)) return
    this.journal({ forget: relativePath }).catch(err => this.log.warn('state.journal_write_failed', { error: String(err) }))
    this.scheduleFlush()
  }

  /**
   * Appends one line. A process killed after this returns keeps the line (it is in the
   * kernel's page cache); the index written by `flush` is fsynced and empties the journal.
   */
  private async journal (entry: { put: StoredItem } | { forget: string }): Promise<void> {
    this.journalling = this.journalling.then(async () => await appendFile(path.join(this.stateDir, JOURNAL_FILE), JSON.stringify(entry) + '\n'))
    await this.journalling
  }

  /** Writes the index now (also called on shutdown). */
  async flush (): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const snapshot = JSON.stringify({ version: 1, items: [...this.items.values()] })
    this.flushing = this.flushing.then(async () => {
      await this.journalling
      await writeFileAtomic(path.join(this.stateDir, INDEX_FILE), snapshot)
      // Everything journalled so far is in the index now. A crash between these two writes
      // only replays entries the index already holds.
      await writeFile(path.join(this.stateDir, JOURNAL_FILE), '')
    })
    await this.flushing
  }

  private scheduleFlush (): void {
    if (this.flushTimer) return
    this.flushTimer = setTimeout(() => {
      this.flush().catch(err => this.log.error('state.index_write_failed', { error: String(err) }))
    }, FLUSH_DELAY_MS)
    this.flushTimer.unref()
  }

  private torrentPath (infoHash: string): string {
    return path.join(this.stateDir, TORRENTS_FOLDER, `${infoHash}.torrent`)
  }

  private async load (): Promise<void> {
    await this.listTorrents()
    await this.loadIndex()
    await this.replayJournal()
  }

  /** One directory listing instead of a read per item on every start. */
  private async listTorrents (): Promise<void> {
    let names: string[]
    try {
      names = await readdir(path.join(this.stateDir, TORRENTS_FOLDER))
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return
      throw err
    }
    for (const name of names) if (name.endsWith('.torrent')) this.torrentFiles.add(name.slice(0, -'.torrent'.length))
  }

  /** Applies journal lines written after the index (skipping any torn by a crash). */
  private async replayJournal (): Promise<void> {
    let text: string
    try {
      text = await readFile(path.join(this.stateDir, JOURNAL_FILE), 'utf8')
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return
      throw err
    }
    let replayed = 0
    let skipped = 0
    for (const line of text.split('\n')) {
      if (line === '') continue
      const entry = JournalEntrySchema.safeParse(safeJson(line))
      if (!entry.success) {
        skipped++
        continue
      }
      if ('put' in entry.data) this.items.set(entry.data.put.relativePath, entry.data.put)
      else this.items.delete(entry.data.forget)
      replayed++
    }
    if (skipped > 0) this.log.warn('state.journal_lines_skipped', { count: skipped })
    if (replayed > 0) this.log.info('state.journal_replayed', { entries: replayed })
  }

  private async loadIndex (): Promise<void> {
    const index = await readJsonStateFile(path.join(this.stateDir, INDEX_FILE), LibraryIndexSchema, this.log, 'state.index_corrupt')
    for (const item of index?.items ?? []) this.items.set(item.relativePath, item)
  }
}
