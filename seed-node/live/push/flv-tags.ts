/**
 * RTMP media messages as an FLV byte stream, which ffmpeg reads on stdin (`-f flv -i pipe:0`):
 * the FLV header, then one tag per audio, video or script message (FLV 10.1, annex E).
 * Also what the first messages say about the codecs, so the channel copies H.264 (OBS's
 * default) instead of encoding it. Pure.
 */
import { decodeAmf0, type Amf0Value } from './amf0.ts'
import type { RtmpMessage } from './rtmp-chunks.ts'

const TAG_HEADER_BYTES = 11
const FLV_AUDIO = 8
const FLV_VIDEO = 9
const FLV_SCRIPT = 18

/** FLV's video codec ids, named as ffprobe names them. */
const VIDEO_CODECS: Record<number, string> = { 2: 'flv1', 3: 'flashsv', 4: 'vp6f', 5: 'vp6a', 6: 'flashsv2', 7: 'h264' }
const AUDIO_CODECS: Record<number, string> = { 0: 'pcm', 1: 'adpcm_swf', 2: 'mp3', 3: 'pcm_s16le', 4: 'nellymoser', 5: 'nellymoser', 6: 'nellymoser', 7: 'pcm_alaw', 8: 'pcm_mulaw', 10: 'aac', 11: 'speex', 14: 'mp3' }

export function flvHeader (hasAudio: boolean): Buffer {
  // "FLV", version 1, flags (4 audio, 1 video), header size 9, then PreviousTagSize0.
  return Buffer.from([0x46, 0x4c, 0x56, 1, (hasAudio ? 4 : 0) | 1, 0, 0, 0, 9, 0, 0, 0, 0])
}

/** `@setDataFrame` is how a publisher wraps `onMetaData`; in a file the wrapper is left out. */
function scriptBody (payload: Buffer): Buffer {
  const marker = '@setDataFrame'
  const prefixBytes = 3 + marker.length
  return payload.length > prefixBytes && payload[0] === 2 && payload.toString('utf8', 3, prefixBytes) === marker ? payload.subarray(prefixBytes) : payload
}

/** The FLV tag for a media message, or null for other messages. */
export function flvTag (message: RtmpMessage): Buffer | null {
  const type = message.type === 8 ? FLV_AUDIO : message.type === 9 ? FLV_VIDEO : message.type === 18 ? FLV_SCRIPT : null
  if (type === null) return null
  const body = type === FLV_SCRIPT ? scriptBody(message.payload) : message.payload
  const tag = Buffer.alloc(TAG_HEADER_BYTES + body.length + 4)
  tag[0] = type
  tag.writeUIntBE(body.length, 1, 3)
  tag.writeUIntBE(message.timestamp & 0xffffff, 4, 3)
  tag[7] = (message.timestamp >>> 24) & 0xff
  body.copy(tag, TAG_HEADER_BYTES)
  tag.writeUInt32BE(TAG_HEADER_BYTES + body.length, TAG_HEADER_BYTES + body.length)
  return tag
}

/** The codec a video message carries; `enhanced` for enhanced RTMP (HEVC, AV1), which this ffmpeg may not read. */
export function videoCodecOf (payload: Buffer): string | 'enhanced' | null {
  const first = payload[0]
  if (first === undefined) return null
  if ((first & 0x80) !== 0) return 'enhanced'
  return VIDEO_CODECS[first & 0x0f] ?? `flv video codec ${first & 0x0f}`
}

export function audioCodecOf (payload: Buffer): string | null {
  const first = payload[0]
  return first === undefined ? null : AUDIO_CODECS[first >> 4] ?? `flv audio codec ${first >> 4}`
}

/** The audio codec `onMetaData` announces: a name, 'none' (it says there is no audio), or null (it does not say). */
export function metadataAudioCodec (payload: Buffer): string | 'none' | null {
  let values: Amf0Value[]
  try {
    values = decodeAmf0(scriptBody(payload))
  } catch {
    return null
  }
  const metadata = values[1]
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return null
  const id = metadata.audiocodecid
  if (typeof id === 'number') return AUDIO_CODECS[id] ?? `flv audio codec ${id}`
  // ffmpeg and OBS send audiocodecid whenever there is audio; stereo/samplerate without it still means audio.
  return metadata.stereo === undefined && metadata.audiosamplerate === undefined ? 'none' : null
}
