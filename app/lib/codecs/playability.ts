/**
 * Can this device play an item as it is, and if not, what will happen, in words? Decided
 * before play from the catalog's codec facts (protocol/media-facts.ts) and this browser's
 * decoders (browser-decoders.ts, passed in so the decision is tested without a browser):
 *
 *   damaged file ─────────────────────────────▶ damaged   ("damaged or incomplete")
 *   container + codecs decodable ─────────────▶ direct
 *   video decodable (or convertible) ─────────▶ edition   (audio → AAC, container → fMP4)
 *   otherwise, or editions off / no ffmpeg ───▶ blocked   (says why, and what would help)
 *
 * No silent mute and no black picture: a track the browser cannot decode is never played
 * as it is without saying so.
 */
import type { MediaFacts } from '../../../protocol/media-facts.ts'
import { codecName, containerName } from './codec-names.ts'
import { transcodeEstimate } from './transcode-estimate.ts'

export interface DecoderCheck {
  /** Whether this browser decodes `codec` (an RFC 6381 string) of this kind. */
  canDecode: (kind: 'video' | 'audio', codec: string) => boolean
  /** Whether this browser reads files in this container (ffprobe's name; the MIME type tells `.webm` from `.mkv`) directly. */
  readsContainer: (container: string, mimeType: string) => boolean
}

export type Playability =
  /** No codec facts (a seed node from before them): play as before. */
  | { readonly verdict: 'unknown' }
  /** The home server has no ffmpeg: play as before, and say that nothing was checked. */
  | { readonly verdict: 'unchecked', readonly message: string }
  | { readonly verdict: 'direct' }
  | { readonly verdict: 'edition', readonly message: string, readonly audioTrack: number, readonly video: 'copy' | 'h264' }
  | { readonly verdict: 'blocked', readonly message: string }
  | { readonly verdict: 'damaged', readonly message: string }

const CANT = "which this browser can't play"

/** The audio track a player starts with: the one the file marks as default, else the first. */
export function startingAudioTrack (media: MediaFacts): MediaFacts['audio'][number] | undefined {
  return media.audio.find(track => track.isDefault) ?? media.audio[0]
}

/** What would help, when no edition can be made here. */
function editionUnavailable (media: MediaFacts): string {
  return media.editions === 'no-ffmpeg'
    ? 'The home server has no ffmpeg, so it cannot prepare a compatible copy.'
    : 'Browser editions are turned off on the home server, so it cannot prepare a compatible copy.'
}

export interface PlayabilityOptions {
  /**
   * The audio track this person picked (MediaFacts numbering), when the file has several.
   * Browsers play only the file's own starting track from a plain `<video>`, so another
   * choice plays through an edition carrying that track (when the home server makes editions).
   */
  chosenAudio?: number | null
  /** The film's length, for the time a video conversion takes. */
  durationSec?: number | null
}

export function decidePlayability (media: MediaFacts | undefined, mimeType: string, check: DecoderCheck, options: PlayabilityOptions = {}): Playability {
  const chosenAudio = options.chosenAudio ?? null
  if (media === undefined) return { verdict: 'unknown' }
  if (media.editions === 'no-ffmpeg' && media.container === 'unknown' && media.video === null && media.audio.length === 0 && media.damaged === null) {
    return { verdict: 'unchecked', message: "The home server has no ffmpeg, so Hearth could not check this file's codecs before play, nor prepare a compatible copy. If it plays without sound or picture, install ffmpeg on the home server." }
  }
  if (media.damaged !== null) return { verdict: 'damaged', message: `This file is damaged or incomplete (${media.damaged}), so it cannot play. Copy it again or replace it.` }
  const starting = startingAudioTrack(media)
  const picked = media.editions === 'on-demand' ? media.audio.find(track => track.index === chosenAudio) : undefined
  const audio = picked ?? starting
  const otherTrack = audio !== starting
  const videoOk = media.video === null || check.canDecode('video', media.video.codec)
  const audioOk = audio === undefined || check.canDecode('audio', audio.codec)
  const containerOk = check.readsContainer(media.container, mimeType)
  if (videoOk && audioOk && containerOk && !otherTrack) return { verdict: 'direct' }
  if (videoOk && audioOk && containerOk && audio !== undefined) {
    return { verdict: 'edition', message: "Browsers play only a file's first audio track: Hearth will prepare a copy with the track you chose.", audioTrack: audio.index, video: 'copy' }
  }

  const problems: string[] = []
  if (!containerOk) problems.push(`File type: ${containerName(media.container)}, which browsers can't open.`)
  if (!videoOk && media.video !== null) problems.push(`Video: ${codecName(media.video.codec)}, ${CANT}.`)
  if (!audioOk && audio !== undefined) problems.push(`Audio: ${codecName(audio.codec)}, ${CANT}.`)
  const said = problems.join(' ')
  if (media.editions !== 'on-demand') return { verdict: 'blocked', message: `${said} ${editionUnavailable(media)}` }
  if (!videoOk && !media.transcodeVideo) {
    return { verdict: 'blocked', message: `${said} Play it on a device that decodes it, or let the home server convert video (--transcode-video).` }
  }
  const video = videoOk ? 'copy' : 'h264'
  const estimate = media.transcodeSpeed === undefined || media.transcodeSpeed === null ? '' : ` ${transcodeEstimate(options.durationSec ?? null, media.transcodeSpeed)}`
  const promise = video === 'h264'
    ? `Hearth will prepare a compatible copy; converting the picture is slow on a small home server.${estimate}`
    : 'Hearth will prepare a compatible copy.'
  return { verdict: 'edition', message: `${said} ${promise}`, audioTrack: audio?.index ?? 0, video }
}
