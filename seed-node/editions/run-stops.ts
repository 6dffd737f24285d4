/**
 * When an edition's ffmpeg runs stop for want of a viewer (edition-service.ts). A run is
 * "used" while a viewer fetches, or waits for, its segments. Pure, so it is tested alone:
 *
 *   not used for IDLE_STOP_MS ─────────────────────────────────────────▶ stop (nobody watches)
 *   not used for LEFT_BEHIND_MS, while a newer-used run of its edition is ▶ stop (the viewer seeked away)
 */

/** hls.js fetches a segment every few seconds while a page plays; 90 s without one is nobody watching. */
export const IDLE_STOP_MS = 90 * 1000
/** A run left behind by a seek is stopped sooner: another run of its edition is being followed. */
export const LEFT_BEHIND_MS = 30 * 1000

export interface RunUse { readonly lastUsedMs: number }

export type StopReason = 'idle' | 'left-behind'

/** The running runs of one edition to stop now, each with why. */
export function runsToStop<T extends RunUse> (running: readonly T[], nowMs: number): Array<{ run: T, reason: StopReason }> {
  const latestUseMs = Math.max(0, ...running.map(run => run.lastUsedMs))
  const stops: Array<{ run: T, reason: StopReason }> = []
  for (const run of running) {
    const idleMs = nowMs - run.lastUsedMs
    if (idleMs > IDLE_STOP_MS) stops.push({ run, reason: 'idle' })
    else if (idleMs > LEFT_BEHIND_MS && run.lastUsedMs < latestUseMs) stops.push({ run, reason: 'left-behind' })
  }
  return stops
}
