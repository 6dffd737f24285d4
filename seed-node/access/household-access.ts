/**
 * Who may use the seed node: the household (anyone holding the credential derived from
 * the library key) and, for one item each, friends holding a share token. Share tokens
 * are `s.<infohash>.<HMAC-SHA-256 of the infohash under the share secret>`, so they are
 * checked without a table and die all at once when the share secret is rotated. Every
 * comparison is constant-time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Principal } from '../../tracker/tracker-server.ts'
import type { ApiErrorCode } from '../../protocol/api/api-error.ts'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { errnoCode } from '../lib/errors.ts'
import { SECRET_FILE_MODE } from './library-key-file.ts'

/** Whoever reads it can mint share links for every item (mode 0600). */
export const SHARE_SECRET_FILE = 'share-secret'
const SHARE_SECRET_BYTES = 32
const SHARE_TOKEN = /^s\.([0-9a-f]{40})\.([A-Za-z0-9_-]{43})$/

/** The refusals an access check gives (their HTTP status follows from the code, protocol/api/api-error.ts). */
export type AccessRefusalCode = Extract<ApiErrorCode, 'HEARTH_E_UNAUTHENTICATED' | 'HEARTH_E_FORBIDDEN'>

export type AccessResult =
  | { ok: true, principal: Principal }
  | {
    ok: false
    code: AccessRefusalCode
    message: string
    /** True when the token is no credential at all (a guess): counts towards a ban. */
    guess: boolean
  }

function sameText (a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export class HouseholdAccess {
  /**
   * @param credential the household credential (derived from the library key): paired devices
   *   send it as `Authorization: Bearer`, and this node puts it in the tracker and web-seed
   *   URLs it builds for household members.
   */
  private constructor (readonly credential: string, private shareSecret: Buffer, private readonly secretPath: string) {}

  static async open (stateDir: string, credential: string): Promise<HouseholdAccess> {
    const secretPath = path.join(stateDir, SHARE_SECRET_FILE)
    let secret: Buffer | null = null
    try {
      secret = Buffer.from((await readFile(secretPath, 'utf8')).trim(), 'base64url')
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw err
    }
    const access = new HouseholdAccess(credential, secret ?? Buffer.alloc(0), secretPath)
    if (!secret || secret.length !== SHARE_SECRET_BYTES) await access.rotateShareSecret()
    return access
  }

  /** A share token admitting `infoHash` alone, until the next rotation. */
  shareToken (infoHash: string): string {
    return `s.${infoHash}.${this.mac(infoHash)}`
  }

  /** "Stop sharing": a new share secret, so every share token given out so far stops working. */
  async rotateShareSecret (): Promise<void> {
    const secret = randomBytes(SHARE_SECRET_BYTES)
    await writeFileAtomic(this.secretPath, secret.toString('base64url') + '\n', SECRET_FILE_MODE)
    this.shareSecret = secret
  }

  /** For the tracker's `authenticate` hook: null means "not allowed". */
  authenticate (token: string | null): Principal | null {
    if (token === null || token.length > 200) return null
    if (sameText(token, this.credential)) return { kind: 'household' }
    const share = SHARE_TOKEN.exec(token)
    if (share?.[1] && share[2] && sameText(share[2], this.mac(share[1]))) return { kind: 'share', infoHashes: new Set([share[1]]) }
    return null
  }

  /**
   * Whether a refused token counts towards a ban. A well-formed share token does not: one
   * whose MAC fails is, in practice, a link revoked by "Stop sharing" (a new share secret),
   * and its holder is a friend, not a guesser (a forged MAC is 256 bits: no guess succeeds).
   */
  countsAsGuess (token: string): boolean {
    return !SHARE_TOKEN.test(token)
  }

  /** Checks an HTTP request's `Authorization` header, `Bearer <credential>` (household only). */
  checkAuthorization (header: string | undefined): AccessResult {
    if (header === undefined) return { ok: false, code: 'HEARTH_E_UNAUTHENTICATED', message: 'this device is not paired with the household: open a pairing link first', guess: false }
    const match = /^Bearer ([A-Za-z0-9._-]{1,200})$/.exec(header)
    const principal = match?.[1] ? this.authenticate(match[1]) : null
    if (principal === null) return { ok: false, code: 'HEARTH_E_FORBIDDEN', message: 'wrong household credential', guess: this.countsAsGuess(match?.[1] ?? '') }
    if (principal.kind !== 'household') return { ok: false, code: 'HEARTH_E_FORBIDDEN', message: 'a share link opens one item, not the library', guess: false }
    return { ok: true, principal }
  }

  /** Checks a token from a URL path (web seed): household, or a share token for `infoHash`. */
  checkToken (token: string, infoHash: string): AccessResult {
    const principal = this.authenticate(token)
    if (principal === null) return { ok: false, code: 'HEARTH_E_FORBIDDEN', message: 'wrong or expired credential', guess: this.countsAsGuess(token) }
    if (principal.kind === 'share' && !principal.infoHashes.has(infoHash)) return { ok: false, code: 'HEARTH_E_FORBIDDEN', message: 'this share link is for another item', guess: false }
    return { ok: true, principal }
  }

  private mac (infoHash: string): string {
    return createHmac('sha256', this.shareSecret).update(infoHash).digest('base64url')
  }
}
