/**
 * Ties one `<video>` to the watch-state store for one item: resumes at the recorded position
 * once metadata is loaded (see `resume-position.ts`), follows a record that arrives late, and
 * writes where playback is by the cadence of `write-cadence.ts`. Seeks made here (resume,
 * late record, mark unwatched) are not the viewer's and are never written back; that is what
 * keeps a device that only *read* a position from re-stamping it over a newer one.
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { isFinished, type WatchRecord } from '../../../protocol/watch-record.ts'
import { unwatchedChange, watchedChange } from '../../lib/watch-state/mark-watched.ts'
import type { WatchStateStore } from '../../lib/watch-state/watch-state-store.ts'
import { lateRecordTarget, resumePosition } from './resume-position.ts'
import { SAME_POSITION_TOLERANCE_SEC, shouldWrite, type PlaybackEvent } from './write-cadence.ts'

export class PositionTracker {
  private resumed = false
  private resumedFrom: WatchRecord | undefined
  private metadataAtMs = 0
  private userInteracted = false
  private programmaticSeek = false
  /** After "Mark as …" nothing is written until the viewer presses play again. */
  private suppressed = false
  private lastWriteMs: number | null = null
  private lastWrittenPositionSec: number | null = null
  private lastKnownPositionSec = 0

  constructor (
    private readonly item: CatalogItem,
    private readonly getStore: () => WatchStateStore | null,
    private readonly now: () => number = Date.now
  ) {}

  /** Listens to the element and the page; returns the detach function (which writes a last time). */
  attach (video: HTMLVideoElement): () => void {
    const onMetadata = (): void => this.sync(video)
    const onPlay = (): void => {
      this.suppressed = false
      this.lastWriteMs = this.now() // the first periodic write comes a full interval after play starts
    }
    const onTimeUpdate = (): void => {
      this.lastKnownPositionSec = video.currentTime
      if (!video.paused && !video.seeking) this.write('tick', video)
    }
    const onPause = (): void => {
      if (video.ended) return // 'ended' follows and writes the end
      this.userInteracted = true
      this.write('pause', video)
    }
    const onSeeked = (): void => {
      this.lastKnownPositionSec = video.currentTime
      if (this.programmaticSeek) {
        this.programmaticSeek = false
        return
      }
      this.userInteracted = true
      this.write('seeked', video)
    }
    const onEnded = (): void => this.write('ended', video)
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') this.write('hidden', video)
    }
    const onPageHide = (): void => this.write('hidden', video)

    video.addEventListener('loadedmetadata', onMetadata)
    video.addEventListener('play', onPlay)
    video.addEventListener('timeupdate', onTimeUpdate)
    video.addEventListener('pause', onPause)
    video.addEventListener('seeked', onSeeked)
    video.addEventListener('ended', onEnded)
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('pagehide', onPageHide)
    this.sync(video)
    return () => {
      video.removeEventListener('loadedmetadata', onMetadata)
      video.removeEventListener('play', onPlay)
      video.removeEventListener('timeupdate', onTimeUpdate)
      video.removeEventListener('pause', onPause)
      video.removeEventListener('seeked', onSeeked)
      video.removeEventListener('ended', onEnded)
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('pagehide', onPageHide)
      this.write('close', video)
    }
  }

  /** Resumes once metadata and the store are both there; afterwards, follows a late record. */
  sync (video: HTMLVideoElement): void {
    const store = this.getStore()
    if (!store || video.readyState < HTMLMediaElement.HAVE_METADATA) return
    const record = store.get(this.item.id)
    if (!this.resumed) {
      this.resumed = true
      this.metadataAtMs = this.now()
      this.follow(video, record, resumePosition(record))
      return
    }
    const target = lateRecordTarget({ record, resumedFrom: this.resumedFrom, userInteracted: this.userInteracted, nowMs: this.now(), metadataAtMs: this.metadataAtMs })
    if (target !== null) this.follow(video, record, target)
  }

  markWatched (video: HTMLVideoElement | null): void {
    const store = this.getStore()
    if (!store) return
    this.interruptForMark(video)
    const change = watchedChange(this.item, store.get(this.item.id), this.durationSec(video))
    this.lastWrittenPositionSec = change.positionSec
    store.put(change).catch(warnWriteFailed)
  }

  markUnwatched (video: HTMLVideoElement | null): void {
    const store = this.getStore()
    if (!store) return
    this.interruptForMark(video)
    if (video) this.seek(video, 0)
    const change = unwatchedChange(this.item, store.get(this.item.id), this.durationSec(video))
    this.lastWrittenPositionSec = 0
    store.put(change).catch(warnWriteFailed)
  }

  private interruptForMark (video: HTMLVideoElement | null): void {
    this.userInteracted = true
    this.suppressed = true
    video?.pause()
  }

  private follow (video: HTMLVideoElement, record: WatchRecord | undefined, targetSec: number | null): void {
    this.resumedFrom = record
    if (record) this.lastWrittenPositionSec = record.positionSec
    if (targetSec !== null) this.seek(video, targetSec)
  }

  private seek (video: HTMLVideoElement, targetSec: number): void {
    if (video.readyState < HTMLMediaElement.HAVE_METADATA) return
    if (Math.abs(video.currentTime - targetSec) < SAME_POSITION_TOLERANCE_SEC) return
    this.programmaticSeek = true
    video.currentTime = targetSec
    this.lastKnownPositionSec = targetSec
  }

  private write (event: PlaybackEvent, video: HTMLVideoElement): void {
    const store = this.getStore()
    if (!store || (this.suppressed && event !== 'ended')) return
    const durationSec = this.durationSec(video)
    // On 'close' the element may already have let go of its source (currentTime back to 0).
    const rawPosition = event === 'close' ? this.lastKnownPositionSec : event === 'ended' ? durationSec ?? video.currentTime : video.currentTime
    const positionSec = Math.round(rawPosition * 1000) / 1000
    const nowMs = this.now()
    if (!shouldWrite({ event, nowMs, lastWriteMs: this.lastWriteMs, positionSec, lastWrittenPositionSec: this.lastWrittenPositionSec })) return
    this.lastWriteMs = nowMs
    this.lastWrittenPositionSec = positionSec
    const finished = event === 'ended' || isFinished(positionSec, durationSec)
    store.put({ itemId: this.item.id, positionSec, durationSec, finished }).catch(warnWriteFailed)
  }

  private durationSec (video: HTMLVideoElement | null): number | null {
    const fromMedia = video?.duration
    return fromMedia !== undefined && Number.isFinite(fromMedia) && fromMedia > 0 ? fromMedia : this.item.durationSec
  }
}

function warnWriteFailed (err: unknown): void {
  console.warn('[hearth] could not save the watch position', err)
}
