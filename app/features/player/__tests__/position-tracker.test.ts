/**
 * PositionTracker without a browser: a plain object plays the `<video>` (its events fired by
 * hand), a hand-moved clock stands for time, and the store is the real WatchStateStore over
 * fake-indexeddb. Every `put` the tracker makes is recorded as it is made.
 */
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { WatchRecord } from '../../../../protocol/watch-record.ts'
import { openWatchStateDb } from '../../../lib/watch-state/watch-state-db.ts'
import { WatchStateStore, type LocalChange } from '../../../lib/watch-state/watch-state-store.ts'
import { catalogItem, itemId } from '../../../lib/watch-state/__tests__/sample-records.ts'
import { PositionTracker, type MediaEventName, type PositionStore, type TrackedMedia, type TrackedPage } from '../position-tracker.ts'
import { PLAYING_WRITE_INTERVAL_MS } from '../write-cadence.ts'
import { LATE_RECORD_WINDOW_MS } from '../resume-position.ts'

const ITEM = catalogItem(1)
const START_MS = 1_800_000_000_000

/** A `<video>` as the tracker sees it. Programmatic seeks (setting currentTime) are recorded and finish on `finishSeek()`. */
class FakeMedia implements TrackedMedia {
  duration = 600
  paused = true
  seeking = false
  ended = false
  readyState = 0
  readonly seeks: number[] = []
  private position = 0
  private readonly listeners = new Map<MediaEventName, Set<() => void>>()

  get currentTime (): number { return this.position }
  set currentTime (sec: number) {
    this.position = sec
    this.seeking = true
    this.seeks.push(sec)
  }

  addEventListener (type: MediaEventName, listener: () => void): void {
    const set = this.listeners.get(type) ?? new Set()
    set.add(listener)
    this.listeners.set(type, set)
  }

  removeEventListener (type: MediaEventName, listener: () => void): void {
    this.listeners.get(type)?.delete(listener)
  }

  listenerCount (): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0)
  }

  private emit (type: MediaEventName): void {
    for (const listener of [...this.listeners.get(type) ?? []]) listener()
  }

  pause (): void {
    if (this.paused) return
    this.paused = true
    this.emit('pause')
  }

  loadMetadata (): void { this.readyState = 1; this.emit('loadedmetadata') }
  /** A browser edition grew: more of it can be played. */
  grow (durationSec: number): void { this.duration = durationSec; this.emit('durationchange') }
  play (): void { this.paused = false; this.emit('play') }
  /** Playback reached `sec` (a `timeupdate`). */
  playTo (sec: number): void { this.position = sec; this.emit('timeupdate') }
  finishSeek (): void { this.seeking = false; this.emit('seeked') }
  /** The viewer drags the seek bar. */
  userSeek (sec: number): void { this.position = sec; this.seeking = true; this.finishSeek() }
  end (): void { this.position = this.duration; this.paused = true; this.ended = true; this.emit('pause'); this.emit('ended') }
}

class FakePage implements TrackedPage {
  private listener: (() => void) | null = null
  onHidden (listener: () => void): () => void {
    this.listener = listener
    return () => { this.listener = null }
  }
  hide (): void { this.listener?.() }
  get listening (): boolean { return this.listener !== null }
}

let nowMs: number
let store: WatchStateStore
let puts: LocalChange[]
let media: FakeMedia
let page: FakePage
let dbCounter = 0

const clock = (): number => nowMs
const advance = (ms: number): void => { nowMs += ms }
/** The real store, with each put the tracker makes recorded. */
const recordingStore: PositionStore = {
  get: id => store.get(id),
  put: async change => { puts.push(change); return await store.put(change) }
}
const positions = (): number[] => puts.map(change => change.positionSec)

function newTracker (): PositionTracker {
  return new PositionTracker(ITEM, () => recordingStore, clock)
}

beforeEach(async () => {
  nowMs = START_MS
  store = await WatchStateStore.open(await openWatchStateDb(`tracker-${++dbCounter}`), clock)
  puts = []
  media = new FakeMedia()
  page = new FakePage()
})

async function remoteRecord (positionSec: number, wallMs: number): Promise<WatchRecord> {
  const record: WatchRecord = { itemId: itemId(1), profile: store.profile, positionSec, durationSec: 600, finished: false, hlc: { wallMs, counter: 0, deviceId: 'device-bbbb' }, deviceId: 'device-bbbb' }
  await store.apply([record], { role: 'device', deviceId: 'device-bbbb' })
  return record
}

describe('PositionTracker', () => {
  it('resumes at the recorded second once metadata is there, and writes nothing back for a device that only looked', async () => {
    await remoteRecord(42, START_MS - 1000)
    const detach = newTracker().attach(media, page)
    expect(media.seeks).toEqual([]) // no metadata yet
    media.loadMetadata()
    expect(media.seeks).toEqual([42])
    media.finishSeek() // our own seek: not the viewer's
    detach() // 'close' at the position it resumed from
    expect(puts).toEqual([])
    expect(media.listenerCount()).toBe(0)
    expect(page.listening).toBe(false)
  })

  it('writes while playing at most every 5 s, counted from play', () => {
    newTracker().attach(media, page)
    media.loadMetadata()
    media.play()
    for (let second = 1; second <= 12; second++) {
      advance(1000)
      media.playTo(second)
    }
    expect(positions()).toEqual([PLAYING_WRITE_INTERVAL_MS / 1000, 2 * PLAYING_WRITE_INTERVAL_MS / 1000])
  })

  it('writes at once on the viewer\'s pause and seek, on a hidden page and on close, each only if the position moved', () => {
    const detach = newTracker().attach(media, page)
    media.loadMetadata()
    media.play()
    advance(1000)
    media.playTo(3.25)
    media.pause()
    media.pause() // no second event, no second write
    media.userSeek(100)
    page.hide() // same position as the seek: nothing new
    media.play()
    advance(2000)
    media.playTo(102)
    page.hide()
    media.playTo(104.5)
    detach()
    expect(positions()).toEqual([3.25, 100, 102, 104.5])
    expect(puts.every(change => !change.finished)).toBe(true)
  })

  it('records the end as finished, at the full duration', () => {
    newTracker().attach(media, page)
    media.loadMetadata()
    media.play()
    media.end()
    expect(puts).toEqual([{ itemId: ITEM.id, positionSec: 600, durationSec: 600, finished: true }])
  })

  /** A tracker on a video that loaded, played a second and is now at `seconds`. */
  function trackerPlayingAt (seconds: number): ReturnType<typeof newTracker> {
    const tracker = newTracker()
    tracker.attach(media, page)
    media.loadMetadata()
    media.play()
    advance(1000)
    media.playTo(seconds)
    return tracker
  }

  it('after "Mark as watched" writes nothing more until the viewer plays again', () => {
    const tracker = trackerPlayingAt(30)
    tracker.markWatched(media)
    expect(media.paused).toBe(true)
    expect(puts.at(-1)?.finished).toBe(true)
    const marked = puts.length
    page.hide()
    media.userSeek(40)
    expect(puts).toHaveLength(marked) // suppressed
    media.play()
    advance(PLAYING_WRITE_INTERVAL_MS)
    media.playTo(45)
    expect(positions().slice(marked)).toEqual([45])
  })

  it('"Mark as unwatched" seeks to the start without writing that seek', () => {
    const tracker = trackerPlayingAt(50)
    tracker.markUnwatched(media)
    expect(media.seeks).toEqual([0])
    media.finishSeek()
    expect(puts).toEqual([{ itemId: ITEM.id, positionSec: 0, durationSec: 600, finished: false }])
  })

  it('follows a newer record that arrives in the first seconds, but not once the viewer acted', async () => {
    const tracker = newTracker()
    tracker.attach(media, page)
    media.loadMetadata() // nothing recorded yet: starts at 0
    expect(media.seeks).toEqual([])
    advance(LATE_RECORD_WINDOW_MS / 2)
    await remoteRecord(80, nowMs)
    tracker.sync(media)
    expect(media.seeks).toEqual([80])
    media.finishSeek()

    media.userSeek(20) // the viewer takes over
    await remoteRecord(90, nowMs + 1)
    tracker.sync(media)
    expect(media.seeks).toEqual([80])
  })

  it('does not follow a late record after the window', async () => {
    const tracker = newTracker()
    tracker.attach(media, page)
    media.loadMetadata()
    advance(LATE_RECORD_WINDOW_MS + 1)
    await remoteRecord(80, nowMs)
    tracker.sync(media)
    expect(media.seeks).toEqual([])
  })

  it('holds a resume past what a growing edition has prepared, writes nothing meanwhile, and seeks once it is there', async () => {
    await remoteRecord(300, START_MS - 1000)
    const detach = newTracker().attach(media, page)
    media.duration = 8 // the edition's first segments only
    media.play() // autoplay
    media.loadMetadata()
    expect(media.seeks).toEqual([])
    expect(media.paused).toBe(true)
    media.grow(120)
    expect(media.seeks).toEqual([])
    media.grow(304)
    expect(media.seeks).toEqual([300])
    media.finishSeek()
    detach()
    expect(puts).toEqual([])
  })

  it('never marks a film finished because a growing edition is short so far', () => {
    newTracker().attach(media, page)
    media.duration = 8
    media.loadMetadata()
    media.play()
    advance(PLAYING_WRITE_INTERVAL_MS)
    media.playTo(7.9)
    expect(puts.map(change => change.finished)).toEqual([false])
    expect(puts[0]?.durationSec).toBe(600)
  })
})
