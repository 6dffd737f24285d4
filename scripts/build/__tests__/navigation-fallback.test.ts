import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { NAVIGATION_DENYLIST } from '../service-worker-plugin.ts'

/** Workbox's NavigationRoute tests the denylist against `pathname + search`. */
function servesShell (pathAndQuery: string): boolean {
  return !NAVIGATION_DENYLIST.some(pattern => pattern.test(pathAndQuery))
}

describe('service worker navigation fallback', () => {
  it('serves the app shell for /open, whatever its query holds', () => {
    const magnet = 'magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056&tr=ws%3A%2F%2Fh%2Fannounce%2Fs.x'
    expect(servesShell(`/open?magnet=${encodeURIComponent(magnet)}`)).toBe(true)
    expect(servesShell('/open?title=x&text=see%20%2Fapi%2F&url=')).toBe(true)
  })
  it('never serves it for the API, web seed, tracker or streams', () => {
    for (const path of ['/api/catalog', '/webseed/t/h/f.mp4', '/announce/t', '/webtorrent/abc/f.mp4']) expect(servesShell(path)).toBe(false)
  })
})

describe('manifest', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../../public/manifest.webmanifest', import.meta.url), 'utf8')) as Record<string, unknown>
  it('is a GET share target and the magnet: protocol handler, both on /open', () => {
    expect(manifest.share_target).toEqual({ action: '/open', method: 'GET', params: { title: 'title', text: 'text', url: 'url' } })
    expect(manifest.protocol_handlers).toEqual([{ protocol: 'magnet', url: '/open?magnet=%s' }])
  })
})
