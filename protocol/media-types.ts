/**
 * Which files are playable, which are subtitles, and the MIME type to give the browser: the
 * one table both parts read (the seed node's library scanner, the app's player for foreign
 * torrents). Extensions Chromium can usually play.
 */
import type { ItemKind } from './catalog.ts'

export interface MediaType {
  readonly mimeType: string
  readonly kind: ItemKind
  /**
   * True for containers no browser plays (AVI, MPEG-TS, WMV, FLV): they are listed in the
   * catalog with `playable: 'edition'` and play through a browser edition made with ffmpeg.
   */
  readonly editionOnly?: true
}

/** Lowercase extension with its dot → MIME type and library kind. */
export const MEDIA_TYPES: Readonly<Record<string, MediaType>> = {
  '.mp4': { mimeType: 'video/mp4', kind: 'film' },
  '.m4v': { mimeType: 'video/mp4', kind: 'film' },
  '.mov': { mimeType: 'video/quicktime', kind: 'film' },
  '.webm': { mimeType: 'video/webm', kind: 'film' },
  '.mkv': { mimeType: 'video/x-matroska', kind: 'film' },
  '.ogv': { mimeType: 'video/ogg', kind: 'film' },
  '.mp3': { mimeType: 'audio/mpeg', kind: 'audio' },
  '.m4a': { mimeType: 'audio/mp4', kind: 'audio' },
  '.aac': { mimeType: 'audio/aac', kind: 'audio' },
  '.ogg': { mimeType: 'audio/ogg', kind: 'audio' },
  '.oga': { mimeType: 'audio/ogg', kind: 'audio' },
  '.opus': { mimeType: 'audio/ogg', kind: 'audio' },
  '.flac': { mimeType: 'audio/flac', kind: 'audio' },
  '.wav': { mimeType: 'audio/wav', kind: 'audio' },
  '.avi': { mimeType: 'video/x-msvideo', kind: 'film', editionOnly: true },
  '.ts': { mimeType: 'video/mp2t', kind: 'film', editionOnly: true },
  '.m2ts': { mimeType: 'video/mp2t', kind: 'film', editionOnly: true },
  '.mts': { mimeType: 'video/mp2t', kind: 'film', editionOnly: true },
  '.wmv': { mimeType: 'video/x-ms-wmv', kind: 'film', editionOnly: true },
  '.flv': { mimeType: 'video/x-flv', kind: 'film', editionOnly: true },
  '.mpg': { mimeType: 'video/mpeg', kind: 'film', editionOnly: true },
  '.mpeg': { mimeType: 'video/mpeg', kind: 'film', editionOnly: true }
}

export const SUBTITLE_EXTENSIONS = ['.vtt', '.srt'] as const
export type SubtitleExtension = typeof SUBTITLE_EXTENSIONS[number]

/** The lowercase extension with its dot (`.mkv`), or '' for none or a leading-dot name. */
export function extensionOf (fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase()
}

export function mediaTypeOf (fileName: string): MediaType | undefined {
  const ext = extensionOf(fileName)
  // `Object.hasOwn`: a name ending in `.constructor` must not find Object.prototype's.
  return Object.hasOwn(MEDIA_TYPES, ext) ? MEDIA_TYPES[ext] : undefined
}

export function isSubtitle (fileName: string): fileName is `${string}${SubtitleExtension}` {
  return (SUBTITLE_EXTENSIONS as readonly string[]).includes(extensionOf(fileName))
}

/** Name without its last extension: `Film (2026).mp4` → `Film (2026)`. */
export function stripExtension (fileName: string): string {
  const ext = extensionOf(fileName)
  return ext ? fileName.slice(0, -ext.length) : fileName
}
