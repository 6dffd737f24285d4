/**
 * This device's household membership: the library key it was paired with, read and stored
 * here only. The key lives in the watch-state IndexedDB `meta` store (so the profile's other
 * tabs see a pairing at once, through the store's meta-change events); nothing else in the
 * app reads or writes it there. From the key follow the credential (`household-credential.ts`)
 * and, for React, `useLibraryKey` / `useCredential`.
 */
import { getWatchStateStore } from '../watch-state/open-watch-state.ts'

/** The library key this device holds, or null when it is not paired. */
export async function currentLibraryKey (): Promise<string | null> {
  return (await getWatchStateStore()).libraryKey
}

/** Joins the household: stores `libraryKey` (canonical text form), here and in the profile's other tabs. */
export async function joinHousehold (libraryKey: string): Promise<void> {
  await (await getWatchStateStore()).setLibraryKey(libraryKey)
}
