/**
 * Finishes what a pairing link started (`capturePairingLink`): joins the household with the
 * captured library key (the device is then paired, here and in the profile's other tabs)
 * and says so.
 */
import { useEffect, useRef } from 'react'
import { joinHousehold } from './household-membership.ts'
import type { PairingCapture } from './pairing-fragment.ts'

export function useJoinHousehold (capture: PairingCapture, notify: (tone: 'info' | 'error', text: string) => void): void {
  const done = useRef(false)
  useEffect(() => {
    if (done.current || capture.status === 'none') return
    done.current = true
    if (capture.status === 'invalid') {
      notify('error', capture.message)
      return
    }
    joinHousehold(capture.libraryKey).then(
      () => notify('info', 'This device joined the household.'),
      (err: unknown) => {
        console.error('[hearth] could not store the library key', err)
        notify('error', 'This device could not join: the browser refused to store the key (private window?).')
      }
    )
  }, [capture, notify])
}
