/**
 * At most `limit` async tasks in flight; the rest wait in order. The scanner runs its
 * directory reads and stats through one, so a library of 10,000 files is stat'ed many at a
 * time (libuv's pool runs 4) instead of one after another, without 10,000 requests at once.
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>

export function createLimiter (limit: number): Limiter {
  let active = 0
  const waiting: Array<() => void> = []
  const release = (): void => {
    active--
    waiting.shift()?.()
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>(resolve => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      release()
    }
  }
}
