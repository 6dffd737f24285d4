/**
 * Every HTTP call the benchmarks make to a seed node goes through here, so the household
 * credential (derived from the library key in the pairing link) rides along as
 * `Authorization: Bearer <credential>` whenever a pairing link is known.
 */
import { deriveKeys, parseLibraryKey } from '../../protocol/library-key.ts'
import { parseCatalog, type CatalogItem } from '../../protocol/catalog.ts'

const credentials = new Map<string, Promise<string>>()

export async function credentialFromPairingLink (pairingLink: string): Promise<string> {
  let credential = credentials.get(pairingLink)
  if (!credential) {
    const key = new URL(pairingLink).hash.replace(/^#/, '')
    const text = new URLSearchParams(key).get('key') ?? key
    credential = deriveKeys(parseLibraryKey(text)).then(keys => keys.credential)
    credentials.set(pairingLink, credential)
  }
  return await credential
}

export async function seedNodeFetch (baseUrl: string, pathname: string, pairingLink?: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (pairingLink) headers.set('authorization', `Bearer ${await credentialFromPairingLink(pairingLink)}`)
  return await fetch(new URL(pathname, baseUrl), { ...init, headers })
}

export async function seedNodeJson<T> (baseUrl: string, pathname: string, pairingLink?: string): Promise<T> {
  const res = await seedNodeFetch(baseUrl, pathname, pairingLink)
  if (!res.ok) throw new Error(`GET ${pathname} answered ${res.status}: ${(await res.text()).slice(0, 200)}`)
  return await res.json() as T
}

export async function fetchCatalog (baseUrl: string, pairingLink?: string): Promise<CatalogItem[]> {
  return parseCatalog(await seedNodeJson(baseUrl, '/api/catalog', pairingLink)).items
}
