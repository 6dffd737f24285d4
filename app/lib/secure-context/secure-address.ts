/**
 * Where an insecure page should send the user. The seed node serves HTTPS and plain HTTP on
 * one port, so the secure address is the same host and port with `https:`; the path, query
 * and fragment are kept, so a pairing link (`/pair#key=…`, the key in the fragment, never
 * sent to a server) still pairs there. The household-CA onboarding page lives on the
 * plain-HTTP origin (a device that does not trust the CA yet cannot open the HTTPS one).
 */

/** The parts of `window.location` used here. */
export interface PageLocation {
  readonly protocol: string
  readonly host: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
}

export const ONBOARDING_PATH = '/onboarding'

export interface SecureAddress {
  /** The same page over https://, or null when the page is not plain http (nothing to switch to). */
  readonly secureUrl: string | null
  /** The secure origin alone (`https://host:port`), for display; null as above. */
  readonly secureOrigin: string | null
  /** The household-CA onboarding page on this plain-HTTP origin, or null when not on http. */
  readonly onboardingUrl: string | null
}

export function secureAddressFor (location: PageLocation): SecureAddress {
  if (location.protocol !== 'http:' || location.host === '') return { secureUrl: null, secureOrigin: null, onboardingUrl: null }
  const secureOrigin = `https://${location.host}`
  return {
    secureUrl: `${secureOrigin}${location.pathname}${location.search}${location.hash}`,
    secureOrigin,
    onboardingUrl: `http://${location.host}${ONBOARDING_PATH}`
  }
}
