/**
 * The household library key (32 random bytes, made once by the seed node) and the keys
 * HKDF-SHA-256 derives from it. Each derived key has its own versioned `info` label, so
 * learning one (say the credential, which travels in HTTP headers) reveals nothing of the
 * others. Changing a label or the salt re-keys every household: don't.
 */
import { InfoHash } from './catalog.ts'
import { decodeBase64url, encodeBase64url } from './base64url.ts'

export const LIBRARY_KEY_BYTES = 32

/** HKDF salt: fixed, public, versioned (RFC 5869 §3.1 allows a constant). */
const HKDF_SALT = 'hearth/v1/library-key'

/** HKDF `info` labels, one per derived key. */
export const KEY_LABELS = {
  syncSwarm: 'hearth/v1/sync-swarm',
  seal: 'hearth/v1/seal',
  credential: 'hearth/v1/credential',
  share: 'hearth/v1/share'
} as const

export class LibraryKeyError extends Error {
  readonly code = 'HEARTH_E_BAD_LIBRARY_KEY'
  constructor (detail: string) {
    super(`library key rejected: ${detail}`)
  }
}

export interface DerivedKeys {
  /** 32 bytes; the sync torrent's content is expanded from it (see sync-torrent.ts). */
  syncSwarmSecret: Uint8Array<ArrayBuffer>
  /** AES-GCM-256, non-extractable; seals every sync message (see sealed-box.ts). */
  sealKey: CryptoKey
  /** Bearer token for the catalog API, web seed and tracker: base64url of 32 derived bytes. */
  credential: string
  /** HMAC-SHA-256, non-extractable; signs per-item share tokens (see `shareToken`). */
  shareKey: CryptoKey
}

const utf8 = new TextEncoder()

/** A fresh library key from the platform's CSPRNG. */
export function generateLibraryKey (): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(LIBRARY_KEY_BYTES))
}

export function encodeLibraryKey (bytes: Uint8Array): string {
  checkLength(bytes)
  return encodeBase64url(bytes)
}

/** Parses the text form (base64url, no padding, 43 characters) or throws `LibraryKeyError`. */
export function parseLibraryKey (text: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string') throw new LibraryKeyError('not a string')
  const bytes = decodeBase64url(text.trim())
  if (bytes === null) throw new LibraryKeyError('not base64url without padding')
  checkLength(bytes)
  return bytes
}

export async function deriveKeys (rawKey: Uint8Array): Promise<DerivedKeys> {
  checkLength(rawKey)
  const subtle = globalThis.crypto.subtle
  const base = await subtle.importKey('raw', new Uint8Array(rawKey), 'HKDF', false, ['deriveBits', 'deriveKey'])
  const params = (label: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: utf8.encode(HKDF_SALT), info: utf8.encode(label) })
  const [swarmBits, credentialBits, sealKey, shareKey] = await Promise.all([
    subtle.deriveBits(params(KEY_LABELS.syncSwarm), base, 256),
    subtle.deriveBits(params(KEY_LABELS.credential), base, 256),
    subtle.deriveKey(params(KEY_LABELS.seal), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    subtle.deriveKey(params(KEY_LABELS.share), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify'])
  ])
  return {
    syncSwarmSecret: new Uint8Array(swarmBits),
    sealKey,
    credential: encodeBase64url(new Uint8Array(credentialBits)),
    shareKey
  }
}

/**
 * The share token for one item: base64url of HMAC-SHA-256(shareKey, infohash as lowercase
 * hex). Whoever holds it may fetch that item and nothing else.
 */
export async function shareToken (shareKey: CryptoKey, infoHash: string): Promise<string> {
  const parsed = InfoHash.safeParse(infoHash)
  if (!parsed.success) throw new LibraryKeyError('share token needs a 40-hex-character lowercase infohash')
  const mac = await globalThis.crypto.subtle.sign('HMAC', shareKey, utf8.encode(parsed.data))
  return encodeBase64url(new Uint8Array(mac))
}

function checkLength (bytes: Uint8Array): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== LIBRARY_KEY_BYTES) {
    throw new LibraryKeyError(`must be ${LIBRARY_KEY_BYTES} bytes`)
  }
}
