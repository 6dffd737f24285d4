/**
 * Who may use the tracker, and for what. The tracker knows nothing of keys: the embedding
 * seed node's `authenticate` hook turns the token in `/announce/<token>` into a principal.
 */

/** A household member may announce and scrape anything; a share token admits its own infohashes only (lowercase hex). */
export type Principal = { kind: 'household' } | { kind: 'share', infoHashes: ReadonlySet<string> }

export type AccessDecision =
  | { allowed: true, principal: Principal }
  | { allowed: false, status: 401 | 403, reason: string }

/** Tokens longer than this are refused without asking `authenticate`. */
export const MAX_TOKEN_CHARS = 512

/** Asks the hook, turning its refusal (or its throwing) into a 401 (no token) or 403 (wrong token). */
export function decideAccess (authenticate: (token: string | null) => Principal | null, token: string | null): AccessDecision {
  let principal: Principal | null = null
  if (token === null || token.length <= MAX_TOKEN_CHARS) {
    try {
      principal = authenticate(token)
    } catch {
      principal = null
    }
  }
  if (principal) return { allowed: true, principal }
  return token === null
    ? { allowed: false, status: 401, reason: 'this tracker needs a credential: announce to /announce/<token>' }
    : { allowed: false, status: 403, reason: 'wrong credential for this tracker' }
}

/** Whether `principal` may announce or scrape every one of `infoHashesHex`. A scrape of everything (none named) is the household's alone. */
export function admits (principal: Principal, infoHashesHex: readonly string[] | null): boolean {
  if (principal.kind === 'household') return true
  if (infoHashesHex === null || infoHashesHex.length === 0) return false
  return infoHashesHex.every(hash => principal.infoHashes.has(hash.toLowerCase()))
}
