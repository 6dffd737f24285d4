/**
 * ffmpeg's stderr into the log without flooding it: a camera that drops frames can print a
 * warning per frame. At most `maxLines` lines pass per `windowMs`; the rest are counted,
 * and the count is reported once the window rolls over. Pure (the clock is given).
 */
export interface RateLimitedLines {
  /** The lines to log now for this input line: the line itself, a summary of suppressed ones, both or none. */
  take: (line: string, nowMs: number) => Array<{ kind: 'line', text: string } | { kind: 'suppressed', count: number }>
}

export function rateLimitLines (maxLines: number, windowMs: number): RateLimitedLines {
  let windowStartMs = -Infinity
  let passed = 0
  let suppressed = 0
  return {
    take (line, nowMs) {
      const out: ReturnType<RateLimitedLines['take']> = []
      if (nowMs - windowStartMs >= windowMs) {
        if (suppressed > 0) out.push({ kind: 'suppressed', count: suppressed })
        windowStartMs = nowMs
        passed = 0
        suppressed = 0
      }
      if (passed < maxLines) {
        passed++
        out.push({ kind: 'line', text: line })
      } else {
        suppressed++
      }
      return out
    }
  }
}
