/**
 * Walks the library folder and says which files become items: every playable file, with
 * the subtitles that sit beside it (`Film.vtt`, `Film.en.srt`). Hidden files and folders,
 * partial downloads and empty files are skipped. Symlinked folders are never entered, and a
 * symlinked file is taken only when its target is inside the library (unless
 * `followSymlinks`): a link to /etc/passwd named `film.mp4` is not an item. The scanner only
 * reads: it never writes, moves or deletes anything in the library.
 */
import { opendir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { fingerprintOf, type FileFingerprint } from './file-fingerprint.ts'
import { isSubtitle, mediaTypeOf, stripExtension, extensionOf } from '../../protocol/media-types.ts'
import type { Logger } from '../lib/log.ts'
import { errnoCode } from '../lib/errors.ts'
import { isInside } from './library-file-open.ts'

export interface ScannedFile {
  /** Path relative to the library root, with `/` separators. */
  relativePath: string
  absolutePath: string
  fingerprint: FileFingerprint
}

export interface ScannedSubtitle extends ScannedFile {
  /** Language tag from the name (`Film.en.vtt` → `en`), `und` when there is none. */
  language: string
  format: 'vtt' | 'srt'
}

export interface ScannedMedia extends ScannedFile {
  subtitles: ScannedSubtitle[]
}

export interface ScanResult {
  media: ScannedMedia[]
  /** Files skipped because they could not be read (with the reason), for the log. */
  skipped: Array<{ relativePath: string, reason: string }>
  /** Symlinks skipped because their target is outside the library (without `followSymlinks`). */
  outsideLinks: Array<{ relativePath: string, target: string }>
}

/** Suffixes of files still being written by a download client or a copy. */
const PARTIAL_SUFFIXES = ['.part', '.partial', '.crdownload', '.download', '.!qb', '.!ut', '.tmp', '~']
/** Bound on folder depth, so a pathological tree cannot recurse forever. */
const MAX_DEPTH = 32

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
  const excluded = new Set(options.excludeFolders ?? [])
  const realRoot = await realpath(root)

  async function walk (relativeDir: string, depth: number): Promise<void> {
    const absoluteDir = path.join(root, relativeDir)
    let dir
    try {
      dir = await opendir(absoluteDir)
    } catch (err) {
      if (relativeDir === '') throw err
      skipped.push({ relativePath: relativeDir, reason: errnoCode(err) ?? String(err) })
      return
    }
    const files: ScannedFile[] = []
    const subfolders: string[] = []
    for await (const entry of dir) {
      if (isHiddenName(entry.name) || isPartialName(entry.name)) continue
      const relativePath = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`
      if (entry.isDirectory()) {
        if (!excluded.has(relativePath)) subfolders.push(relativePath)
        continue
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue
      if (!mediaTypeOf(entry.name) && !isSubtitle(entry.name)) continue
      const absolutePath = path.join(root, relativePath)
      try {
        if (entry.isSymbolicLink() && options.followSymlinks !== true) {
          const target = await realpath(absolutePath)
          if (!isInside(realRoot, target)) {
            outsideLinks.push({ relativePath, target })
            continue
          }
        }
        const stats = await stat(absolutePath) // follows a symlinked file; folders are never followed
        if (!stats.isFile() || stats.size === 0) continue
        files.push({ relativePath, absolutePath, fingerprint: fingerprintOf(stats) })
      } catch (err) {
        skipped.push({ relativePath, reason: errnoCode(err) ?? String(err) })
      }
    }
    media.push(...pairSubtitles(files))
    if (depth >= MAX_DEPTH) {
      if (subfolders.length > 0) options.log.warn('scan.too_deep', { folder: relativeDir, maxDepth: MAX_DEPTH })
      return
    }
    for (const sub of subfolders.sort()) await walk(sub, depth + 1)
  }

  await walk('', 0)
  for (const skip of skipped) options.log.warn('scan.skipped', skip)
  media.sort((a, b) => a.relativePath.localeCompare(b.relativePath))
  return { media, skipped, outsideLinks }
}

/** Attaches `Base[.lang].vtt|srt` to `Base.<media ext>` within one folder's files. */
export function pairSubtitles (files: ScannedFile[]): ScannedMedia[] {
  const subtitles = files.filter(file => isSubtitle(file.relativePath))
  const playable = files.filter(file => mediaTypeOf(file.relativePath) !== undefined)
  const bases = playable.map(file => stripExtension(path.posix.basename(file.relativePath)))
  const matches = (name: string, base: string) => name === base || name.startsWith(base + '.')
  return playable
    .map(file => {
      const base = stripExtension(path.posix.basename(file.relativePath))
      const own = subtitles.flatMap(sub => {
        const name = stripExtension(path.posix.basename(sub.relativePath))
        if (!matches(name, base)) return []
        // `Film.Extended.vtt` belongs to `Film.Extended.mp4`, not to `Film.mp4` beside it.
        if (bases.some(other => other.length > base.length && matches(name, other))) return []
        const language = name === base ? 'und' : name.slice(base.length + 1).toLowerCase()
        if (!/^[a-z0-9-]{1,35}$/.test(language)) return []
        const format = extensionOf(sub.relativePath) === '.srt' ? 'srt' as const : 'vtt' as const
        return [{ ...sub, language, format }]
      })
      return { ...file, subtitles: own }
    })
}
