/**
 * Hybrid logical clock stamps (Kulkarni et al.): wall-clock milliseconds plus a counter,
 * with the device id as the final tiebreak. Stamps from one device only ever grow, even
 * when its wall clock jumps back; any two stamps compare the same way on every replica.
 */
import { z } from 'zod'

export const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'device id must be 8-64 characters of [A-Za-z0-9_-]')
export type DeviceId = z.infer<typeof DeviceId>

export const HlcStamp = z.object({
  /** Wall-clock milliseconds since the epoch (the largest seen, not necessarily now). */
  wallMs: z.number().int().nonnegative().max(8.64e15),
  /** Orders events within the same `wallMs`. */
  counter: z.number().int().nonnegative().max(0xffffffff),
  deviceId: DeviceId
})
export type HlcStamp = z.infer<typeof HlcStamp>

/** Total order: wall time, then counter, then device id. Negative when a < b. */
export function compareStamps (a: HlcStamp, b: HlcStamp): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  return a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0
}

/**
 * A device's clock. `now` returns the next local stamp; `observe` folds in a remote one.
 * The wall clock is always given (`wallClockMs`, as `Date.now`), never read behind the
 * caller's back: protocol/ does no I/O, and a test drives time by hand, including the
 * jumps back that the counter exists for.
 */
export class HybridClock {
  private last: HlcStamp

  constructor (readonly deviceId: DeviceId, private readonly wallClockMs: () => number, start?: HlcStamp) {
    this.last = start ?? { wallMs: 0, counter: 0, deviceId }
  }

  /** A stamp greater than every stamp this clock has issued or observed. */
  now (): HlcStamp {
    const wall = Math.trunc(this.wallClockMs())
    this.last = wall > this.last.wallMs
      ? { wallMs: wall, counter: 0, deviceId: this.deviceId }
      : { wallMs: this.last.wallMs, counter: this.last.counter + 1, deviceId: this.deviceId }
    return this.last
  }

  /** Advances past a stamp received from another device, so our next stamp beats it. */
  observe (remote: HlcStamp): void {
    if (compareStamps(remote, this.last) > 0) this.last = { wallMs: remote.wallMs, counter: remote.counter, deviceId: this.deviceId }
  }

  /** The latest stamp issued or observed (to persist, and pass back as `start`). */
  get latest (): HlcStamp {
    return this.last
  }
}
