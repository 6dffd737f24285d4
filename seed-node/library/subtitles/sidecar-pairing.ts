/**
 * Finds each playable file's subtitles where people keep them: beside it (`Film.en.srt`,
 * `Film.eng.forced.srt`) or in a `Subs/` folder next to it (`Subs/English.srt` when the
 * folder holds one film, `Subs/Film.en.srt`, or RARBG's `Subs/<Film>/2_English.srt`).
 * Sidecars are listed beside the item, never hashed into its torrent (docs/item-identity.md).
 */
import path from 'node:path'
import { extensionOf, stripExtension } from '../../../protocol/media-types.ts'
import type { SubtitleFormat } from '../../../protocol/catalog.ts'
import { parseSubtitleName, type SubtitleNameInfo } from './subtitle-name.ts'
import type { FileFingerprint } from '../file-fingerprint.ts'

export interface SidecarFile {
  relativePath: string
  absolutePath: string
  fingerprint: FileFingerprint
}

export interface ScannedSubtitle extends SidecarFile, SubtitleNameInfo {
  format: SubtitleFormat
}

const SUBTITLE_FORMATS: Readonly<Record<string, SubtitleFormat>> = { '.srt': 'srt', '.vtt': 'vtt', '.ass': 'ass', '.ssa': 'ssa' }

/** Folder names media managers and release groups put subtitles in (compared lowercase). */
export const SUBTITLE_FOLDER_NAMES: ReadonlySet<string> = new Set(['subs', 'subtitles'])

export function subtitleFormatOf (fileName: string): SubtitleFormat | undefined {
  const ext = extensionOf(fileName)
  return Object.hasOwn(SUBTITLE_FORMATS, ext) ? SUBTITLE_FORMATS[ext] : undefined
}

function belongsTo (name: string, base: string): boolean {
  return name === base || name.startsWith(base + '.') || name.startsWith(base + '_')
}

/**
 * Pairs one folder's media files with the subtitles beside them (`beside`) and in its
 * subtitle folders (`inSubsFolder`, paths relative to the library). A subtitle goes to the
 * media whose base name is the longest prefix of its own: `Film.Extended.en.srt` belongs to
 * `Film.Extended.mkv`, not to `Film.mkv` beside it.
 */
export function pairSidecars (mediaPaths: readonly string[], beside: readonly SidecarFile[], inSubsFolder: readonly SidecarFile[]): Map<string, ScannedSubtitle[]> {
  const bases = mediaPaths.map(mediaPath => ({ mediaPath, base: stripExtension(path.posix.basename(mediaPath)) }))
  const found = new Map<string, ScannedSubtitle[]>(mediaPaths.map(mediaPath => [mediaPath, []]))
  const add = (mediaPath: string, file: SidecarFile, qualifier: string): void => {
    const format = subtitleFormatOf(file.relativePath)
    if (format === undefined) return
    found.get(mediaPath)?.push({ ...file, format, ...parseSubtitleName(qualifier) })
  }
  const longestOwner = (name: string): { mediaPath: string, base: string } | undefined =>
    bases.filter(entry => belongsTo(name, entry.base)).sort((a, b) => b.base.length - a.base.length)[0]
  for (const file of beside) {
    const name = stripExtension(path.posix.basename(file.relativePath))
    const owner = longestOwner(name)
    if (owner) add(owner.mediaPath, file, name.slice(owner.base.length))
  }
  const onlyMedia = mediaPaths.length === 1 ? mediaPaths[0] : undefined
  for (const file of inSubsFolder) {
    const name = stripExtension(path.posix.basename(file.relativePath))
    // `Subs/<Film>/2_English.srt`: the folder names the film.
    const folder = path.posix.basename(path.posix.dirname(file.relativePath))
    const byFolder = bases.find(entry => entry.base === folder)
    const owner = byFolder ?? longestOwner(name)
    if (byFolder) add(byFolder.mediaPath, file, name)
    else if (owner) add(owner.mediaPath, file, name.slice(owner.base.length))
    else if (onlyMedia !== undefined) add(onlyMedia, file, name)
  }
  for (const list of found.values()) list.sort((a, b) => a.relativePath.localeCompare(b.relativePath))
  return found
}
