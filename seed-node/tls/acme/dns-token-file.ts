/**
 * The DNS provider's token, kept in the state folder as `acme/dns-token` (mode 0600). It gets
 * there from the environment variable HEARTH_DNS_TOKEN or from `--dns-token-file <file>`
 * (copied in), given once: later starts read the kept copy. Never from a command-line value,
 * which every user of the machine can read in `ps` and which lands in shell history.
 * A token given again replaces the kept one (a new token after the old one leaked).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../../lib/log.ts'
import { errnoCode, HearthError } from '../../lib/errors.ts'
import { writePrivateFile } from './private-file.ts'

export const DNS_TOKEN_ENV = 'HEARTH_DNS_TOKEN'
export const DNS_TOKEN_FILE_NAME = 'dns-token'
/** Provider tokens are UUIDs or API keys of a few dozen characters; this bounds a wrong file. */
const MAX_TOKEN_CHARS = 4096

export interface DnsTokenSources {
  /** The private acme/ folder of the state folder. */
  folder: string
  /** `--dns-token-file`, or null. */
  tokenFile: string | null
  /** The value of HEARTH_DNS_TOKEN, if set. */
  fromEnv: string | undefined
  log: Logger
}

function parseToken (text: string, from: string): string {
  const token = text.trim()
  if (token === '') throw new HearthError('HEARTH_E_BAD_OPTION', `the DNS token from ${from} is empty`)
  // Printable ASCII only: a token goes into a URL or an environment variable, and a stray byte from a bad copy must show.
  if (token.length > MAX_TOKEN_CHARS || !/^[\x21-\x7e]+$/.test(token)) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `the DNS token from ${from} must be one line of printable characters without spaces (at most ${MAX_TOKEN_CHARS} characters)`)
  }
  return token
}

async function readText (file: string, what: string, missingIsNull: boolean): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if (missingIsNull && errnoCode(err) === 'ENOENT') return null
    throw new HearthError('HEARTH_E_BAD_OPTION', `${what} cannot be read (${errnoCode(err) ?? String(err)}): ${file}`)
  }
}

/** The token to use (stored first if newly given), or null when none was ever given. */
export async function settleDnsToken ({ folder, tokenFile, fromEnv, log }: DnsTokenSources): Promise<string | null> {
  const kept = path.join(folder, DNS_TOKEN_FILE_NAME)
  const keptText = await readText(kept, 'the kept DNS token', true)
  let given: { token: string, from: string } | null = null
  if (fromEnv !== undefined && fromEnv !== '') given = { token: parseToken(fromEnv, DNS_TOKEN_ENV), from: DNS_TOKEN_ENV }
  else if (tokenFile !== null) {
    const text = await readText(tokenFile, '--dns-token-file', false)
    given = { token: parseToken(text ?? '', tokenFile), from: '--dns-token-file' }
  }
  if (given === null) return keptText === null ? null : parseToken(keptText, kept)
  if (keptText?.trim() !== given.token) {
    await writePrivateFile(kept, given.token + '\n')
    log.info('acme.dns-token-stored', { from: given.from, file: kept })
  }
  return given.token
}
