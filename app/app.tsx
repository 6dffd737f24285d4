/**
 * Top-level screen switch: library or player (once the catalog is loaded) or "Add a device",
 * by route; plus the toast that reports a pairing link's outcome.
 */
import { useCallback, useState } from 'react'
import { useCatalog } from './catalog/use-catalog.ts'
import { AppHeader } from './components/app-header.tsx'
import { StatusMessage } from './components/status-message.tsx'
import { Toast, type ToastMessage } from './components/toast.tsx'
import { LibraryPage } from './library/components/library-page.tsx'
import { DevicesPage } from './pairing/components/devices-page.tsx'
import { PairThisDevice } from './pairing/components/pair-this-device.tsx'
import type { PairingCapture } from './pairing/pairing-fragment.ts'
import { useJoinHousehold } from './pairing/use-join-household.ts'
import { PlayerPage } from './player/components/player-page.tsx'
import { cameFromInsideApp, useRoute } from './routing/use-route.ts'

export function App ({ pairing }: { pairing: PairingCapture }) {
  const { route, navigate } = useRoute()
  const { state, retry } = useCatalog()
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const notify = useCallback((tone: ToastMessage['tone'], text: string) => setToast({ id: Date.now(), tone, text }), [])
  const dismissToast = useCallback(() => setToast(null), [])
  useJoinHousehold(pairing, notify)
  const goHome = (): void => navigate({ name: 'library' })
  return (
    <>
      <AppHeader onHome={goHome} onDevices={() => navigate({ name: 'devices' })} />
      {renderScreen()}
      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  )

  function renderScreen () {
    if (route.name === 'devices') return <DevicesPage onHome={goHome} />
    if (route.name === 'not-found') {
      return <StatusMessage tone='error' title='Page not found' action={{ label: 'Go to the library', onClick: goHome }}>Nothing lives at {route.path}.</StatusMessage>
    }
    if (state.status === 'unpaired') return <PairThisDevice />
    if (state.status === 'loading') return <StatusMessage tone='loading' title='Loading your library…' />
    if (state.status === 'error') {
      return <StatusMessage tone='error' title='The library could not be loaded' action={{ label: 'Retry', onClick: retry }}>{state.message}</StatusMessage>
    }
    if (route.name === 'library') {
      return <LibraryPage catalog={state.catalog} onOpen={item => navigate({ name: 'watch', itemId: item.id })} />
    }
    const item = state.catalog.items.find(candidate => candidate.id === route.itemId)
    if (!item) {
      return <StatusMessage tone='error' title='Not in the library' action={{ label: 'Go to the library', onClick: goHome }}>This item is no longer in the catalog.</StatusMessage>
    }
    return <PlayerPage key={item.id} item={item} onBack={goBack} />
  }

  function goBack (): void {
    // Came from the library in this tab: go back in history so Back/Forward stay natural.
    if (cameFromInsideApp()) window.history.back()
    else goHome()
  }
}
