/**
 * Codec strings (RFC 6381, as the catalog carries them: protocol/media-facts.ts) and ffprobe
 * container names → the names people know from their AV receiver and their media player:
 * `ac-3` → "Dolby Digital (AC-3)", `hvc1.1.6.L93.B0` → "HEVC (H.265)". Pure.
 */

/** Prefix of a codec string (before its first dot, or the whole string) → human name. */
const CODEC_NAMES: Readonly<Record<string, string>> = {
  avc1: 'H.264',
  avc3: 'H.264',
  hvc1: 'HEVC (H.265)',
  hev1: 'HEVC (H.265)',
  vp09: 'VP9',
  vp9: 'VP9',
  vp8: 'VP8',
  av01: 'AV1',
  theora: 'Theora',
  'mp4v': 'MPEG-4 Part 2 (DivX/Xvid)',
  'ac-3': 'Dolby Digital (AC-3)',
  'ec-3': 'Dolby Digital Plus (E-AC-3)',
  dtsc: 'DTS',
  dtsh: 'DTS-HD',
  dtsl: 'DTS-HD Master Audio',
  dtse: 'DTS Express',
  mlpa: 'Dolby TrueHD',
  opus: 'Opus',
  vorbis: 'Vorbis',
  flac: 'FLAC',
  mp3: 'MP3',
  alac: 'Apple Lossless (ALAC)',
  pcm: 'PCM (uncompressed)'
}

/** Audio object types of `mp4a.40.<n>`. */
const AAC_NAMES: Readonly<Record<string, string>> = { 2: 'AAC', 5: 'HE-AAC', 29: 'HE-AAC v2', 34: 'MP3' }

/** ffmpeg's names for codecs RFC 6381 does not name (`ffmpeg:<name>`). */
const FFMPEG_NAMES: Readonly<Record<string, string>> = {
  truehd: 'Dolby TrueHD',
  mpeg2video: 'MPEG-2 video',
  mpeg1video: 'MPEG-1 video',
  msmpeg4v3: 'Microsoft MPEG-4 v3 (DivX 3)',
  wmv1: 'Windows Media Video 7',
  wmv2: 'Windows Media Video 8',
  wmv3: 'Windows Media Video 9',
  vc1: 'VC-1',
  wmav2: 'Windows Media Audio',
  wmapro: 'Windows Media Audio Pro',
  mp2: 'MPEG audio layer 2 (MP2)',
  flv1: 'Sorenson Spark (FLV)',
  h263: 'H.263',
  pcm_s16be: 'PCM (uncompressed)',
  pcm_bluray: 'PCM (Blu-ray)',
  pcm_dvd: 'PCM (DVD)',
  dts: 'DTS',
  cook: 'RealAudio',
  rv40: 'RealVideo'
}

/** H.264 profile_idc (the first byte of `avc1.PPCCLL`) → profile name. */
const AVC_PROFILES: Readonly<Record<number, string>> = { 66: 'Baseline', 77: 'Main', 88: 'Extended', 100: 'High', 110: 'High 10', 122: 'High 4:2:2', 244: 'High 4:4:4' }

function avcName (codec: string): string {
  const profile = AVC_PROFILES[parseInt(codec.slice(5, 7), 16)]
  return profile === undefined ? 'H.264' : `H.264 (${profile} profile)`
}

/** The human name of a codec string; an unknown one is shown as it is. */
export function codecName (codec: string): string {
  const lower = codec.toLowerCase()
  if (lower.startsWith('ffmpeg:')) {
    const name = lower.slice('ffmpeg:'.length)
    return FFMPEG_NAMES[name] ?? name.toUpperCase()
  }
  if (lower.startsWith('mp4a.40.')) return AAC_NAMES[lower.slice('mp4a.40.'.length)] ?? 'AAC'
  if (lower === 'mp4a.69' || lower === 'mp4a.6b') return 'MP3'
  if (/^avc[13]\.[0-9a-f]{6}$/.test(lower)) return avcName(lower)
  if (/^(hvc1|hev1)\.2\./.test(lower)) return 'HEVC (H.265) 10-bit'
  const prefix = lower.split('.')[0] ?? lower
  return CODEC_NAMES[prefix] ?? codec
}

/** ffprobe's container names (`matroska,webm`, `mov,mp4,m4a,3gp,3g2,mj2`) → the name of the file type. */
const CONTAINER_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^matroska/, 'Matroska (MKV)'],
  [/^mov,mp4/, 'MP4'],
  [/^avi$/, 'AVI'],
  [/^mpegts$/, 'MPEG transport stream (TS)'],
  [/^asf$/, 'Windows Media (WMV/ASF)'],
  [/^flv$/, 'Flash Video (FLV)'],
  [/^ogg$/, 'Ogg'],
  [/^mpeg$/, 'MPEG program stream (VOB/MPG)']
]

export function containerName (container: string): string {
  return CONTAINER_NAMES.find(([pattern]) => pattern.test(container))?.[1] ?? container
}
