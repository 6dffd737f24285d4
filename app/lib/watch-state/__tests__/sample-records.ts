import type { CatalogItem } from '../../../../protocol/catalog.ts'
import type { WatchRecord } from '../../../../protocol/watch-record.ts'

export function itemId (n: number): string {
  return n.toString(16).padStart(40, '0')
}

export function record (n: number, fields: Partial<WatchRecord> = {}): WatchRecord {
  return {
    itemId: itemId(n),
    profile: 'household',
    positionSec: 60,
    durationSec: 600,
    finished: false,
    hlc: { wallMs: 1_700_000_000_000 + n, counter: 0, deviceId: 'device-aaaa' },
    deviceId: 'device-aaaa',
    ...fields
  }
}

export function catalogItem (n: number, fields: Partial<CatalogItem> = {}): CatalogItem {
  return { id: itemId(n), title: `Item ${n}`, durationSec: 600, ...fields } as CatalogItem
}
