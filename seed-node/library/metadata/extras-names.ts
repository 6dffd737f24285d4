/**
 * Samples, trailers and other extras, named as Jellyfin and Plex name them (Jellyfin's
 * `NamingOptions` extra rules; Plex's "local trailers and extras"):
 * - a suffix on the file name: `Film (2010)-trailer.mp4`, `Film.sample.mkv`, `Film-behindthescenes.mp4`;
 * - a whole file name: `trailer.mp4`, `sample.mkv`;
 * - a folder beside the film: `Trailers/`, `Extras/`, `Featurettes/`, `Behind The Scenes/`, …
 * Samples are hidden (a minute cut from the release, nobody browses them); the other extras
 * belong to the film beside them (`assignExtras`) and are listed under it, not in the grid.
 */
import path from 'node:path'
import type { ExtraKind } from '../../../protocol/catalog.ts'
import { mediaTypeOf, stripExtension } from '../../../protocol/media-types.ts'

export type ExtraClass = { kind: 'sample' } | { kind: ExtraKind }

const SUFFIXES: ReadonlyArray<[string, ExtraClass['kind']]> = [
  ['trailer', 'trailer'], ['sample', 'sample'], ['featurette', 'featurette'], ['behindthescenes', 'behind-the-scenes'],
  ['deleted', 'deleted-scene'], ['deletedscene', 'deleted-scene'], ['interview', 'interview'], ['scene', 'scene'],
  ['short', 'short'], ['clip', 'clip'], ['other', 'extra'], ['extra', 'extra']
]
/**
 * `-trailer`, `.trailer`, `_trailer` (and the same for `sample`); the rarer words only after
 * a hyphen, as in Jellyfin, so `The.Interview.mkv` stays a film.
 */
const SUFFIX_PATTERN = new RegExp(`(?:[._](trailer|sample)|-(${SUFFIXES.map(([word]) => word).join('|')}))$`, 'i')
const WHOLE_NAMES: Readonly<Record<string, ExtraClass['kind']>> = { trailer: 'trailer', sample: 'sample' }

/** Folder names (lower case) whose videos are extras of the film in the folder above. */
const FOLDERS: Readonly<Record<string, ExtraClass['kind']>> = {
  trailers: 'trailer',
  sample: 'sample',
  samples: 'sample',
  extras: 'extra',
  featurettes: 'featurette',
  'behind the scenes': 'behind-the-scenes',
  'deleted scenes': 'deleted-scene',
  interviews: 'interview',
  scenes: 'scene',
  shorts: 'short',
  clips: 'clip',
  other: 'extra',
  others: 'extra'
}

const asClass = (kind: ExtraClass['kind']): ExtraClass => ({ kind } as ExtraClass)

/** The extra a library path names, or null for a main feature. Audio files are never extras. */
export function classifyExtra (relativePath: string): ExtraClass | null {
  const parts = relativePath.split('/')
  const fileName = parts[parts.length - 1] ?? relativePath
  if (mediaTypeOf(fileName)?.kind === 'audio') return null
  const base = stripExtension(fileName).trim()
  const whole = WHOLE_NAMES[base.toLowerCase()]
  if (whole !== undefined) return asClass(whole)
  const suffix = SUFFIX_PATTERN.exec(base)
  if (suffix !== null) {
    const word = (suffix[1] ?? suffix[2] ?? '').toLowerCase()
    const kind = SUFFIXES.find(([candidate]) => candidate === word)?.[1]
    if (kind !== undefined) return asClass(kind)
  }
  // The nearest folder counts, and only the folder holding the file: `Extras/Film.mp4`.
  const folder = parts[parts.length - 2]?.trim().toLowerCase()
  const byFolder = folder === undefined ? undefined : FOLDERS[folder]
  return byFolder === undefined ? null : asClass(byFolder)
}

export function isSample (relativePath: string): boolean {
  return classifyExtra(relativePath)?.kind === 'sample'
}

export interface AssignedExtra {
  kind: ExtraKind
  /** Library path of the film it belongs to, or null when none could be told. */
  ownerPath: string | null
}

/**
 * Which film each extra belongs to, among all the library's playable paths:
 * - `Film (2010)-trailer.mp4` belongs to `Film (2010).*` beside it;
 * - an extra in `Film/Trailers/` (or a bare `trailer.mp4`) to the only film in `Film/`;
 * - otherwise to the only film beside it; with several films there, to none.
 */
export function assignExtras (mediaPaths: readonly string[]): Map<string, AssignedExtra> {
  const mainsByFolder = new Map<string, string[]>()
  const extras: Array<[string, ExtraKind]> = []
  for (const mediaPath of mediaPaths) {
    const extra = classifyExtra(mediaPath)
    if (extra === null) {
      const folder = path.posix.dirname(mediaPath)
      mainsByFolder.set(folder, [...(mainsByFolder.get(folder) ?? []), mediaPath])
    } else if (extra.kind !== 'sample') {
      extras.push([mediaPath, extra.kind])
    }
  }
  const assigned = new Map<string, AssignedExtra>()
  for (const [extraPath, kind] of extras) assigned.set(extraPath, { kind, ownerPath: ownerOf(extraPath, mainsByFolder) })
  return assigned
}

function ownerOf (extraPath: string, mainsByFolder: ReadonlyMap<string, readonly string[]>): string | null {
  const folder = path.posix.dirname(extraPath)
  const base = stripExtension(path.posix.basename(extraPath))
  const suffix = SUFFIX_PATTERN.exec(base)
  const beside = mainsByFolder.get(folder) ?? []
  if (suffix !== null) {
    const filmBase = base.slice(0, suffix.index).toLowerCase()
    const named = beside.find(main => stripExtension(path.posix.basename(main)).toLowerCase() === filmBase)
    if (named !== undefined) return named
  }
  const inExtrasFolder = FOLDERS[path.posix.basename(folder).trim().toLowerCase()] !== undefined
  const candidates = inExtrasFolder ? (mainsByFolder.get(path.posix.dirname(folder)) ?? []) : beside
  return candidates.length === 1 ? candidates[0] ?? null : null
}
