/**
 * The pairing link that carries the library key to a new device. The key sits in the URL
 * fragment, which browsers never send to a server (nor put in Referer headers), so the
 * seed node's HTTP logs and any proxy on the way never see it.
 */
import { encodeLibraryKey, parseLibraryKey } from './library-key.ts'

export const PAIRING_PATH = '/pair'

export class PairingLinkError extends Error {
  readonly code = 'HEARTH_E_BAD_PAIRING_LINK'
  constructor (detail: string) {
    super(`pairing link rejected: ${detail}`)
  }
}

/** `${origin}/pair#key=<base64url>`; `origin` is an http(s) origin such as `http://192.168.1.2:8080`. */
export function pairingLink (origin: string, rawKey: Uint8Array): string {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    throw new PairingLinkError(`origin is not a URL: ${origin}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PairingLinkError(`origin must be http or https: ${origin}`)
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new PairingLinkError(`origin must have no path, query, fragment or credentials: ${origin}`)
  }
  return `${url.origin}${PAIRING_PATH}#key=${encodeLibraryKey(rawKey)}`
}

/** The key bytes from `location.hash` (with or without the leading `#`), or throws `PairingLinkError`. */
export function parsePairingFragment (hash: string): Uint8Array<ArrayBuffer> {
  if (typeof hash !== 'string') throw new PairingLinkError('fragment is not a string')
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const keys = params.getAll('key')
  if (keys.length === 0) throw new PairingLinkError('no key in the link (was it cut short?)')
  if (keys.length > 1) throw new PairingLinkError('more than one key in the link')
  try {
    return parseLibraryKey(keys[0]!)
  } catch (err) {
    throw new PairingLinkError(`the key is damaged (${(err as Error).message})`)
  }
}
