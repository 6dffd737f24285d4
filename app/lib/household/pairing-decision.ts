/**
 * What a pairing link may do to this device, as pure decisions (tested without a browser).
 * A link is an instruction anyone can give: any page can navigate this browser to
 * `/pair#key=…`. So a link never silently replaces a household, and a key is kept only
 * once the home server accepts the credential it derives to.
 *
 *   link ──▶ firstStep(candidate, current)
 *             ├─ same key ............. "already in this household" (nothing to do)
 *             ├─ not paired ........... verify ──▶ outcome('join', verdict)
 *             └─ another household .... ask the user ──▶ cancel: nothing changes
 *                                                   └─▶ confirm: verify ──▶ outcome('switch', verdict)
 *
 * Decision for a device that is not paired (issue 11 left it open): it is verified too, so a
 * refused key is never stored (a page cannot park a stranger's key in a fresh browser). When
 * the home server cannot be asked (restarting, Wi-Fi still joining), the key is kept anyway
 * and the user is told: an unpaired device has no household to lose, the link came from
 * someone who had the key, and making them find it again would only be friction. A paired
 * device never switches unconfirmed: there, "could not ask" changes nothing.
 */

export type FirstStep =
  | { readonly kind: 'same' }
  | { readonly kind: 'join' }
  | { readonly kind: 'ask' }

/** `current` is the key this device holds, or null when it is not paired (canonical text forms). */
export function firstStep (candidate: string, current: string | null): FirstStep {
  if (current === null) return { kind: 'join' }
  return candidate === current ? { kind: 'same' } : { kind: 'ask' }
}

/** What the home server said to the candidate key's credential. */
export type Verdict =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused' }
  /** No answer, or one that says nothing about the key (5xx, a ban, a bad reply); `detail` is for the user. */
  | { readonly kind: 'unknown', readonly detail: string }

export interface PairingOutcome {
  /** Whether the candidate key is stored (the device joins or moves). */
  readonly store: boolean
  readonly tone: 'info' | 'error'
  readonly text: string
}

export const ALREADY_MEMBER_TEXT = 'This device is already in this household.'
export const SWITCH_CANCELLED_TEXT = 'Nothing changed: this device stays in its household.'

export function outcome (kind: 'join' | 'switch', verdict: Verdict): PairingOutcome {
  if (verdict.kind === 'accepted') {
    return { store: true, tone: 'info', text: kind === 'join' ? 'This device joined the household.' : 'This device moved to the other household.' }
  }
  if (verdict.kind === 'refused') {
    const stays = kind === 'join' ? 'This device was not paired.' : 'This device stays in its household.'
    return { store: false, tone: 'error', text: `The home server does not accept this pairing link: it belongs to another household, or the home server was set up again since. ${stays} Ask for a current link.` }
  }
  if (kind === 'join') {
    return { store: true, tone: 'info', text: `This device joined the household, but the home server could not confirm the link (${verdict.detail}). If the library does not load, open a current pairing link.` }
  }
  return { store: false, tone: 'error', text: `The home server could not confirm this pairing link (${verdict.detail}). Nothing changed: this device stays in its household.` }
}
