/**
 * Browsers give service workers, WebCrypto (`crypto.subtle`) and installation only to secure
 * contexts: https pages, and http on localhost / 127.0.0.1. A phone that opens
 * `http://<lan-address>:8787` gets none of them, and Hearth needs all three: the household
 * credential and the sealed watch state are HKDF/AES-GCM (WebCrypto), playback streams
 * through the service worker, and WebTorrent's browser code hashes with `crypto.subtle`.
 *
 * `main.tsx` asks `hasSecureContext()` once, before anything renders, and shows the
 * explanation page instead of the app when it is false. `requireSecureContext` is the second
 * line: every entry point that would touch those APIs (the credential, the sync swarm's keys,
 * the service worker, WebTorrent) calls it first, so a future code path that forgets the
 * first check fails with this sentence instead of "reading 'importKey' of undefined".
 */

export class InsecureContextError extends Error {
  readonly code = 'HEARTH_E_INSECURE_CONTEXT'
  constructor (what: string) {
    super(`${what} needs a secure (HTTPS) page, and this page is not one; open the home server's https:// address`)
    this.name = 'InsecureContextError'
  }
}

/** The parts of `window` this module reads, so that tests can pass their own. */
export interface ContextProbe {
  readonly isSecureContext?: boolean
  readonly crypto?: { readonly subtle?: unknown }
}

/** True when this page may use WebCrypto, service workers and WebTorrent. */
export function hasSecureContext (probe: ContextProbe = globalThis): boolean {
  // `crypto.subtle` is checked too: a browser that calls the page secure but hides WebCrypto
  // (old embedded web views) breaks the same way.
  return probe.isSecureContext === true && probe.crypto?.subtle !== undefined
}

/** Throws `InsecureContextError` naming `what` (e.g. "The household credential") unless the page is secure. */
export function requireSecureContext (what: string, probe: ContextProbe = globalThis): void {
  if (!hasSecureContext(probe)) throw new InsecureContextError(what)
}
