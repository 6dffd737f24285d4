/**
 * The household credential this device sends to the seed node (API `Authorization:
 * Bearer`, tracker `/announce/<credential>`), derived by HKDF from the library key it was
 * paired with. Derived once per key and page.
 */
import { deriveKeys, parseLibraryKey } from '../../../protocol/library-key.ts'
import { requireSecureContext } from '../secure-context/secure-context.ts'
import { currentLibraryKey } from './household-membership.ts'

const derived = new Map<string, Promise<string>>()

export function credentialFor (libraryKey: string): Promise<string> {
  let credential = derived.get(libraryKey)
  if (!credential) {
    credential = derive(libraryKey)
    derived.set(libraryKey, credential)
  }
  return credential
}

/**
 * The credential for this device now, or null when it is not paired. The API client asks
 * this before every call. A browser that cannot open IndexedDB (some private windows) cannot
 * hold a key, so it counts as not paired.
 */
export async function currentCredential (): Promise<string | null> {
  let libraryKey: string | null
  try {
    libraryKey = await currentLibraryKey()
  } catch (err) {
    console.warn('[hearth] the library key cannot be read (IndexedDB unavailable); acting as not paired', err)
    return null
  }
  return libraryKey === null ? null : await credentialFor(libraryKey)
}

async function derive (libraryKey: string): Promise<string> {
  requireSecureContext('The household credential (WebCrypto)')
  return (await deriveKeys(parseLibraryKey(libraryKey))).credential
}
