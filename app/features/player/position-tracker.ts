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

/** `HTMLMediaElement.HAVE_METADATA`, spelled out so the tracker runs without a DOM (tests). */
const HAVE_METADATA = 1

/** The media events the tracker listens to. */
export type MediaEventName = 'loadedmetadata' | 'durationchange' | 'play' | 'timeupdate' | 'pause' | 'seeked' | 'ended'

/** What the tracker uses of a `<video>`: a plain object can stand in for one in tests. */
export interface TrackedMedia {
  currentTime: number
  readonly duration: number
  readonly paused: boolean
  readonly seeking: boolean
  readonly ended: boolean
  readonly readyState: number
  pause (): void
  addEventListener (type: MediaEventName, listener: () => void): void
  removeEventListener (type: MediaEventName, listener: () => void): void
}

/** The page around the player: tells when it is hidden or left; returns the unsubscribe. */
export interface TrackedPage {
  onHidden (listener: () => void): () => void
}

/** The browser page: `visibilitychange` to hidden, and `pagehide`. */
export const browserPage: TrackedPage = {
  onHidden (listener) {
    const onVisibility = (): void => { if (document.visibilityState === 'hidden') listener() }
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', listener)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', listener)
    }
  }
}

/** What the tracker uses of the watch-state store. */
export type PositionStore = Pick<WatchStateStore, 'get' | 'put'>

/**
 * The viewer's part so far: `untouched` until they pause or seek (a late record may still
 * move the player), `acted` afterwards, `marked` after "Mark as …" until they press play
 * again (nothing but the end is written meanwhile).
 */
type ViewerState = 'untouched' | 'acted' | 'marked'

/** Set once the player resumed: the record it resumed from (or followed later), and when metadata came. */
interface Resume { from: WatchRecord | undefined, metadataAtMs: number }

export class PositionTracker {
  private resume: Resume | null = null
  private viewer: ViewerState = 'untouched'
  /** A seek this tracker made is under way; its `seeked` is not the viewer's. */
  private programmaticSeek = false
  private lastWriteMs: number | null = null
  private lastWrittenPositionSec: number | null = null
  private lastKnownPositionSec = 0
  /**
   * A resume position past the end of what the element can play yet: a browser edition that
   * the home server is still making (its duration grows). The player holds, paused, and writes
   * nothing until the edition reaches it (or the viewer presses play), so the recorded position
   * is never pulled back to the prepared edge.
   */
  private heldTargetSec: number | null = null
  /** The tracker's own pause while holding: not the viewer's. */
  private holdingPause = false

  constructor (
    private readonly item: CatalogItem,
    private readonly getStore: () => PositionStore | null,
    private readonly now: () => number = Date.now
  ) {}

  /** Listens to the element and the page; returns the detach function (which writes a last time). */
  attach (video: TrackedMedia, page: TrackedPage = browserPage): () => void {
    const listeners: Record<MediaEventName, () => void> = {
      loadedmetadata: () => this.sync(video),
      durationchange: () => this.releaseHold(video),
      play: () => {
        if (this.heldTargetSec !== null) {
          // The viewer chose to watch from here rather than wait for the edition.
          this.heldTargetSec = null
          this.viewerActed()
        }
        if (this.viewer === 'marked') this.viewer = 'acted'
        this.lastWriteMs = this.now() // the first periodic write comes a full interval after play starts
      },
      timeupdate: () => {
        this.lastKnownPositionSec = video.currentTime
        if (!video.paused && !video.seeking) this.write('tick', video)
      },
      pause: () => {
        if (this.holdingPause) {
          this.holdingPause = false
          return
        }
        if (video.ended) return // 'ended' follows and writes the end
        this.viewerActed()
        this.write('pause', video)
      },
      seeked: () => {
        this.lastKnownPositionSec = video.currentTime
        if (this.programmaticSeek) {
          this.programmaticSeek = false
          return
        }
        this.viewerActed()
        this.write('seeked', video)
      },
      ended: () => this.write('ended', video)
    }
    const events = Object.keys(listeners) as MediaEventName[]
    for (const event of events) video.addEventListener(event, listeners[event])
    const stopPage = page.onHidden(() => this.write('hidden', video))
    this.sync(video)
    return () => {
      for (const event of events) video.removeEventListener(event, listeners[event])
      stopPage()
      this.write('close', video)
    }
  }

  /** Resumes once metadata and the store are both there; afterwards, follows a late record. */
  sync (video: TrackedMedia): void {
    const store = this.getStore()
    if (!store || video.readyState < HAVE_METADATA) return
    const record = store.get(this.item.id)
    if (this.resume === null) {
      this.resume = { from: record, metadataAtMs: this.now() }
      this.follow(video, record, resumePosition(record))
      return
    }
    const target = lateRecordTarget({ record, resumedFrom: this.resume.from, userInteracted: this.viewer !== 'untouched', nowMs: this.now(), metadataAtMs: this.resume.metadataAtMs })
    if (target !== null) this.follow(video, record, target)
  }

  markWatched (video: TrackedMedia | null): void {
    const store = this.getStore()
    if (!store) return
    this.interruptForMark(video)
    const change = watchedChange(this.item, store.get(this.item.id), this.durationSec(video))
    this.lastWrittenPositionSec = change.positionSec
    store.put(change).catch(warnWriteFailed)
  }

  markUnwatched (video: TrackedMedia | null): void {
    const store = this.getStore()
    if (!store) return
    this.interruptForMark(video)
    if (video) this.seek(video, 0)
    const change = unwatchedChange(this.item, store.get(this.item.id), this.durationSec(video))
    this.lastWrittenPositionSec = 0
    store.put(change).catch(warnWriteFailed)
  }

  private interruptForMark (video: TrackedMedia | null): void {
    this.viewer = 'marked'
    video?.pause()
  }

  private viewerActed (): void {
    if (this.viewer === 'untouched') this.viewer = 'acted'
  }

  private follow (video: TrackedMedia, record: WatchRecord | undefined, targetSec: number | null): void {
    if (this.resume !== null) this.resume.from = record
    if (record) this.lastWrittenPositionSec = record.positionSec
    if (targetSec !== null) this.seek(video, targetSec)
  }

  private seek (video: TrackedMedia, targetSec: number): void {
    if (video.readyState < HAVE_METADATA) return
    if (Math.abs(video.currentTime - targetSec) < SAME_POSITION_TOLERANCE_SEC) return
    if (Number.isFinite(video.duration) && targetSec > video.duration + SAME_POSITION_TOLERANCE_SEC) {
      this.heldTargetSec = targetSec
      if (!video.paused) this.holdingPause = true
      video.pause()
      return
    }
    this.heldTargetSec = null
    this.programmaticSeek = true
    video.currentTime = targetSec
    this.lastKnownPositionSec = targetSec
  }

  /** Seeks to a held resume position once the growing edition reaches it. */
  private releaseHold (video: TrackedMedia): void {
    const target = this.heldTargetSec
    if (target === null || !Number.isFinite(video.duration) || video.duration + SAME_POSITION_TOLERANCE_SEC < target) return
    this.seek(video, target)
  }

  private write (event: PlaybackEvent, video: TrackedMedia): void {
    const store = this.getStore()
    if (!store || (this.viewer === 'marked' && event !== 'ended') || this.heldTargetSec !== null) return
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

  /**
   * The longer of the element's and the catalog's duration: a browser edition still being made
   * reports only its prepared part, which must not make a film look finished.
   */
  private durationSec (video: TrackedMedia | null): number | null {
    const fromMedia = video?.duration
    const media = fromMedia !== undefined && Number.isFinite(fromMedia) && fromMedia > 0 ? fromMedia : null
    if (media === null) return this.item.durationSec
    return this.item.durationSec !== null && this.item.durationSec > media ? this.item.durationSec : media
  }
}

function warnWriteFailed (err: unknown): void {
  console.warn('[hearth] could not save the watch position', err)
}
