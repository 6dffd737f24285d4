/**
 * Reads a pairing link (`/pair#key=<base64url of 32 bytes>`, see protocol/pairing-link.ts).
 * The key is a household secret: it travels only in the fragment, and `capturePairingLink`
 * takes it out of the address bar (and so out of history) before anything renders.
 */
import { encodeLibraryKey, parseLibraryKey } from '../../../protocol/library-key.ts'
import { PAIRING_PATH, pairingLink, parsePairingFragment } from '../../../protocol/pairing-link.ts'

export type PairingCapture =
  | { readonly status: 'none' }
  | { readonly status: 'key', readonly libraryKey: string }
  | { readonly status: 'invalid', readonly message: string }

/** Pure: what a location's path and fragment say about pairing. `libraryKey` is the canonical text form. */
export function readPairingLink (pathname: string, hash: string): PairingCapture {
  if (pathname.replace(/\/+$/, '') !== PAIRING_PATH) return { status: 'none' }
  try {
    return { status: 'key', libraryKey: encodeLibraryKey(parsePairingFragment(hash)) }
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^pairing link rejected: /, '') : String(err)
    return { status: 'invalid', message: `This pairing link does not work: ${detail}. Copy the whole link again.` }
  }
}

/** Reads the current location; on `/pair`, replaces the URL with `/` so the key leaves the address bar and history. */
export function capturePairingLink (): PairingCapture {
  const capture = readPairingLink(window.location.pathname, window.location.hash)
  if (capture.status !== 'none') window.history.replaceState(null, '', '/')
  return capture
}

/** The link another device opens to join: `${origin}/pair#key=…`. */
export function pairingLinkFor (origin: string, libraryKey: string): string {
  return pairingLink(origin, parseLibraryKey(libraryKey))
}
