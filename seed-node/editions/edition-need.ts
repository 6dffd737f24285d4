/**
 * Which library items need a browser edition on some device, decided on the seed node for
 * `--editions ahead` (each device still decides for itself before play, from its own
 * decoders: app/lib/codecs). An item needs one when a common browser cannot play it as it
 * is: a container no browser opens (AVI, MPEG-TS, WMV, FLV, MPEG), MKV (Safari on iPhone,
 * iPad and Mac opens none), or audio outside what every browser decodes (AC-3, E-AC-3, DTS,
 * TrueHD, PCM…). Video that needs converting (MPEG-2, VC-1, …) is left out: ahead of time,
 * only the cheap edition (video copied) is made. Pure.
 */
import type { EditionRequest } from '../../protocol/api/editions.ts'
import type { LibraryItem } from '../library/library-item.ts'

/** Audio every current browser decodes (RFC 6381 strings, protocol/media-facts.ts). */
const UNIVERSAL_AUDIO = /^(mp4a\.40\.\d+|mp3|opus|vorbis|flac)$/
/** Video a copy edition carries: browsers that cannot decode HEVC still need the copy on the ones that can. */
const COPYABLE_VIDEO = /^(avc1|avc3|hvc1|hev1|vp09|vp8|av01)\b/

/** The edition to make ahead for this item, or null when it needs none (or only one that converts video). */
export function editionAhead (item: LibraryItem): EditionRequest | null {
  const facts = item.stored.probe.facts
  if (item.availability !== 'online' || item.kind === 'audio' || facts === undefined || facts.damaged !== null) return null
  if (facts.video !== null && !COPYABLE_VIDEO.test(facts.video.codec)) return null
  const audio = facts.audio.find(track => track.isDefault) ?? facts.audio[0]
  const audioTrack = audio?.index ?? 0
  const matroska = /\.mkv$/i.test(item.stored.relativePath)
  const audioNeeds = audio !== undefined && !UNIVERSAL_AUDIO.test(audio.codec)
  return item.playable === 'edition' || matroska || audioNeeds ? { audioTrack, video: 'copy', startSec: 0 } : null
}
