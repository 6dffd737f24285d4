/**
 * Runs made ahead of time (`--editions ahead`, edition-ahead.ts) beside the runs devices wait
 * for: a background run has the lowest CPU priority, is held still (SIGSTOP) while any
 * device's run works, runs as any other once a device follows it, and is the first stopped
 * when room is needed.
 */
import type { EditionJob } from './edition-job.ts'

/** Holds background runs still while a device's run works; lets them go on after. */
export function yieldToDevices (running: readonly EditionJob[]): void {
  const devicesWaiting = running.some(job => !job.background)
  for (const job of running) if (job.background) job.setPaused(devicesWaiting)
}

/** A device follows `job`: if it was made ahead of time, it now runs as any other. */
export function followedByDevice (job: EditionJob, running: readonly EditionJob[]): void {
  if (!job.background) return
  job.background = false
  job.setPaused(false)
  yieldToDevices(running)
}

/** Makes `job` a background run and settles who holds still. */
export function moveToBackground (job: EditionJob, running: readonly EditionJob[]): void {
  job.runInBackground()
  yieldToDevices(running)
}

/** Order in which runs are stopped for room: background runs first, then the least recently used. */
export function stopForRoomFirst (a: EditionJob, b: EditionJob): number {
  return Number(b.background) - Number(a.background) || a.lastUsedMs - b.lastUsedMs
}
