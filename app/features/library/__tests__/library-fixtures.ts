import type { CatalogItem } from '../../../../protocol/catalog.ts'
import type { WatchRecord } from '../../../../protocol/watch-record.ts'

let counter = 0

export function item (title: string, extra: Partial<CatalogItem> = {}): CatalogItem {
  counter++
  return {
    id: counter.toString(16).padStart(40, '0'),
    title,
    kind: extra.series ? 'episode' : 'film',
    series: null,
    mediaPath: 'x.mp4',
    sizeBytes: 1,
    durationSec: 100,
    mimeType: 'video/mp4',
    container: 'mp4',
    videoCodec: null,
    audioCodec: null,
    subtitles: [],
    magnet: 'magnet:?xt=urn:btih:0',
    posterUrl: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    availability: 'online',
    ...extra
  }
}

export function episode (show: string, season: number, number: number, title = `Episode ${number}`, addedAt?: string): CatalogItem {
  return item(title, { series: { name: show, season, episode: number }, ...(addedAt === undefined ? {} : { addedAt }) })
}

let tick = 0

export function record (target: CatalogItem, state: 'finished' | 'started'): WatchRecord {
  tick++
  return {
    itemId: target.id,
    profile: 'default',
    positionSec: state === 'finished' ? 100 : 30,
    durationSec: 100,
    finished: state === 'finished',
    hlc: { wallMs: 1_700_000_000_000 + tick, counter: 0, deviceId: 'd'.repeat(16) },
    deviceId: 'd'.repeat(16)
  }
}
