/**
 * Top-level screen switch: library or player (once the catalog is loaded), a live channel (a lazy chunk; a friend's
 * shared channel also on a device that is not paired), "Add a device",
 * "Downloads" (a lazy chunk), or `/open` (a magnet link, which also plays on a device that is
 * not paired), by route; plus the toast that reports a pairing link's outcome, and the dialog
 * that asks before a link moves this device to another household. An item whose
 * file the home server cannot read (offline) is explained instead of opening a player.
 * The shell is where features meet: a page takes another feature's parts through slots
 * (`settings`, `unpaired`, `renderPlayer`, …), filled here and in `library-screen.tsx` and
 * `player-screen.tsx`.
 */
import { lazy, Suspense, useCallback, useState } from 'react'
import type { CatalogItem } from '../../protocol/catalog.ts'
import { useCatalog } from '../lib/catalog/use-catalog.ts'
import { AppHeader } from './app-header.tsx'
import { LibraryRoutes } from './library-routes.tsx'
import { LiveGuestScreen, LiveScreen } from './live-screen.tsx'
import { OpenedPlayer } from './player-screen.tsx'
import { WatchScreen } from './watch-screen.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { Toast, type ToastMessage } from '../components/toast.tsx'
import { MagnetHandlerSection } from '../features/open/components/magnet-handler-section.tsx'
import { OpenMagnetPage } from '../features/open/components/open-magnet-page.tsx'
import { DevicesPage } from '../features/pairing/components/devices-page.tsx'
import { PairThisDevice } from '../features/pairing/components/pair-this-device.tsx'
import { SwitchHouseholdDialog } from '../features/pairing/components/switch-household-dialog.tsx'
import { StopSharingSection } from '../features/sharing/components/stop-sharing-section.tsx'
import type { PairingCapture } from '../lib/household/pairing-fragment.ts'
import { useJoinHousehold } from '../lib/household/use-join-household.ts'
import { cameFromInsideApp, useRoute } from '../lib/routing/use-route.ts'

const DownloadsPage = lazy(async () => await import('../features/downloads/components/downloads-page.tsx').then(module => ({ default: module.DownloadsPage })))

export function App ({ pairing }: { pairing: PairingCapture }) {
  const { route, navigate } = useRoute()
  const { state, retry, reload } = useCatalog()
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const notify = useCallback((tone: ToastMessage['tone'], text: string) => setToast({ id: Date.now(), tone, text }), [])
  const dismissToast = useCallback(() => setToast(null), [])
  const householdSwitch = useJoinHousehold(pairing, notify)
  const goHome = (): void => navigate({ name: 'library' })
  const openMagnet = (magnet: string): void => navigate({ name: 'open', search: { status: 'found', magnet } })
  // The next episode takes the current one's place in history: Back leads out of the player.
  const playInstead = useCallback((item: CatalogItem) => navigate({ name: 'watch', itemId: item.id }, { replace: true }), [navigate])
  return (
    <>
      <AppHeader onHome={goHome} onDevices={() => navigate({ name: 'devices' })} onDownloads={() => navigate({ name: 'downloads' })} onOpenMagnet={openMagnet} />
      {renderScreen()}
      {householdSwitch.pending && <SwitchHouseholdDialog checking={householdSwitch.checking} onConfirm={householdSwitch.confirm} onCancel={householdSwitch.cancel} />}
      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  )

  function renderScreen () {
    if (route.name === 'devices') return <DevicesPage onHome={goHome} settings={<><StopSharingSection /><MagnetHandlerSection /></>} />
    if (route.name === 'not-found') {
      return <StatusMessage tone='error' title='Page not found' action={{ label: 'Go to the library', onClick: goHome }}>Nothing lives at {route.path}.</StatusMessage>
    }
    if (route.name === 'open') return (
        <OpenMagnetPage search={route.search} catalog={state} onOpen={openMagnet} renderPlayer={opened => <OpenedPlayer opened={opened} onBack={goBack} />} />
      )
    // Before the pairing check: a friend's link plays on a device that is not (and will not be) paired.
    if (route.name === 'live-guest') return <LiveGuestScreen channelId={route.channelId} />
    if (state.status === 'unpaired') return <PairThisDevice />
    if (route.name === 'downloads') {
      return (
        <Suspense fallback={<StatusMessage tone='loading' title='Opening Downloads…' />}>
          <DownloadsPage catalog={state.status === 'ready' ? state.catalog : null} onCatalogChanged={reload} onOpenItem={itemId => navigate({ name: 'watch', itemId })} unpaired={<PairThisDevice />} />
        </Suspense>
      )
    }
    if (route.name === 'live') return <LiveScreen channelId={route.channelId} onBack={goBack} />
    if (state.status === 'loading') return <StatusMessage tone='loading' title='Loading your library…' />
    if (state.status === 'error') {
      return <StatusMessage tone='error' title='The library could not be loaded' action={{ label: 'Retry', onClick: retry }}>{state.message}</StatusMessage>
    }
    if (route.name === 'library' || route.name === 'show') {
      return <LibraryRoutes route={route} catalog={state.catalog} navigate={navigate} onBack={goBack} onHome={goHome} onLibraryChanged={reload} />
    }
    return <WatchScreen itemId={route.itemId} items={state.catalog.items} onHome={goHome} onBack={goBack} onOpen={extra => navigate({ name: 'watch', itemId: extra.id })} onPlay={playInstead} />
  }

  function goBack (): void {
    // Came from the library in this tab: go back in history so Back/Forward stay natural.
    if (cameFromInsideApp()) window.history.back()
    else goHome()
  }
}
