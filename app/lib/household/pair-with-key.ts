/**
 * Verifies a candidate library key with the home server and stores it only as
 * `pairing-decision.ts` says: the one path by which this device joins or changes household
 * (a pairing link, the "Pair this device" paste field).
 */
import { joinHousehold } from './household-membership.ts'
import { outcome, type PairingOutcome } from './pairing-decision.ts'
import { verifyLibraryKey } from './verify-library-key.ts'

const STORE_FAILED_TEXT = 'This device could not join: the browser refused to store the key (private window?).'

export async function pairWithKey (kind: 'join' | 'switch', libraryKey: string): Promise<PairingOutcome> {
  const decided = outcome(kind, await verifyLibraryKey(libraryKey))
  if (!decided.store) return decided
  try {
    await joinHousehold(libraryKey)
  } catch (err) {
    console.error('[hearth] could not store the library key', err)
    return { store: false, tone: 'error', text: STORE_FAILED_TEXT }
  }
  return decided
}
