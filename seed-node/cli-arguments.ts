/**
 * The seed node's command line, derived from the options table in config.ts: the `--help`
 * text (README.md's "Seed node options" block is this text, checked by a test), the
 * `parseArgs` spec, and the parsing of what the user typed into options. Bounds are
 * checked afterwards by `resolveConfig`, the same checks a programmatic caller gets.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { alternatives, OPTION_KEYS, SEED_NODE_OPTIONS, type OptionKey, type OptionSpec, type SeedNodeOptions } from './config.ts'
import { HearthError } from './lib/errors.ts'

const USAGE = `Usage: npm start -- [options]

Hearth seed node: serves a folder of films, series and music to the Hearth app,
peer to peer (WebRTC and BitTorrent) through its own tracker.`

const HELP_FLAG = { name: 'help', short: 'h', usage: '-h, --help', doc: 'show this help' } as const

/** Options a user can type: those with a flag. */
const FLAGGED = OPTION_KEYS.flatMap(key => {
  const spec: OptionSpec = SEED_NODE_OPTIONS[key]
  return spec.flag === null ? [] : [{ key, spec, flag: spec.flag, name: spec.flag.slice(2) }]
})

function shownDefault (spec: OptionSpec): string | null {
  if (spec.kind === 'boolean' || spec.kind === 'url' || spec.kind === 'file' || spec.kind === 'addresses' || spec.kind === 'repeated') return null
  if ((spec.kind === 'path' || spec.kind === 'string') && spec.shownDefault !== undefined) return spec.shownDefault
  return typeof spec.fallback === 'function' || spec.fallback === null ? null : String(spec.fallback)
}

/** The doc line of one option, with its bounds or choices and its default. */
function describe (spec: OptionSpec): string {
  const fallback = shownDefault(spec)
  if (spec.kind === 'int') return `${spec.doc} (${spec.min}-${spec.max}, default: ${fallback ?? ''})`
  if (spec.kind === 'enum') return `${spec.doc}: ${alternatives(spec.values)} (default: ${fallback ?? ''})`
  return fallback === null ? spec.doc : `${spec.doc} (default: ${fallback})`
}

/** `npm start -- --help`. */
export function helpText (): string {
  const rows = [
    ...FLAGGED.map(({ spec, flag }) => [spec.arg === undefined ? flag : `${flag} ${spec.arg}`, describe(spec)] as const),
    [HELP_FLAG.usage, HELP_FLAG.doc] as const
  ]
  const width = Math.max(...rows.map(([usage]) => usage.length)) + 2
  return `${USAGE}\n\nOptions:\n${rows.map(([usage, doc]) => `  ${usage.padEnd(width)}${doc}`).join('\n')}`
}

/** The `parseArgs` option spec: switches are booleans, everything else a string parsed below. */
export function parseArgsOptions (): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = { [HELP_FLAG.name]: { type: 'boolean', short: HELP_FLAG.short } }
  for (const { spec, name } of FLAGGED) options[name] = spec.kind === 'repeated' ? { type: 'string', multiple: true } : { type: spec.kind === 'boolean' ? 'boolean' : 'string' }
  return options
}

function badOption (message: string): HearthError {
  return new HearthError('HEARTH_E_BAD_OPTION', message)
}

function fromText (flag: string, spec: OptionSpec, text: string | boolean): unknown {
  if (spec.kind === 'boolean') return !spec.fallback // the flag turns the default around
  if (typeof text !== 'string') throw badOption(`${flag} needs a value`)
  if (spec.kind === 'int') {
    // Whole numbers only: Number() would also take "1e3", "0x10" and " 7".
    if (!/^\d+$/.test(text)) throw badOption(`${flag} must be a whole number, got "${text}"`)
    return Number(text)
  }
  return text
}

export type CommandLine = { help: true } | { help: false, options: SeedNodeOptions }

/** Parses argv (without node and the script). Throws HEARTH_E_BAD_OPTION naming the flag. */
export function parseCommandLine (argv: string[]): CommandLine {
  let values: Record<string, string | boolean | Array<string | boolean> | undefined>
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: parseArgsOptions() }))
  } catch (err) {
    throw badOption(`${err instanceof Error ? err.message : String(err)} (see --help)`)
  }
  if (values[HELP_FLAG.name] === true) return { help: true }
  const options: Partial<Record<OptionKey, unknown>> = {}
  for (const { key, spec, flag, name } of FLAGGED) {
    const text = values[name]
    if (text === undefined) continue
    if (spec.kind === 'repeated') {
      options[key] = Array.isArray(text) ? text : [text]
      continue
    }
    // Only repeated options are `multiple` (for the others a repeated flag's last value wins): this narrows the type.
    if (Array.isArray(text)) throw badOption(`${flag} is given more than once`)
    options[key] = fromText(flag, spec, text)
  }
  // Types are checked against the table by resolveConfig, as for any programmatic caller.
  return { help: false, options: options as SeedNodeOptions }
}
