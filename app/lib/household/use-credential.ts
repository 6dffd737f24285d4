/**
 * The household credential for React: `undefined` while the key store opens or the
 * credential is derived, `null` when this device is not paired.
 */
import { useEffect, useState } from 'react'
import { useLibraryKey } from './use-library-key.ts'
import { credentialFor } from './household-credential.ts'

export function useCredential (): string | null | undefined {
  const libraryKey = useLibraryKey()
  const [derived, setDerived] = useState<{ libraryKey: string, credential: string } | null>(null)
  useEffect(() => {
    if (libraryKey === undefined || libraryKey === null) return
    let cancelled = false
    credentialFor(libraryKey).then(
      credential => { if (!cancelled) setDerived({ libraryKey, credential }) },
      (err: unknown) => console.error('[hearth] could not derive the household credential', err)
    )
    return () => { cancelled = true }
  }, [libraryKey])
  if (libraryKey === undefined || libraryKey === null) return libraryKey
  return derived?.libraryKey === libraryKey ? derived.credential : undefined
}
