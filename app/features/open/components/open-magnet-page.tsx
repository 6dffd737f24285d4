/**
 * `/open`: a magnet link from the paste field, the `magnet:` protocol handler or the share
 * target. A bad or missing link is explained (test id `magnet-error`) beside a paste field;
 * a good one plays: as the library item when its infohash is in the catalog (so watch state
 * is kept), else as a foreign magnet with only its own trackers (plus the household's when
 * this device is paired).
 */
import { useMemo } from 'react'
import type { CatalogState } from '../../../lib/catalog/use-catalog.ts'
import { StatusMessage } from '../../../components/status-message.tsx'
import { useHouseholdCredential } from '../../../lib/household/use-household-credential.ts'
import type { MagnetSearch } from '../../../../protocol/magnet/find-magnet.ts'
import { MagnetError, parseMagnet, type ParsedMagnet } from '../../../../protocol/magnet/parse-magnet.ts'
import { PlayerPage } from '../../player/components/player-page.tsx'
import { librarySource, magnetSource } from '../../player/playable-source.ts'
import { syncTrackerUrl } from '../../../lib/watch-state/sync-tracker-url.ts'
import { MagnetForm } from './magnet-form.tsx'

interface OpenMagnetPageProps {
  search: MagnetSearch
  catalog: CatalogState
  onOpen: (magnet: string) => void
  onBack: () => void
}

export function OpenMagnetPage ({ search, catalog, onOpen, onBack }: OpenMagnetPageProps) {
  const parsed = useMemo(() => parseSearch(search), [search])
  if (parsed.status === 'empty') return <MagnetPrompt onOpen={onOpen} />
  if (parsed.status === 'error') return <MagnetPrompt onOpen={onOpen} error={parsed.message} initialValue={parsed.input} />
  return <MagnetPlayer key={parsed.magnet.infoHash} magnet={parsed.magnet} catalog={catalog} onBack={onBack} />
}

function MagnetPlayer ({ magnet, catalog, onBack }: { magnet: ParsedMagnet, catalog: CatalogState, onBack: () => void }) {
  const credential = useHouseholdCredential()
  const libraryItem = catalog.status === 'ready' ? catalog.catalog.items.find(item => item.id === magnet.infoHash) ?? null : null
  const waiting = credential === undefined || (credential !== null && catalog.status === 'loading')
  const source = useMemo(() => {
    if (waiting) return null
    if (libraryItem) return librarySource(libraryItem)
    return magnetSource(magnet, typeof credential === 'string' ? syncTrackerUrl(window.location, credential) : null)
  }, [waiting, libraryItem, magnet, credential])
  if (source === null) return <StatusMessage tone='loading' title='Opening the magnet link…' />
  const notice = libraryItem === null && magnet.ignored.length > 0
    ? `Left out of the link: ${magnet.ignored.join('; ')}.`
    : null
  return <PlayerPage source={source} onBack={onBack} notice={notice} />
}

function MagnetPrompt ({ onOpen, error, initialValue }: { onOpen: (magnet: string) => void, error?: string, initialValue?: string }) {
  return (
    <main className='open-magnet'>
      <h1 className='open-magnet__title'>Open a magnet link</h1>
      <p className='open-magnet__text'>Paste a magnet link to stream it here. Only the peers and trackers the link names are asked (and your home server, on a paired device); Hearth never adds public trackers.</p>
      <MagnetForm key={`${initialValue ?? ''}|${error ?? ''}`} onOpen={onOpen} initialValue={initialValue} initialError={error} autoFocus />
    </main>
  )
}

type ParsedSearch =
  | { readonly status: 'empty' }
  | { readonly status: 'error', readonly message: string, readonly input: string }
  | { readonly status: 'ok', readonly magnet: ParsedMagnet }

function parseSearch (search: MagnetSearch): ParsedSearch {
  if (search.status === 'empty') return { status: 'empty' }
  if (search.status === 'no-magnet') {
    return { status: 'error', message: `What was shared with Hearth holds no magnet link (it starts “${search.received.slice(0, 80)}”).`, input: '' }
  }
  try {
    return { status: 'ok', magnet: parseMagnet(search.magnet) }
  } catch (err) {
    return { status: 'error', message: err instanceof MagnetError ? `${err.message} (${err.code})` : String(err), input: search.magnet.slice(0, 8 * 1024) }
  }
}
