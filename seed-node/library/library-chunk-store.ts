/**
 * A read-only abstract-chunk-store over files that live in the library folder, wherever
 * they sit on disk. WebTorrent reads pieces through it to seed; any attempt to write
 * fails with HEARTH_E_READ_ONLY, so seeding can never modify the library. `destroy` closes
 * and never deletes (unlike fs-chunk-store, whose destroy removes the files). Every read
 * opens the file through `openLibraryFile`, so a symlink leading outside the library is
 * never read, even one put in place after the scan.
 */
import { openLibraryFile, type LibraryConfinement } from './library-file-open.ts'
import { HearthError } from '../lib/errors.ts'

type Callback<T = void> = (err: Error | null, value?: T) => void

export interface LibraryChunkStoreOptions {
  /** Filled in by WebTorrent: the torrent's files in order, with their byte offsets. */
  files: Array<{ path: string, length: number, offset: number }>
  length: number
  /** Ours, passed through `storeOpts`: torrent file path → absolute path on disk. */
  libraryFiles: Record<string, string>
  /** Ours: where those files may be read from (checked at every open: library-file-open.ts). */
  confinement: LibraryConfinement
}

interface Extent { absolutePath: string, offset: number, length: number }

export class LibraryChunkStore {
  readonly chunkLength: number
  readonly length: number
  readonly lastChunkLength: number
  readonly lastChunkIndex: number
  private readonly extents: Extent[]
  private readonly confinement: LibraryConfinement
  private closed = false

  constructor (chunkLength: number, options: LibraryChunkStoreOptions) {
    this.chunkLength = chunkLength
    this.confinement = options.confinement
    this.length = options.length
    this.lastChunkLength = (this.length % chunkLength) || chunkLength
    this.lastChunkIndex = Math.ceil(this.length / chunkLength) - 1
    this.extents = options.files.map(file => {
      const torrentPath = file.path.split('\\').join('/')
      const absolutePath = options.libraryFiles[torrentPath]
      if (!absolutePath) throw new Error(`no library file for torrent path ${torrentPath}`)
      return { absolutePath, offset: file.offset, length: file.length }
    })
  }

  put (_index: number, _buf: Uint8Array, cb: Callback = () => {}): void {
    queueMicrotask(() => cb(new HearthError('HEARTH_E_READ_ONLY', 'library files are read-only to Hearth')))
  }

  get (index: number, opts: { offset?: number, length?: number } | null | Callback<Uint8Array>, cb?: Callback<Uint8Array>): void {
    if (typeof opts === 'function') return this.get(index, null, opts)
    const done = cb ?? (() => {})
    if (this.closed) return queueMicrotask(() => done(new Error('store closed')))
    if (!Number.isInteger(index) || index < 0 || index > this.lastChunkIndex) {
      return queueMicrotask(() => done(new Error(`chunk ${index} out of range`)))
    }
    const chunkLength = index === this.lastChunkIndex ? this.lastChunkLength : this.chunkLength
    const offset = opts?.offset ?? 0
    const length = opts?.length ?? chunkLength - offset
    if (offset < 0 || length < 0 || offset + length > chunkLength) {
      return queueMicrotask(() => done(new Error(`range ${offset}+${length} outside chunk ${index}`)))
    }
    this.readRange(index * this.chunkLength + offset, length).then(buf => done(null, buf), err => done(err as Error))
  }

  close (cb: Callback = () => {}): void {
    this.closed = true
    queueMicrotask(() => cb(null))
  }

  destroy (cb: Callback = () => {}): void {
    this.close(cb)
  }

  /** Reads `length` bytes at torrent-wide byte `start`, across file boundaries. */
  private async readRange (start: number, length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length)
    let written = 0
    for (const extent of this.extents) {
      if (written === length) break
      const end = extent.offset + extent.length
      const at = start + written
      if (at >= end || at < extent.offset) continue
      const take = Math.min(length - written, end - at)
      const handle = await openLibraryFile(extent.absolutePath, this.confinement)
      try {
        const { bytesRead } = await handle.read(out, written, take, at - extent.offset)
        if (bytesRead !== take) throw new HearthError('HEARTH_E_FILE_VANISHED', `${extent.absolutePath} is shorter than when it was hashed`)
      } finally {
        await handle.close()
      }
      written += take
    }
    if (written !== length) throw new Error(`read ${written} of ${length} bytes`)
    return out
  }
}
