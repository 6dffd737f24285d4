/**
 * One admitted publisher, as the channel sees it: what the stream carries (known from its
 * first video message, so H.264 is copied), then its media as FLV for ffmpeg's stdin.
 * Messages before the channel attaches ffmpeg are held (bounded), and stdin's back-pressure
 * pauses the socket, so a slow ffmpeg slows the publisher instead of filling memory.
 */
import type { Writable } from 'node:stream'
import type { SourceFacts } from '../live-args.ts'
import { audioCodecOf, flvHeader, flvTag, metadataAudioCodec, videoCodecOf } from './flv-tags.ts'
import type { RtmpMessage } from './rtmp-chunks.ts'
import type { MediaSink } from './rtmp-session.ts'

/** Held before ffmpeg reads: a few seconds of a camera's stream. */
const MAX_HELD_BYTES = 16 * 1024 * 1024
/** A publisher that sends no video this soon after `publish` is dropped. */
export const FIRST_VIDEO_TIMEOUT_MS = 15 * 1000

export interface FeedControl {
  pause: () => void
  resume: () => void
  close: (reason: string) => void
}

/**
 * What the stream carries; or why it cannot be used (refused: the user must change something,
 * e.g. OBS's encoder); or that the publisher left before its first video (nothing failed).
 */
export type FeedFacts = SourceFacts | { refused: string } | { left: string }

export class PushFeed implements MediaSink {
  readonly facts: Promise<FeedFacts>
  /** Resolves with the reason once the publisher is gone. */
  readonly ended: Promise<string>
  private settleFacts: (facts: FeedFacts) => void = () => {}
  private settleEnded: (reason: string) => void = () => {}
  private held: Buffer[] = []
  private heldBytes = 0
  private metadataAudio: string | 'none' | null = null
  private audioSeen: string | null = null
  private known = false
  private out: Writable | null = null
  /** The publisher has gone: whatever attaches later gets what was held, then its end. */
  private gone = false
  private readonly timer: NodeJS.Timeout

  constructor (readonly address: string, private readonly control: FeedControl) {
    this.facts = new Promise(resolve => { this.settleFacts = resolve })
    this.ended = new Promise(resolve => { this.settleEnded = resolve })
    this.timer = setTimeout(() => this.drop(`no video within ${FIRST_VIDEO_TIMEOUT_MS / 1000} s of publishing`), FIRST_VIDEO_TIMEOUT_MS)
  }

  media (message: RtmpMessage): void {
    if (message.type === 18 && this.metadataAudio === null) this.metadataAudio = metadataAudioCodec(message.payload)
    if (message.type === 8) this.audioSeen ??= audioCodecOf(message.payload)
    if (message.type === 9 && !this.known) this.learn(message.payload)
    const tag = flvTag(message)
    if (tag === null) return
    if (this.out === null) {
      this.held.push(tag)
      this.heldBytes += tag.length
      if (this.heldBytes > MAX_HELD_BYTES) this.drop('the stream came faster than the channel could start')
      return
    }
    if (!this.out.write(tag)) this.control.pause()
  }

  end (reason: string): void {
    clearTimeout(this.timer)
    this.gone = true
    this.settleFacts({ left: reason })
    this.out?.end()
    this.settleEnded(reason)
  }

  /** Ends the publisher's connection (ffmpeg stopped, or the seed node is closing). */
  close (reason: string): void {
    this.control.close(reason)
  }

  /** The feed gives up on the publisher itself: a refusal, unlike the publisher leaving. */
  private drop (reason: string): void {
    this.settleFacts({ refused: reason })
    this.close(reason)
  }

  /**
   * ffmpeg's stdin: the FLV header, what was held, then the stream as it comes. A publisher
   * that left before this ends stdin at once, so ffmpeg finishes now, not at the stall kill
   * (while it runs, OBS reconnecting is told the channel is restarting).
   */
  attach (stdin: Writable, hasAudio: boolean): void {
    stdin.on('error', () => {}) // ffmpeg exiting first is seen by the channel
    stdin.on('drain', () => this.control.resume())
    stdin.write(flvHeader(hasAudio))
    for (const tag of this.held) stdin.write(tag)
    this.held = []
    this.heldBytes = 0
    this.out = stdin
    if (this.gone) stdin.end()
  }

  private learn (payload: Buffer): void {
    this.known = true
    clearTimeout(this.timer)
    const video = videoCodecOf(payload)
    if (video === null) return this.settleFacts({ refused: 'an empty video message' })
    if (video === 'enhanced') return this.settleFacts({ refused: 'the stream is HEVC or AV1 (enhanced RTMP); set the encoder to H.264 (x264) in OBS → Settings → Output' })
    const audio = this.metadataAudio === 'none' ? null : this.metadataAudio ?? this.audioSeen
    this.settleFacts({ videoCodec: video, audioCodec: audio })
  }
}
