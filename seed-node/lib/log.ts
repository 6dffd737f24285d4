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

/**
 * Characters JSON.stringify leaves raw that a terminal or a log viewer would act on: DEL
 * and the C1 controls (U+0080-U+009F: CSI and friends), the bidi marks, embeddings,
 * overrides and isolates (U+202E turns `evil\u202Evom.exe` into `evilexe.mov` on screen),
 * zero-width characters, the line and paragraph separators, and the BOM.
 */
const INVISIBLE_OR_CONTROL = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g

/**
 * A string as one inert token: plain names as they are; anything else JSON-quoted (which
 * escapes C0 controls, quotes, backslashes and lone surrogates) with the characters above
 * as `\uXXXX`, so a file name can neither forge a log line nor reorder what a reader sees.
 */
export function escapeLogText (text: string): string {
  if (/^[\w./:@-]+$/.test(text)) return text
  return JSON.stringify(text).replace(INVISIBLE_OR_CONTROL, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function formatValue (value: string | number | boolean | null | undefined): string {
  return typeof value === 'string' ? escapeLogText(value) : String(value)
}

export function formatLine (level: LogLevel, event: string, fields: LogFields = {}): string {
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${escapeLogText(key)}=${formatValue(value)}`)
  return [new Date().toISOString(), level.toUpperCase().padEnd(5), escapeLogText(event), ...pairs].join(' ')
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
