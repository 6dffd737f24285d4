/**
 * Where an item's picture comes from, and the key that names its resized copy. The key hashes
 * the source's path and fingerprint (size, mtime, inode) with the way it is made, so a picture
 * replaced on disk, or a video replaced by another rip, gets a new key: a new URL, a new cache
 * file, and browsers may cache every URL forever (`immutable`).
 */
import { createHash } from 'node:crypto'
import type { FileFingerprint } from '../file-fingerprint.ts'

/** Bumped when the way pictures are made changes (size, format), so every key changes too. */
const ART_VERSION = 1

export type ArtSourceKind = 'file' | 'embedded' | 'frame'

export interface ArtRef {
  /** `file`: a picture in the library; `embedded`: the cover inside a media file; `frame`: a frame of the video. */
  kind: ArtSourceKind
  /** Absolute path of the picture or media file (opened confined to the library). */
  absolutePath: string
  /** `frame`: where in the video (seconds). */
  atSec: number
  /** 22 base64url characters: the name of the resized copy and the last segment of its URL. */
  key: string
}

export function artRef (kind: ArtSourceKind, absolutePath: string, fingerprint: FileFingerprint, atSec = 0): ArtRef {
  const key = createHash('sha256')
    .update(JSON.stringify([ART_VERSION, kind, absolutePath, fingerprint.sizeBytes, fingerprint.mtimeMs, fingerprint.inode, atSec]))
    .digest('base64url')
    .slice(0, 22)
  return { kind, absolutePath, atSec, key }
}

/** A frame about a tenth of the way in: past the logos and black of the opening. */
export function frameTimeSec (durationSec: number | null): number {
  if (durationSec === null || !Number.isFinite(durationSec) || durationSec <= 0) return 5
  return Math.round(durationSec * 0.1 * 10) / 10
}

/** The origin-relative URL of an item's picture with `token` in its path (http/routes/art-route.ts serves it). */
export function artUrl (token: string, id: string, key: string): string {
  return `/art/${encodeURIComponent(token)}/${id}/${key}`
}
