/** Which files are playable, which are subtitles, and the MIME type to give the browser. */
import type { ItemKind } from './catalog.ts'

interface MediaType { mimeType: string, kind: ItemKind }

const MEDIA_TYPES: Record<string, MediaType> = {
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
  '.wav': { mimeType: 'audio/wav', kind: 'audio' }
}

export const SUBTITLE_EXTENSIONS = ['.vtt', '.srt'] as const
export type SubtitleExtension = typeof SUBTITLE_EXTENSIONS[number]

export function extensionOf (fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase()
}

export function mediaTypeOf (fileName: string): MediaType | undefined {
  return MEDIA_TYPES[extensionOf(fileName)]
}

export function isSubtitle (fileName: string): fileName is `${string}${SubtitleExtension}` {
  return (SUBTITLE_EXTENSIONS as readonly string[]).includes(extensionOf(fileName))
}

/** Name without its last extension: `Film (2026).mp4` → `Film (2026)`. */
export function stripExtension (fileName: string): string {
  const ext = extensionOf(fileName)
  return ext ? fileName.slice(0, -ext.length) : fileName
}
