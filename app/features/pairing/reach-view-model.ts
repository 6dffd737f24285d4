/**
 * What "Add a device" shows, from `GET /api/reach` (or its failure): the pairing link of the
 * likeliest address first, the others behind "Other addresses", and notes — the TLS warning,
 * how to trust the household CA, why the link uses this browser's own address. Pure, so each
 * rule is tested without a browser.
 *
 * Rules: the reply's order is kept (the seed node knows best: public URL, household domain,
 * LAN addresses); duplicates go; a loopback address (127.0.0.0/8, ::1, localhost) is never
 * offered when any other is, since no other device can open it. When the reply fails (a seed
 * node older than `/api/reach`, or a network error), the page's own origin stands in, and the
 * page says so.
 */
import type { ReachReply } from '../../../protocol/api/reach.ts'

export interface ReachLink {
  readonly origin: string
  readonly link: string
}

export type ReachNote =
  | { readonly kind: 'fallback', readonly text: string }
  | { readonly kind: 'loopback-only', readonly text: string }
  | { readonly kind: 'tls-warning', readonly text: string }
  | { readonly kind: 'household-ca', readonly text: string, readonly onboardingUrl: string | null, readonly fingerprint: string | null }

export interface ReachView {
  readonly primary: ReachLink
  readonly others: readonly ReachLink[]
  readonly notes: readonly ReachNote[]
}

export interface ReachInput {
  /** The reply, or null when `/api/reach` failed. */
  readonly reach: ReachReply | null
  /** Why it failed (a sentence from the API client), when `reach` is null. */
  readonly failure: string | null
  /** `location.origin` of this page. */
  readonly pageOrigin: string
  /** Builds the pairing link for an origin (`pairingLinkFor(origin, key)`). */
  readonly linkFor: (origin: string) => string
}

export function reachView ({ reach, failure, pageOrigin, linkFor }: ReachInput): ReachView {
  const origins = reachableOrigins(reach?.origins ?? [pageOrigin])
  const [first = pageOrigin, ...rest] = origins
  const toLink = (origin: string): ReachLink => ({ origin, link: linkFor(origin) })
  return { primary: toLink(first), others: rest.map(toLink), notes: reachNotes(reach, failure, pageOrigin, origins) }
}

/** Canonical origins, deduplicated in order, loopback dropped when anything else is left. */
export function reachableOrigins (candidates: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const candidate of candidates) {
    const origin = originOf(candidate)
    if (origin !== null) seen.add(origin)
  }
  const all = [...seen]
  const reachable = all.filter(origin => !isLoopbackOrigin(origin))
  return reachable.length > 0 ? reachable : all
}

export function isLoopbackOrigin (origin: string): boolean {
  const host = new URL(origin).hostname.toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

function originOf (text: string): string | null {
  try {
    const origin = new URL(text).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

function reachNotes (reach: ReachReply | null, failure: string | null, pageOrigin: string, origins: readonly string[]): ReachNote[] {
  const notes: ReachNote[] = []
  const onlyLoopback = origins.every(isLoopbackOrigin)
  if (reach === null) {
    const why = failure === null ? '' : ` (${failure.replace(/\.$/, '')})`
    const here = isLoopbackOrigin(pageOrigin) ? ', which works on this computer only' : ''
    notes.push({ kind: 'fallback', text: `The home server did not say which addresses other devices can reach${why}. This link uses the address this browser opened${here}.` })
    return notes
  }
  if (onlyLoopback) {
    notes.push({ kind: 'loopback-only', text: 'The home server listens on this computer only, so other devices cannot open this link. Start it with --host 0.0.0.0 to add phones, tablets and TVs.' })
  }
  if (reach.tls.warning !== null) notes.push({ kind: 'tls-warning', text: reach.tls.warning })
  if (reach.tls.mode === 'household-ca') {
    notes.push({
      kind: 'household-ca',
      text: 'This home server uses its own household certificate authority. Install it once on the new device before opening the link, or the browser will warn that the connection is not private.',
      onboardingUrl: reach.onboardingUrl,
      fingerprint: reach.tls.caFingerprint
    })
  }
  return notes
}
