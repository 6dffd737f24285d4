/**
 * Pictures for the app's grid, made once and kept in `<state>/art/<key>.webp` (the key names
 * the source and its fingerprint, art-ref.ts: a changed file gets a new key, and the old
 * copy is never served again). A source that cannot give a picture (no cover after all, a
 * damaged video) leaves `<key>.none`, so ffmpeg is not run again for it until the file
 * changes. Pictures are made when first asked for, one ffmpeg at a time (the seed node
 * shares a small machine with playback), behind a bounded queue; two asks for one key share
 * one run. Without ffmpeg a picture from disk or a file's cover is served as it is, when it
 * is small enough for a grid; frames need ffmpeg.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../lib/log.ts'
import type { LibraryConfinement } from '../library/library-file-open.ts'
import { openLibraryFile } from '../library/library-file-open.ts'
import type { ArtRef } from '../library/metadata/art-ref.ts'
import { ArtUnavailable, embeddedPicture, makeArt } from './art-maker.ts'

/** ffmpeg runs at once: one, so a grid of new items never starves playback of CPU. */
const MAX_RUNNING = 1
/** Asks waiting for ffmpeg; past this the route answers 503 and the app shows its placeholder. */
const MAX_WAITING = 512
/** Without ffmpeg, a picture served unresized must be at most this big. */
const MAX_UNRESIZED_BYTES = 2 * 1024 * 1024

export interface ArtPicture {
  bytes: Buffer
  contentType: string
}

export type ArtOutcome = { ok: true, picture: ArtPicture } | { ok: false, reason: 'unavailable' | 'busy', message: string }

export interface ArtworkServiceOptions {
  stateDir: string
  /** Whether this machine has ffmpeg (detected at start). */
  ffmpeg: boolean
  log: Logger
}

export class ArtworkService {
  private readonly folder: string
  private running = 0
  private readonly waiting: Array<() => void> = []
  private readonly inFlight = new Map<string, Promise<ArtOutcome>>()
  readonly stats = { made: 0, failed: 0, served: 0 }

  constructor (private readonly options: ArtworkServiceOptions) {
    this.folder = path.join(options.stateDir, 'art')
  }

  /** Whether frames of videos can be made here (the catalog offers frame URLs only then). */
  get makesFrames (): boolean {
    return this.options.ffmpeg
  }

  async picture (ref: ArtRef, confinement: LibraryConfinement): Promise<ArtOutcome> {
    const made = await this.cached(ref.key)
    if (made !== null) return made
    const running = this.inFlight.get(ref.key)
    if (running !== undefined) return await running
    if (this.waiting.length >= MAX_WAITING) return { ok: false, reason: 'busy', message: 'too many pictures being made; try again soon' }
    const job = this.make(ref, confinement).finally(() => this.inFlight.delete(ref.key))
    this.inFlight.set(ref.key, job)
    return await job
  }

  /**
   * Removes the pictures (and `.none` marks) no item refers to any more: a replaced poster, a
   * re-ripped film, a deleted item. Run after each scan, so the folder stays the size of the
   * library's pictures. Returns how many files went.
   */
  async prune (inUse: ReadonlySet<string>): Promise<number> {
    let names: string[]
    try {
      names = await readdir(this.folder)
    } catch {
      return 0 // no picture made yet
    }
    let removed = 0
    for (const name of names) {
      const key = name.replace(/^\./, '').slice(0, 22)
      if (inUse.has(key) || this.inFlight.has(key)) continue
      await rm(path.join(this.folder, name), { force: true })
      removed++
    }
    if (removed > 0) this.options.log.info('artwork.pruned', { removed })
    return removed
  }

  private async cached (key: string): Promise<ArtOutcome | null> {
    try {
      return { ok: true, picture: { bytes: await readFile(path.join(this.folder, `${key}.webp`)), contentType: 'image/webp' } }
    } catch {
      // Not made yet, or it failed before:
    }
    try {
      await stat(path.join(this.folder, `${key}.none`))
      return { ok: false, reason: 'unavailable', message: 'this item has no picture' }
    } catch {
      return null
    }
  }

  private async make (ref: ArtRef, confinement: LibraryConfinement): Promise<ArtOutcome> {
    if (!this.options.ffmpeg) return await this.unresized(ref, confinement)
    await this.turn()
    try {
      const bytes = await makeArt(ref, confinement)
      await this.keep(`${ref.key}.webp`, bytes)
      this.stats.made++
      return { ok: true, picture: { bytes, contentType: 'image/webp' } }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      this.stats.failed++
      this.options.log.warn('artwork.failed', { source: ref.kind, path: path.basename(ref.absolutePath), reason: message })
      // A missing ffmpeg binary or a full disk is not the file's fault: nothing is remembered.
      if (err instanceof ArtUnavailable) await this.keep(`${ref.key}.none`, message).catch(() => {})
      return { ok: false, reason: 'unavailable', message: 'no picture could be made for this item' }
    } finally {
      this.release()
    }
  }

  /** Without ffmpeg: the picture itself when it is a JPEG, PNG or WebP small enough for a grid. */
  private async unresized (ref: ArtRef, confinement: LibraryConfinement): Promise<ArtOutcome> {
    const none: ArtOutcome = { ok: false, reason: 'unavailable', message: 'pictures need ffmpeg on this home server' }
    if (ref.kind === 'frame') return none
    try {
      const handle = await openLibraryFile(ref.absolutePath, confinement)
      try {
        const bytes = ref.kind === 'embedded' ? Buffer.from(await embeddedPicture(handle)) : (await handle.stat()).size <= MAX_UNRESIZED_BYTES ? await handle.readFile() : null
        const contentType = bytes === null || bytes.length > MAX_UNRESIZED_BYTES ? null : pictureType(bytes)
        return bytes === null || contentType === null ? none : { ok: true, picture: { bytes, contentType } }
      } finally {
        await handle.close()
      }
    } catch {
      return none
    }
  }

  private async keep (name: string, data: Buffer | string): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 })
    const temporary = path.join(this.folder, `.${name}.${process.pid}.tmp`)
    await writeFile(temporary, data, { mode: 0o600 })
    await rename(temporary, path.join(this.folder, name))
  }

  private async turn (): Promise<void> {
    if (this.running < MAX_RUNNING) {
      this.running++
      return
    }
    await new Promise<void>(resolve => this.waiting.push(resolve))
  }

  private release (): void {
    const next = this.waiting.shift()
    if (next !== undefined) next()
    else this.running--
  }
}

/** JPEG, PNG or WebP by their first bytes; null for anything else (never served as an image). */
export function pictureType (bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png'
  if (String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp'
  return null
}
