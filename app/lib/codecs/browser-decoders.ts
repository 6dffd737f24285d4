/**
 * This browser's decoders, asked with `MediaSource.isTypeSupported` (what hls.js and MSE
 * play) and `canPlayType` (what a plain `<video src>` plays), for the codec strings the
 * catalog carries. Answers are cached: they do not change while the page lives.
 */
import type { DecoderCheck } from './playability.ts'

/** MIME types to ask about a codec: MP4 first, then WebM and the codec's own file types. */
function candidateTypes (kind: 'video' | 'audio', codec: string): string[] {
  if (codec === 'mp3') return ['audio/mpeg', 'audio/mp4; codecs="mp4a.69"']
  if (codec === 'flac') return ['audio/flac', 'audio/mp4; codecs="flac"']
  if (codec === 'pcm') return ['audio/wav']
  if (codec === 'vorbis' || codec === 'theora') return [`${kind}/webm; codecs="${codec}"`, `${kind}/ogg; codecs="${codec}"`]
  return [`${kind}/mp4; codecs="${codec}"`, `${kind}/webm; codecs="${codec}"`]
}

function supported (type: string): boolean {
  if (typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(type)) return true
  const probe = document.createElement(type.startsWith('audio') ? 'audio' : 'video')
  return probe.canPlayType(type) !== ''
}

const answers = new Map<string, boolean>()

function canDecode (kind: 'video' | 'audio', codec: string): boolean {
  if (codec.startsWith('ffmpeg:')) return false
  const key = `${kind}:${codec}`
  const known = answers.get(key)
  if (known !== undefined) return known
  const answer = candidateTypes(kind, codec).some(supported)
  answers.set(key, answer)
  return answer
}

/** Chromium-based browsers open Matroska by sniffing although `canPlayType` denies it. */
function isChromium (): boolean {
  const brands = (navigator as Navigator & { userAgentData?: { brands?: ReadonlyArray<{ brand: string }> } }).userAgentData?.brands ?? []
  return brands.some(({ brand }) => brand === 'Chromium') || /\bChrom(e|ium)\//.test(navigator.userAgent)
}

function readsContainer (container: string, mimeType: string): boolean {
  if (/^mov,mp4|^mp3$|^flac$|^wav$|^aac$/.test(container)) return true
  if (container.startsWith('matroska')) {
    const element = document.createElement('video')
    return isChromium() || element.canPlayType(mimeType === 'video/webm' ? 'video/webm' : 'video/x-matroska') !== ''
  }
  if (container === 'ogg') return document.createElement('video').canPlayType('video/ogg') !== ''
  // AVI, MPEG-TS, WMV/ASF, FLV, MPEG-PS: no browser opens these.
  return false
}

export const browserDecoders: DecoderCheck = { canDecode, readsContainer }
