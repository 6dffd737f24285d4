/**
 * Where a push channel meets its publisher: the channel waits here (`next`) while it shows
 * "waiting for OBS", and the RTMP listener hands over a publisher whose key was right. One
 * publisher at a time: a second one is refused while the first streams, so it never breaks
 * the first; and while the channel is not waiting (its ffmpeg restarting) a publisher is
 * asked to come back (OBS reconnects by itself).
 */
import type { PushFeed } from './push-feed.ts'

export type Delivery = 'taken' | 'busy' | 'not-ready'

export class PushInlet {
  private waiter: ((feed: PushFeed | null) => void) | null = null
  private current: PushFeed | null = null

  constructor (readonly channelName: string, readonly key: string) {}

  /** The publisher streaming now, if any. */
  get publisher (): PushFeed | null { return this.current }

  deliver (feed: PushFeed): Delivery {
    if (this.current !== null) return 'busy'
    const waiter = this.waiter
    if (waiter === null) return 'not-ready'
    this.waiter = null
    this.current = feed
    void feed.ended.then(() => { if (this.current === feed) this.current = null })
    waiter(feed)
    return 'taken'
  }

  /** The next publisher, or null when `signal` aborts (the channel is closing). */
  async next (signal: AbortSignal): Promise<PushFeed | null> {
    if (signal.aborted) return null
    return await new Promise(resolve => {
      const onAbort = (): void => { this.waiter = null; resolve(null) }
      signal.addEventListener('abort', onAbort, { once: true })
      this.waiter = feed => { signal.removeEventListener('abort', onAbort); resolve(feed) }
    })
  }
}
