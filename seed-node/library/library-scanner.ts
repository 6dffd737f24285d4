/**
 * Walks the library folder and says which files become items: every playable file, with
 * the subtitles kept beside it or in a `Subs/` folder (subtitles/sidecar-pairing.ts). Hidden
 * files and folders are passed over; partial downloads, empty files, unreadable files and
 * types Hearth does not know are skipped with a reason (ingest logs each once and
 * /api/status counts them). Symlinked folders are never entered, and a symlinked file is
 * taken only when its target is inside the library (unless `followSymlinks`): a link to
 * /etc/passwd named `film.mp4` is not an item. The scanner only reads: it never writes,
 * moves or deletes anything in the library.
 *
 * Speed: folders are read and files stat'ed many at a time through one bound
 * (`MAX_IO_IN_FLIGHT`): 10,000 files take tens of milliseconds instead of a second of
 * sequential `stat()` calls with the main thread idle.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import type { Dirent } from 'node:fs'
import path from 'node:path'
import { fingerprintOf, type FileFingerprint } from './file-fingerprint.ts'
import { mediaTypeOf, extensionOf } from '../../protocol/media-types.ts'
import type { Logger } from '../lib/log.ts'
import { errnoCode } from '../lib/errors.ts'
import { isInside } from '../lib/path-inside.ts'
import { createLimiter, type Limiter } from './io-limiter.ts'
import { pairSidecars, subtitleFormatOf, SUBTITLE_FOLDER_NAMES, type ScannedSubtitle } from './subtitles/sidecar-pairing.ts'
import { isSample } from './metadata/extras-names.ts'
import { ARTWORK_EXTENSIONS } from './metadata/artwork-names.ts'

export type { ScannedSubtitle } from './subtitles/sidecar-pairing.ts'

export interface ScannedFile {
  /** Path relative to the library root, with `/` separators. */
  relativePath: string
  absolutePath: string
  fingerprint: FileFingerprint
}

export interface ScannedMedia extends ScannedFile {
  /** Sidecar subtitles: listed beside the item, never part of its torrent. */
  subtitles: ScannedSubtitle[]
}

export interface ScanResult {
  media: ScannedMedia[]
  /** Files skipped (unreadable, empty, partial, unknown type) with the reason, for the log and /api/status. */
  skipped: Array<{ relativePath: string, reason: string }>
  /** Symlinks skipped because their target is outside the library (without `followSymlinks`). */
  outsideLinks: Array<{ relativePath: string, target: string }>
  /** Pictures and NFO files (library-relative paths), read for posters and metadata (library/metadata/). */
  sidecars: string[]
  /** Samples (`sample.mp4`, `Film-sample.mkv`, `Sample/`): playable, but hidden from the library. */
  samples: string[]
  /** Every folder walked, relative (`''` is the root): what the watcher watches (library-watcher.ts). */
  folders: string[]
}

/**
 * Sidecars people keep beside films that Hearth passes over without calling them skipped:
 * artwork and metadata a media manager writes (`.nfo`, `poster.jpg`), checksums.
 */
const QUIET_EXTENSIONS = new Set(['.nfo', '.tbn', '.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp', '.txt', '.sfv', '.md5', '.sha1', '.url', '.db', '.xml', '.json', '.ini', '.log'])

/** Why a file that is neither playable nor a subtitle is not listed, or null to pass it over quietly. */
function unknownTypeReason (name: string): string | null {
  const ext = extensionOf(name)
  if (QUIET_EXTENSIONS.has(ext)) return null
  if (ext === '.idx' || ext === '.sub' || ext === '.sup') return 'image subtitles (VobSub/PGS) are not supported; text subtitles (.srt, .vtt, .ass) are'
  return ext === '' ? 'no file extension' : `unsupported file type ${ext}`
}

/** Suffixes of files still being written by a download client or a copy. */
const PARTIAL_SUFFIXES = ['.part', '.partial', '.crdownload', '.download', '.!qb', '.!ut', '.tmp', '~']
/** Bound on folder depth, so a pathological tree cannot recurse forever. */
const MAX_DEPTH = 32
/** Directory reads and stats in flight at once (libuv runs 4 at a time; the rest queue there, cheaply). */
const MAX_IO_IN_FLIGHT = 32

export function isHiddenName (name: string): boolean {
  return name.startsWith('.')
}

export function isPartialName (name: string): boolean {
  const lower = name.toLowerCase()
  return PARTIAL_SUFFIXES.some(suffix => lower.endsWith(suffix))
}

export interface ScanOptions {
  log: Logger
  /** Relative folder paths not to enter (for example the state folder, if it sits inside the library). */
  excludeFolders?: string[]
  /** `--follow-symlinks`: take symlinked files wherever they lead. Default: only those whose target is inside the library. */
  followSymlinks?: boolean
}

/** Scans `root` recursively. Throws only if `root` itself cannot be read. */
export async function scanLibrary (root: string, options: ScanOptions): Promise<ScanResult> {
  const media: ScannedMedia[] = []
  const skipped: ScanResult['skipped'] = []
  const outsideLinks: ScanResult['outsideLinks'] = []
  const folders: string[] = []
  const sidecars: string[] = []
  const samples: string[] = []
  const excluded = new Set(options.excludeFolders ?? [])
  const realRoot = await realpath(root)
  const ctx: ScanContext = { root, realRoot, options, skipped, outsideLinks, io: createLimiter(MAX_IO_IN_FLIGHT) }

  async function walk (relativeDir: string, depth: number): Promise<void> {
    const absoluteDir = path.join(root, relativeDir)
    let entries: Dirent[]
    try {
      entries = await ctx.io(async () => await readdir(absoluteDir, { withFileTypes: true }))
    } catch (err) {
      if (relativeDir === '') throw err
      skipped.push({ relativePath: relativeDir, reason: errnoCode(err) ?? String(err) })
      return
    }
    folders.push(relativeDir)
    const { candidates, subfolders, subsFolders } = sortEntries(entries, relativeDir, excluded, { skipped, sidecars, samples })
    const tooDeep = depth >= MAX_DEPTH && subfolders.length > 0
    if (tooDeep) options.log.warn('scan.too_deep', { folder: relativeDir, maxDepth: MAX_DEPTH })
    // This folder's files and its subfolders, all at once (the limiter bounds the I/O).
    const [read, subsFiles] = await Promise.all([
      Promise.all(candidates.map(async ({ relativePath, isLink }) => await readEntry(ctx, relativePath, isLink))),
      Promise.all(subsFolders.sort().map(async folder => await subtitlesIn(ctx, folder, 1))),
      tooDeep ? [] : Promise.all(subfolders.map(async sub => await walk(sub, depth + 1)))
    ])
    const files = read.filter((file): file is ScannedFile => file !== null)
    const playable = files.filter(file => mediaTypeOf(file.relativePath) !== undefined)
    const paired = pairSidecars(playable.map(file => file.relativePath), files.filter(file => subtitleFormatOf(file.relativePath) !== undefined), subsFiles.flat())
    for (const file of playable) media.push({ ...file, subtitles: paired.get(file.relativePath) ?? [] })
  }

  await walk('', 0)
  const byPath = (a: { relativePath: string }, b: { relativePath: string }): number => a.relativePath.localeCompare(b.relativePath)
  media.sort(byPath)
  // Folders are walked concurrently: sorted, the report reads the same on every scan.
  skipped.sort(byPath)
  outsideLinks.sort(byPath)
  folders.sort()
  sidecars.sort()
  samples.sort()
  return { media, skipped, outsideLinks, folders, sidecars, samples }
}

/**
 * Files that are no item: unknown types (skipped with a reason), pictures and NFO files (kept
 * for metadata), samples (hidden). True when the file is passed over.
 */
function passedOver (relativePath: string, name: string, into: Pick<ScanResult, 'skipped' | 'sidecars' | 'samples'>): boolean {
  const playable = mediaTypeOf(name) !== undefined
  if (!playable && subtitleFormatOf(name) === undefined) {
    const reason = unknownTypeReason(name)
    if (reason !== null) into.skipped.push({ relativePath, reason })
    else if (isMetadataName(name)) into.sidecars.push(relativePath)
    return true
  }
  if (playable && isSample(relativePath)) {
    into.samples.push(relativePath)
    return true
  }
  return false
}

function isMetadataName (name: string): boolean {
  const ext = extensionOf(name)
  return ext === '.nfo' || ARTWORK_EXTENSIONS.has(ext)
}

interface FolderEntries {
  /** Playable and subtitle files to stat. */
  candidates: Array<{ relativePath: string, isLink: boolean }>
  subfolders: string[]
  /** Subfolders named like `Subs/`, whose subtitles pair with this folder's media. */
  subsFolders: string[]
}

/** Sorts one folder's entries into what to stat, what to walk, and what is skipped (with the reason). */
function sortEntries (entries: readonly Dirent[], relativeDir: string, excluded: ReadonlySet<string>, into: Pick<ScanResult, 'skipped' | 'sidecars' | 'samples'>): FolderEntries {
  const sorted: FolderEntries = { candidates: [], subfolders: [], subsFolders: [] }
  for (const entry of entries) {
    if (isHiddenName(entry.name)) continue
    const relativePath = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`
    if (entry.isDirectory()) {
      if (excluded.has(relativePath)) continue
      if (SUBTITLE_FOLDER_NAMES.has(entry.name.toLowerCase())) sorted.subsFolders.push(relativePath)
      // Walked as any folder too: someone may keep a film in a folder named `Subtitles`.
      sorted.subfolders.push(relativePath)
      continue
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue
    if (isPartialName(entry.name)) {
      into.skipped.push({ relativePath, reason: 'still being written (partial download)' })
      continue
    }
    if (passedOver(relativePath, entry.name, into)) continue
    sorted.candidates.push({ relativePath, isLink: entry.isSymbolicLink() })
  }
  return sorted
}

interface ScanContext {
  root: string
  realRoot: string
  options: ScanOptions
  skipped: ScanResult['skipped']
  outsideLinks: ScanResult['outsideLinks']
  io: Limiter
}

/** Stats one file (following a symlinked file confined to the library); null when skipped. */
async function readEntry (ctx: ScanContext, relativePath: string, isLink: boolean): Promise<ScannedFile | null> {
  const { root, realRoot, options, skipped, outsideLinks } = ctx
  const absolutePath = path.join(root, relativePath)
  try {
    if (isLink && options.followSymlinks !== true) {
      const target = await ctx.io(async () => await realpath(absolutePath))
      if (!isInside(realRoot, target)) {
        outsideLinks.push({ relativePath, target })
        return null
      }
    }
    const stats = await ctx.io(async () => await stat(absolutePath)) // follows a symlinked file; folders are never followed
    if (!stats.isFile()) return null
    if (stats.size === 0) {
      skipped.push({ relativePath, reason: 'empty file' })
      return null
    }
    return { relativePath, absolutePath, fingerprint: fingerprintOf(stats) }
  } catch (err) {
    skipped.push({ relativePath, reason: `unreadable (${errnoCode(err) ?? String(err)})` })
    return null
  }
}

/** Subtitle files in a `Subs/` folder and, one level down, in `Subs/<Film>/`. */
async function subtitlesIn (ctx: ScanContext, relativeDir: string, levels: number): Promise<ScannedFile[]> {
  const { root, skipped } = ctx
  let entries: Dirent[]
  try {
    entries = await ctx.io(async () => await readdir(path.join(root, relativeDir), { withFileTypes: true }))
  } catch (err) {
    skipped.push({ relativePath: relativeDir, reason: `unreadable (${errnoCode(err) ?? String(err)})` })
    return []
  }
  const found = await Promise.all(entries.sort((a, b) => a.name.localeCompare(b.name)).map(async (entry): Promise<ScannedFile[]> => {
    if (isHiddenName(entry.name)) return []
    const relativePath = `${relativeDir}/${entry.name}`
    if (entry.isDirectory() && levels > 0) return await subtitlesIn(ctx, relativePath, levels - 1)
    if ((entry.isFile() || entry.isSymbolicLink()) && subtitleFormatOf(entry.name) !== undefined) {
      const file = await readEntry(ctx, relativePath, entry.isSymbolicLink())
      return file ? [file] : []
    }
    return []
  }))
  return found.flat()
}

/** Attaches the subtitles beside each playable file among one folder's files (downloads pair as the scanner does). */
export function pairSubtitles (files: ScannedFile[]): ScannedMedia[] {
  const playable = files.filter(file => mediaTypeOf(file.relativePath) !== undefined)
  const subtitles = files.filter(file => subtitleFormatOf(file.relativePath) !== undefined)
  const paired = pairSidecars(playable.map(file => file.relativePath), subtitles, [])
  return playable.map(file => ({ ...file, subtitles: paired.get(file.relativePath) ?? [] }))
}
