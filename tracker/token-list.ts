/**
 * For the standalone tracker: household tokens from a file (one per line, `#` comments) or
 * the HEARTH_TRACKER_TOKENS environment variable (comma-separated), turned into an
 * `authenticate` hook that compares in constant time. No share tokens here: those are the
 * seed node's, which holds the key.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Principal } from './access-control.ts'

/** Tokens shorter than this are refused: they could be guessed within a ban's patience. */
export const MIN_TOKEN_CHARS = 16
export const MAX_TOKENS = 1000

export function parseTokenList (text: string, source: string): string[] {
  const tokens = text.split(/[\n,]/).map(line => line.replace(/#.*/, '').trim()).filter(line => line.length > 0)
  if (tokens.length === 0) throw new Error(`${source} holds no tokens`)
  if (tokens.length > MAX_TOKENS) throw new Error(`${source} holds ${tokens.length} tokens; at most ${MAX_TOKENS}`)
  const short = tokens.findIndex(token => token.length < MIN_TOKEN_CHARS)
  if (short >= 0) throw new Error(`${source}: token ${short + 1} is shorter than ${MIN_TOKEN_CHARS} characters`)
  return tokens
}

export function readTokenFile (path: string): string[] {
  return parseTokenList(readFileSync(path, 'utf8'), path)
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

/** An `authenticate` hook admitting any of `tokens` as a household member, comparing in constant time. */
export function tokenListAuthenticator (tokens: readonly string[]): (token: string | null) => Principal | null {
  const digests = tokens.map(digest)
  return token => {
    if (token === null) return null
    const presented = digest(token)
    let match = false
    for (const known of digests) match = timingSafeEqual(presented, known) || match
    return match ? { kind: 'household' } : null
  }
}
