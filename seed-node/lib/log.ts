/**
 * The seed node's logger: one line per event, `time level event key=value...`, so a human
 * can read it and a test can look for an event by name. Warnings (something was skipped,
 * the rest goes on) and fatal errors (the process cannot go on) are different levels.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  debug (event: string, fields?: LogFields): void
  info (event: string, fields?: LogFields): void
  warn (event: string, fields?: LogFields): void
  error (event: string, fields?: LogFields): void
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

function formatValue (value: string | number | boolean | null | undefined): string {
  if (typeof value === 'string') return /^[\w./:@-]*$/.test(value) && value !== '' ? value : JSON.stringify(value)
  return String(value)
}

export function formatLine (level: LogLevel, event: string, fields: LogFields = {}): string {
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
  return [new Date().toISOString(), level.toUpperCase().padEnd(5), event, ...pairs].join(' ')
}

/** A logger writing to stderr (warn/error) and stdout (debug/info), at or above `minLevel`. */
export function createLogger (minLevel: LogLevel = 'info', sink?: (line: string, level: LogLevel) => void): Logger {
  const write = sink ?? ((line: string, level: LogLevel) => {
    if (LEVEL_RANK[level] >= LEVEL_RANK.warn) process.stderr.write(line + '\n')
    else process.stdout.write(line + '\n')
  })
  const at = (level: LogLevel) => (event: string, fields?: LogFields) => {
    if (LEVEL_RANK[level] >= LEVEL_RANK[minLevel]) write(formatLine(level, event, fields), level)
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** A logger that drops everything (unit tests that do not look at logs). */
export const silentLogger: Logger = createLogger('error', () => {})
