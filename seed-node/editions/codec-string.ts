/**
 * ffprobe's description of a stream → the RFC 6381 codec string a browser's
 * `MediaSource.isTypeSupported` understands. Codecs no browser decodes and RFC 6381 does not
 * name become `ffmpeg:<name>` (protocol/media-facts.ts), which no browser claims to play.
 * Pure: tested with a table in __tests__/codec-string.test.ts.
 */

/** The parts of an ffprobe stream the mapping reads. */
export interface ProbedStream {
  codecName: string
  /** ffprobe's profile name (`High`, `Main 10`, `LC`, `Profile 0`), when it gives one. */
  profile: string | null
  /** ffprobe's level number (H.264: 31 for 3.1; HEVC: 30 × level, 93 for 3.1), or null. */
  level: number | null
  /** The container's sample entry (`hvc1`, `hev1`, `avc1`), when the container carries one. */
  codecTag: string | null
  /** Bits per sample of the picture (8, 10), when known. */
  bitDepth: number | null
}

/** H.264 profile name → profile_idc and the constraint-flags byte browsers expect. */
const AVC_PROFILES: Readonly<Record<string, readonly [number, number]>> = {
  'constrained baseline': [66, 0xe0],
  baseline: [66, 0x00],
  main: [77, 0x40],
  extended: [88, 0x00],
  high: [100, 0x00],
  'high 10': [110, 0x00],
  'high 4:2:2': [122, 0x00],
  'high 4:4:4 predictive': [244, 0x00]
}

const hex2 = (value: number): string => value.toString(16).padStart(2, '0')

function avcString (stream: ProbedStream): string {
  const [profileIdc, constraints] = AVC_PROFILES[(stream.profile ?? 'high').toLowerCase()] ?? [100, 0]
  // A missing level is read as 4.0, the level most 1080p files carry.
  const level = stream.level !== null && stream.level > 0 ? stream.level : 40
  return `avc1.${hex2(profileIdc)}${hex2(constraints)}${hex2(level)}`
}

function hevcString (stream: ProbedStream): string {
  const tag = stream.codecTag === 'hev1' ? 'hev1' : 'hvc1'
  const profile = (stream.profile ?? '').toLowerCase()
  const main10 = profile.includes('10') || (stream.bitDepth ?? 8) > 8
  // general_profile_idc.compatibility_flags.tier+level.constraints (ISO/IEC 14496-15 E.3).
  const level = stream.level !== null && stream.level > 0 ? stream.level : 120
  return main10 ? `${tag}.2.4.L${level}.B0` : `${tag}.1.6.L${level}.B0`
}

function vp9String (stream: ProbedStream): string {
  const profile = /(\d)/.exec(stream.profile ?? '')?.[1] ?? '0'
  const depth = (stream.bitDepth ?? 8) > 8 ? '10' : '08'
  // Level 4.1 (41) when unknown: ffprobe rarely reports VP9 levels.
  const level = stream.level !== null && stream.level > 0 ? String(stream.level).padStart(2, '0') : '41'
  return `vp09.0${profile}.${level}.${depth}`
}

function av1String (stream: ProbedStream): string {
  const profile = /high/i.test(stream.profile ?? '') ? 1 : /professional/i.test(stream.profile ?? '') ? 2 : 0
  const depth = (stream.bitDepth ?? 8) > 8 ? '10' : '08'
  const level = stream.level !== null && stream.level >= 0 ? String(stream.level).padStart(2, '0') : '08'
  return `av01.${profile}.${level}M.${depth}`
}

function aacString (stream: ProbedStream): string {
  const profile = (stream.profile ?? 'LC').toLowerCase()
  // Audio object types: 2 AAC-LC, 5 HE-AAC (SBR), 29 HE-AAC v2 (PS).
  if (profile === 'he-aacv2') return 'mp4a.40.29'
  if (profile === 'he-aac') return 'mp4a.40.5'
  return 'mp4a.40.2'
}

/** Codecs whose string does not depend on profile or level. */
const FIXED: Readonly<Record<string, string>> = {
  ac3: 'ac-3',
  eac3: 'ec-3',
  opus: 'opus',
  vorbis: 'vorbis',
  flac: 'flac',
  mp3: 'mp3',
  vp8: 'vp8',
  theora: 'theora',
  dts: 'dtsc',
  mpeg4: 'mp4v.20.9',
  alac: 'alac',
  pcm_s16le: 'pcm',
  pcm_s24le: 'pcm',
  pcm_f32le: 'pcm'
}

export function codecStringOf (stream: ProbedStream): string {
  const name = stream.codecName.toLowerCase()
  switch (name) {
    case 'h264': return avcString(stream)
    case 'hevc': return hevcString(stream)
    case 'vp9': return vp9String(stream)
    case 'av1': return av1String(stream)
    case 'aac': return aacString(stream)
    default: return FIXED[name] ?? `ffmpeg:${name.replace(/[^a-z0-9_]/g, '_').slice(0, 50)}`
  }
}
