/**
 * Sharing one film with a friend: a share magnet from the household's seed node works in a
 * stock WebTorrent client that is not our app, for that film alone, until "Stop sharing".
 */
import { test, expect, type Page } from '@playwright/test'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { SAMPLE_LIBRARY } from '../seed-node/testing/seed-node-process.ts'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { startFriendSite, type FriendSite } from './support/friend-page.ts'

const node = useSeedNode({ args: ['--no-web-seed'] })
let friendSite: FriendSite

test.beforeAll(async () => { friendSite = await startFriendSite() })
test.afterAll(async () => { await friendSite?.close() })

async function shareMagnet (infoHash: string): Promise<string> {
  const res = await fetch(`${node.url}/api/share/${infoHash}`, { headers: { authorization: `Bearer ${node.credential}` } })
  expect(res.status).toBe(200)
  return ((await res.json()) as { magnet: string }).magnet
}

interface FriendOutcome { sha256?: string, warnings: string[], downloaded: number, peers: number }

/** In the friend's page: add the magnet to a stock client; resolve with the file's hash when done, or with what happened by `giveUpMs`. */
async function fetchInFriendPage (page: Page, magnet: string, giveUpMs: number): Promise<FriendOutcome> {
  await page.goto(friendSite.url)
  return await page.evaluate(async ({ magnet, giveUpMs }) => {
    const { default: WebTorrent } = await import('/webtorrent.min.js' as string) as { default: new (opts: unknown) => any } // eslint-disable-line @typescript-eslint/no-explicit-any -- the stock bundle is untyped on purpose: it is not our code
    const client = new WebTorrent({ tracker: { rtcConfig: { iceServers: [] } } })
    const warnings: string[] = []
    return await new Promise<{ sha256?: string, warnings: string[], downloaded: number, peers: number }>(resolve => {
      const torrent = client.add(magnet)
      torrent.on('warning', (err: Error | string) => warnings.push(String(err instanceof Error ? err.message : err)))
      const timer = setTimeout(() => resolve({ warnings, downloaded: torrent.downloaded, peers: torrent.numPeers }), giveUpMs)
      torrent.on('done', async () => {
        clearTimeout(timer)
        const bytes = await torrent.files[0].arrayBuffer()
        const digest = await crypto.subtle.digest('SHA-256', bytes)
        resolve({ sha256: [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join(''), warnings, downloaded: torrent.downloaded, peers: torrent.numPeers })
      })
    })
  }, { magnet, giveUpMs })
}

test('a share link fetches its film in a stock WebTorrent client, byte for byte', async ({ page }) => {
  const item = await itemByMediaPath(node, 'Colour Bars at Dusk (2026).mp4')
  const magnet = await shareMagnet(item.id)
  expect(magnet).not.toContain(node.credential) // the household credential never leaves in a share link
  const outcome = await fetchInFriendPage(page, magnet, 60 * 1000)
  const original = await readFile(path.join(SAMPLE_LIBRARY, 'Films', 'Colour Bars at Dusk (2026).mp4'))
  expect(outcome.sha256).toBe(createHash('sha256').update(original).digest('hex'))
})

test('the same share token cannot announce any other item', async ({ page }) => {
  const shared = await itemByMediaPath(node, 'Colour Bars at Dusk (2026).mp4')
  const other = await itemByMediaPath(node, 'A Life in Cells (2025).webm')
  const magnet = (await shareMagnet(shared.id)).replace(shared.id, other.id)
  const outcome = await fetchInFriendPage(page, magnet, 8 * 1000)
  expect(outcome.sha256).toBeUndefined()
  expect(outcome.downloaded).toBe(0)
  expect(outcome.warnings.join('\n')).toContain(`does not admit info_hash ${other.id}`)
})

test('after Stop sharing, an old share link no longer works', async ({ page }) => {
  const item = await itemByMediaPath(node, 'Test Pattern Show - S01E01 - Pilot.mp4')
  const magnet = await shareMagnet(item.id)
  const rotate = await fetch(`${node.url}/api/share/rotate`, { method: 'POST', headers: { authorization: `Bearer ${node.credential}` } })
  expect(rotate.status).toBe(200)
  const outcome = await fetchInFriendPage(page, magnet, 8 * 1000)
  expect(outcome.sha256).toBeUndefined()
  expect(outcome.downloaded).toBe(0)
  expect(outcome.peers).toBe(0)
  // And a fresh link for the same film works again.
  const fresh = await fetchInFriendPage(page, await shareMagnet(item.id), 60 * 1000)
  expect(fresh.sha256).toMatch(/^[0-9a-f]{64}$/)
})
