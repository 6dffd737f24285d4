/**
 * The household credential this device sends to the seed node (API `Authorization:
 * Bearer`, tracker `/announce/<credential>`), derived from the library key it was paired
 * with. Derived once per key and page.
 */
import { deriveKeys, parseLibraryKey } from '../../../protocol/library-key.ts'

const derived = new Map<string, Promise<string>>()

export function credentialFor (libraryKey: string): Promise<string> {
  let credential = derived.get(libraryKey)
  if (!credential) {
    credential = deriveKeys(parseLibraryKey(libraryKey)).then(keys => keys.credential)
    derived.set(libraryKey, credential)
  }
  return credential
}
