/**
 * `/open`: a magnet link from the paste field, the `magnet:` protocol handler or the share
 * target. A bad or missing link is explained (test id `magnet-error`) beside a paste field;
 * a good one plays: as the library item when its infohash is in the catalog (so watch state
 * is kept), else as a foreign magnet with only its own trackers (plus the household's when
 * this device is paired). The player itself comes from the shell (`renderPlayer`).
 */
import { useMemo, type ReactNode } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import type { CatalogState } from '../../../lib/catalog/use-catalog.ts'
import { StatusMessage } from '../../../components/status-message.tsx'
import { useCredential } from '../../../lib/household/use-credential.ts'
import type { MagnetSearch } from '../../../../protocol/magnet/find-magnet.ts'
import { MagnetError, parseMagnet, type ParsedMagnet } from '../../../../protocol/magnet/parse-magnet.ts'
import { syncTrackerUrl } from '../../../lib/watch-state/sync-tracker-url.ts'
import { MagnetForm } from '../../../components/magnet-form.tsx'

/** What to play for a good link: the library item with its infohash, or the link itself. */
export type OpenedMagnet =
  | { readonly kind: 'library', readonly item: CatalogItem }
  | {
    readonly kind: 'magnet'
    readonly magnet: ParsedMagnet
    /** The household tracker, on a paired device (so household devices that have it can help). */
    readonly householdTracker: string | null
    /** What was left out of the link, to show beside the player. */
    readonly notice: string | null
  }

interface OpenMagnetPageProps {
  search: MagnetSearch
  catalog: CatalogState
  onOpen: (magnet: string) => void
  /** The player for what was opened; `opened` stays the same object while the link does. */
  renderPlayer: (opened: OpenedMagnet) => ReactNode
}

export function OpenMagnetPage ({ search, catalog, onOpen, renderPlayer }: OpenMagnetPageProps) {
  const parsed = useMemo(() => parseSearch(search), [search])
  if (parsed.status === 'empty') return <MagnetPrompt onOpen={onOpen} />
  if (parsed.status === 'error') return <MagnetPrompt onOpen={onOpen} error={parsed.message} initialValue={parsed.input} />
  return <MagnetPlayer key={parsed.magnet.infoHash} magnet={parsed.magnet} catalog={catalog} renderPlayer={renderPlayer} />
}

interface MagnetPlayerProps {
  magnet: ParsedMagnet
  catalog: CatalogState
  renderPlayer: (opened: OpenedMagnet) => ReactNode
}

function MagnetPlayer ({ magnet, catalog, renderPlayer }: MagnetPlayerProps) {
  const credential = useCredential()
  const libraryItem = catalog.status === 'ready' ? catalog.catalog.items.find(item => item.id === magnet.infoHash) ?? null : null
  const waiting = credential === undefined || (credential !== null && catalog.status === 'loading')
  // Memoised: a new object would restart the stream.
  const opened = useMemo((): OpenedMagnet | null => {
    if (waiting) return null
    if (libraryItem) return { kind: 'library', item: libraryItem }
    return {
      kind: 'magnet',
      magnet,
      householdTracker: typeof credential === 'string' ? syncTrackerUrl(window.location, credential) : null,
      notice: magnet.ignored.length > 0 ? `Left out of the link: ${magnet.ignored.join('; ')}.` : null
    }
  }, [waiting, libraryItem, magnet, credential])
  if (opened === null) return <StatusMessage tone='loading' title='Opening the magnet link…' />
  return <>{renderPlayer(opened)}</>
}

function MagnetPrompt ({ onOpen, error, initialValue }: { onOpen: (magnet: string) => void, error?: string, initialValue?: string }) {
  return (
    <main className='open-magnet'>
      <h1 className='open-magnet__title'>Open a magnet link</h1>
      <p className='open-magnet__text'>Paste a magnet link to stream it here. Only the peers and trackers the link names are asked (and your home server, on a paired device); Hearth never adds public trackers.</p>
      <MagnetForm
        key={`${initialValue ?? ''}|${error ?? ''}`}
        submitLabel='Open'
        onSubmit={onOpen}
        initialValue={initialValue}
        initialError={error}
        autoFocus
      />
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
