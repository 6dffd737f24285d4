/**
 * The last catalog this device saw, kept in IndexedDB (through `idb`) so the library is drawn
 * at once on the next start, before the network answers, and even when it does not (offline).
 * One entry per household, keyed by a digest of the library key (never the key itself). The
 * catalog is stored as its JSON text, which reads back faster than thousands of cloned
 * objects, and is parsed on the way back like any other input: a damaged entry is dropped.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { parseCatalog, type Catalog } from '../../../protocol/catalog.ts'

/**
 * Not `hearth-catalog`: that is the service worker's cache of `/api/catalog`, and Workbox's
 * expiration plugin deletes any IndexedDB database named like its cache (an old format).
 */
export const CATALOG_CACHE_DB_NAME = 'hearth-catalog-cache'
const CATALOG_CACHE_DB_VERSION = 1
/** Hex digits of the library key's SHA-256 that name its entry. */
const KEY_DIGEST_HEX = 32

interface CachedCatalog {
  json: string
  savedAt: number
}

interface CatalogCacheSchema extends DBSchema {
  catalogs: { key: string, value: CachedCatalog }
}

let opened: Promise<IDBPDatabase<CatalogCacheSchema>> | null = null

function database (): Promise<IDBPDatabase<CatalogCacheSchema>> {
  opened ??= openDB<CatalogCacheSchema>(CATALOG_CACHE_DB_NAME, CATALOG_CACHE_DB_VERSION, {
    upgrade (db) {
      db.createObjectStore('catalogs')
    },
    blocking () {
      console.warn('[hearth] the catalog cache is being upgraded by another tab; reload this one')
    }
  })
  return opened
}

async function entryKey (libraryKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`hearth catalog cache\u0000${libraryKey}`))
  return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, '0')).join('').slice(0, KEY_DIGEST_HEX)
}

/** The cached catalog of this household, or null (none, unreadable, or damaged: then dropped). */
export async function readCachedCatalog (libraryKey: string): Promise<Catalog | null> {
  try {
    const db = await database()
    const key = await entryKey(libraryKey)
    const entry = await db.get('catalogs', key)
    if (entry === undefined) return null
    try {
      return parseCatalog(JSON.parse(entry.json))
    } catch (err) {
      console.warn('[hearth] the cached catalog is damaged; it is dropped and loaded again', err)
      await db.delete('catalogs', key)
      return null
    }
  } catch (err) {
    // Private browsing or a full disk: the app works without the cache, only slower to start.
    console.warn('[hearth] the catalog cache cannot be read', err)
    return null
  }
}

export async function writeCachedCatalog (libraryKey: string, catalog: Catalog): Promise<void> {
  try {
    const db = await database()
    await db.put('catalogs', { json: JSON.stringify(catalog), savedAt: Date.now() }, await entryKey(libraryKey))
  } catch (err) {
    console.warn('[hearth] the catalog could not be cached for the next start', err)
  }
}
