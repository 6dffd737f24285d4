/**
 * Finishes what a pairing link started (`capturePairingLink`), as `pairing-decision.ts`
 * says: a device that is not paired joins once the home server accepts the key; a device of
 * another household is asked first (`pendingSwitch`, answered by `confirmSwitch` or
 * `cancelSwitch`, which the shell shows as a dialog); the same key is a no-op; a bad link
 * changes nothing. Every outcome is said through `notify` (the shell's toast).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { currentLibraryKey } from './household-membership.ts'
import { pairWithKey } from './pair-with-key.ts'
import { ALREADY_MEMBER_TEXT, SWITCH_CANCELLED_TEXT, firstStep } from './pairing-decision.ts'
import type { PairingCapture } from './pairing-fragment.ts'

type Notify = (tone: 'info' | 'error', text: string) => void

export interface HouseholdSwitch {
  /** A link for another household waits for the user's answer. */
  readonly pending: boolean
  /** The user confirmed and the home server is being asked. */
  readonly checking: boolean
  readonly confirm: () => void
  readonly cancel: () => void
}

export function useJoinHousehold (capture: PairingCapture, notify: Notify): HouseholdSwitch {
  const started = useRef(false)
  const [candidate, setCandidate] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)

  useEffect(() => {
    if (started.current || capture.status === 'none') return
    started.current = true
    if (capture.status === 'invalid') {
      notify('error', capture.message)
      return
    }
    const key = capture.libraryKey
    currentLibraryKey().then(async current => {
      const step = firstStep(key, current)
      if (step.kind === 'same') notify('info', ALREADY_MEMBER_TEXT)
      else if (step.kind === 'ask') setCandidate(key)
      else {
        const result = await pairWithKey('join', key)
        notify(result.tone, result.text)
      }
    }).catch((err: unknown) => {
      console.error('[hearth] could not read this device\'s household', err)
      notify('error', 'This device could not join: the browser refused to open its storage (private window?).')
    })
  }, [capture, notify])

  const confirm = useCallback(() => {
    if (candidate === null || checking) return
    setChecking(true)
    const settle = async (): Promise<void> => {
      try {
        const result = await pairWithKey('switch', candidate)
        notify(result.tone, result.text)
      } finally {
        setChecking(false)
        setCandidate(null)
      }
    }
    settle().catch((err: unknown) => notify('error', `Nothing changed: ${String(err)}`))
  }, [candidate, checking, notify])

  const cancel = useCallback(() => {
    if (candidate === null || checking) return
    setCandidate(null)
    notify('info', SWITCH_CANCELLED_TEXT)
  }, [candidate, checking, notify])

  return { pending: candidate !== null, checking, confirm, cancel }
}
