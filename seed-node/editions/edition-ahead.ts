/**
 * `--editions ahead`: browser editions made in the background for every library item that
 * needs one (edition-need.ts), so the first device to play it finds it ready (and seeded as
 * a torrent). Bounded: one run at a time, at the lowest CPU priority, held still (SIGSTOP)
 * while a device waits for an edition made on demand; never past `--editions-max-gb` (an
 * edition is counted at twice its film's size: the HLS segments and the MP4 seeded as a
 * torrent), so it never evicts what devices asked for. Also keeps the numbers
 * `/api/status` reports in every mode.
 */
import { ApiError } from '../../protocol/api/api-error.ts'
import { editionKeyOf } from '../../protocol/api/editions.ts'
import type { EditionsStatus } from '../../protocol/api/status.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import type { Logger } from '../lib/log.ts'
import { editionAhead } from './edition-need.ts'
import type { EditionService } from './edition-service.ts'

/** How often the loop looks for work and refreshes its numbers. */
const TICK_MS = 5 * 1000
/** How often the editions folder is measured for `/api/status` (it stats every segment). */
const USAGE_REFRESH_MS = 30 * 1000
/** An edition takes the HLS segments and the MP4 made from them: about twice the film. */
const EDITION_SIZE_FACTOR = 2

type AheadStatus = NonNullable<EditionsStatus['ahead']>
type AheadRequest = NonNullable<ReturnType<typeof editionAhead>>

export class EditionsAhead {
  private readonly timer: NodeJS.Timeout
  private working: Promise<void> | null = null
  private current: AheadStatus['current'] = null
  private state: AheadStatus['state'] = 'idle'
  private remaining = 0
  private made = 0
  /** Items ffmpeg could not make an edition of: not tried again until restart. */
  private readonly failed = new Set<string>()
  private usage = { running: 0, cachedBytes: 0 }
  private usageAtMs = 0
  /** `<itemId>/<key>` of editions found complete: not looked for again (one evicted later is not remade until restart). */
  private readonly settled = new Set<string>()

  constructor (
    private readonly editions: EditionService,
    private readonly registry: LibraryRegistry,
    private readonly mode: string,
    private readonly log: Logger
  ) {
    this.timer = setInterval(() => { this.tick() }, TICK_MS)
    this.timer.unref()
    this.tick()
  }

  private get ahead (): boolean {
    return this.mode === 'ahead' && this.editions.support() === 'on-demand'
  }

  private tick (): void {
    if (Date.now() - this.usageAtMs > USAGE_REFRESH_MS) {
      this.usageAtMs = Date.now()
      this.editions.usage().then(usage => { this.usage = usage }, () => undefined)
    }
    if (this.ahead && this.working === null) {
      this.working = this.step()
        .catch((err: unknown) => this.log.warn('editions.ahead_failed', { error: err instanceof Error ? err.message : String(err) }))
        .finally(() => { this.working = null })
    }
  }

  /** Makes the next edition that is missing, if it fits. */
  private async step (): Promise<void> {
    const wanted: Array<{ itemId: string, request: AheadRequest, sizeBytes: number, durationSec: number | null }> = []
    for (const item of this.registry.list()) {
      const request = editionAhead(item)
      const itemId = item.stored.infoHash
      if (request === null || this.failed.has(itemId)) continue
      const settledKey = `${itemId}/${editionKeyOf(request)}`
      if (this.settled.has(settledKey)) continue
      if (await this.editions.isComplete(itemId, editionKeyOf(request))) {
        this.settled.add(settledKey)
        continue
      }
      wanted.push({ itemId, request, sizeBytes: item.stored.fingerprints[item.stored.relativePath]?.sizeBytes ?? 0, durationSec: item.stored.probe.durationSec })
    }
    this.remaining = wanted.length
    const next = wanted[0]
    if (next === undefined) {
      this.state = 'idle'
      return
    }
    const usage = await this.editions.usage()
    this.usage = usage
    this.usageAtMs = Date.now()
    if (usage.cachedBytes + next.sizeBytes * EDITION_SIZE_FACTOR > usage.maxBytes) {
      if (this.state !== 'full') this.log.info('editions.ahead_full', { remaining: wanted.length, cachedBytes: usage.cachedBytes, maxBytes: usage.maxBytes })
      this.state = 'full'
      return
    }
    await this.make(next.itemId, next.request, next.durationSec)
  }

  private async make (itemId: string, request: AheadRequest, durationSec: number | null): Promise<void> {
    const key = editionKeyOf(request)
    this.state = 'working'
    this.current = { itemId, preparedSec: 0, durationSec }
    this.log.info('editions.ahead_started', { item: itemId, key })
    try {
      // Asked like a device asks (the same checks, the same run a device would then share), then moved to the background.
      await this.editions.request(itemId, request).catch((err: unknown) => {
        // Slow to start (paused behind a device's edition): the run goes on; anything else is a failure.
        if (!(err instanceof ApiError && err.code === 'HEARTH_E_BUSY')) throw err
      })
      const job = this.editions.runInBackground(itemId, key)
      if (job === null) {
        // Finished while it was being asked for (a short film), or ready already.
        if (await this.editions.isComplete(itemId, key)) this.counted(itemId, key)
        return
      }
      const progress = setInterval(() => {
        this.editions.preparedSec(itemId, key).then(preparedSec => {
          if (this.current !== null) this.current = { ...this.current, preparedSec }
          this.state = job.paused ? 'paused' : 'working'
        }, () => undefined)
      }, TICK_MS)
      const end = await job.done.finally(() => clearInterval(progress))
      if (end.kind === 'finished' && await this.editions.isComplete(itemId, key)) this.counted(itemId, key)
      else if (end.kind === 'failed' && !/stopped/.test(end.reason)) {
        this.failed.add(itemId)
      }
    } catch (err) {
      this.failed.add(itemId)
      this.log.warn('editions.ahead_item_failed', { item: itemId, error: err instanceof Error ? err.message : String(err) })
    } finally {
      this.current = null
      this.state = 'idle'
    }
  }

  private counted (itemId: string, key: string): void {
    this.made++
    this.remaining = Math.max(0, this.remaining - 1)
    this.settled.add(`${itemId}/${key}`)
    this.log.info('editions.ahead_made', { item: itemId, key })
  }

  status (): EditionsStatus {
    const seeding = this.editions.seeding.stats()
    return {
      mode: this.editions.support() === 'no-ffmpeg' ? 'no-ffmpeg' : this.mode,
      running: this.usage.running,
      seeding: seeding.seeding,
      torrentsPending: seeding.pending,
      cachedBytes: this.usage.cachedBytes,
      ahead: this.ahead ? { state: this.state, remaining: this.remaining, made: this.made, failed: this.failed.size, current: this.current } : null
    }
  }

  close (): void {
    clearInterval(this.timer)
  }
}
