/**
 * What `--live "Name=source"` means, parsed once at start into a typed channel (no I/O here).
 * The source syntax, shown in `--help` and the README:
 *   /dev/video0            a V4L2 camera (any `/dev/…` path)
 *   rtsp://… rtsps://…     an IP camera (RTSP over TCP)
 *   rtmp:// http(s):// srt:// udp:// tcp://   any other stream ffmpeg reads
 *   loop:/path/clip.mp4    a file played in real time, over and over (a demo)
 *   /path/clip.mp4         a file played once in real time; the channel goes offline when it ends
 *   testsrc                ffmpeg's synthetic picture (testsrc2, a wall clock burned in) and a tone
 *   rtmp-push              a stream OBS pushes to the seed node's RTMP port (--live-rtmp-port),
 *                          with the channel's stream key (live/push/)
 * A name is what the app shows: 1-40 printable characters, unique without regard to case.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'

export const MAX_CHANNEL_NAME_CHARS = 40
const NETWORK_SCHEMES = ['rtsp:', 'rtsps:', 'rtmp:', 'rtmps:', 'http:', 'https:', 'srt:', 'udp:', 'tcp:'] as const

export type LiveSource =
  | { kind: 'device', path: string }
  | { kind: 'network', url: string }
  | { kind: 'loop', path: string }
  | { kind: 'file', path: string }
  | { kind: 'testsrc' }
  | { kind: 'push' }

/** The source word for a channel OBS pushes to. */
export const PUSH_SOURCE = 'rtmp-push'

export interface LiveChannelSpec {
  /** 40 hex characters derived from the name: stable across restarts, and the subject of a channel's share token. */
  id: string
  name: string
  source: LiveSource
}

// Controls, DEL, bidi marks and the characters the option syntax itself uses.
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069=]/

/** A channel's id: the same name is the same channel (and keeps its share links) after a restart. */
export function channelIdOf (name: string): string {
  return createHash('sha1').update(`hearth-live\0${name.toLowerCase()}`).digest('hex')
}

/** The source part of a value, or a message saying what is wrong with it. */
export function parseLiveSource (text: string): LiveSource | string {
  if (text === 'testsrc') return { kind: 'testsrc' }
  if (text === PUSH_SOURCE) return { kind: 'push' }
  if (text.startsWith('loop:')) {
    const file = text.slice('loop:'.length)
    return file === '' ? 'loop: needs a file (loop:/path/clip.mp4)' : { kind: 'loop', path: path.resolve(file) }
  }
  if (text.startsWith('/dev/')) return { kind: 'device', path: text }
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(text)?.[1]?.toLowerCase()
  if (scheme !== undefined) {
    if (!(NETWORK_SCHEMES as readonly string[]).includes(scheme)) return `unknown source scheme ${scheme}// (use ${NETWORK_SCHEMES.map(s => `${s}//`).join(' ')})`
    try {
      new URL(text) // parsed for its validity only
    } catch {
      return `not a valid URL: ${text}`
    }
    return { kind: 'network', url: text }
  }
  if (text.includes('/') || /\.\w{2,4}$/.test(text)) return { kind: 'file', path: path.resolve(text) }
  return `unknown source "${text}" (a /dev/ camera, an rtsp:// or other URL, loop:<file>, a file, testsrc, or ${PUSH_SOURCE})`
}

/** `Name=source` → a channel, or a message naming what is malformed. */
export function parseLiveChannel (value: string): LiveChannelSpec | string {
  const at = value.indexOf('=')
  if (at < 0) return `must be "Name=source", got "${value}"`
  const name = value.slice(0, at).trim()
  const sourceText = value.slice(at + 1).trim()
  if (name === '' || Array.from(name).length > MAX_CHANNEL_NAME_CHARS || BAD_NAME_CHARS.test(name)) {
    return `a channel name is 1-${MAX_CHANNEL_NAME_CHARS} printable characters without "=", got "${name}"`
  }
  if (sourceText === '') return `channel "${name}" has no source ("${name}=/dev/video0")`
  const source = parseLiveSource(sourceText)
  if (typeof source === 'string') return `channel "${name}": ${source}`
  return { id: channelIdOf(name), name, source }
}

/** Every `--live` value, or the first message about a malformed one or a name used twice. */
export function parseLiveChannels (values: readonly string[]): LiveChannelSpec[] | string {
  const channels: LiveChannelSpec[] = []
  for (const value of values) {
    const channel = parseLiveChannel(value)
    if (typeof channel === 'string') return channel
    if (channels.some(other => other.id === channel.id)) return `two channels are named "${channel.name}": give each its own name`
    channels.push(channel)
  }
  return channels
}

/** How the log and the app describe a source without its secrets (an RTSP password). */
export function describeSource (source: LiveSource): string {
  switch (source.kind) {
    case 'device': return source.path
    case 'loop': return `loop:${source.path}`
    case 'file': return source.path
    case 'testsrc': return 'testsrc'
    case 'push': return PUSH_SOURCE
    case 'network': {
      const url = new URL(source.url)
      url.username = ''
      url.password = ''
      return `${url.protocol}//${url.host}${url.pathname}`
    }
  }
}
