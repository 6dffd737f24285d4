/**
 * A friend's browser that is not Hearth: a blank page on its own origin that loads the
 * `webtorrent` package's own browser bundle, as any WebTorrent-based player would.
 */
import http from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { REPO_ROOT } from '../../seed-node/testing/seed-node-process.ts'

export interface FriendSite { url: string, close: () => Promise<void> }

export async function startFriendSite (): Promise<FriendSite> {
  const bundle = await readFile(path.join(REPO_ROOT, 'node_modules/webtorrent/dist/webtorrent.min.js'))
  const server = http.createServer((req, res) => {
    if (req.url === '/webtorrent.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle)
      return
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>A friend\'s player</title><p>stock WebTorrent</p>')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  // `localhost` is a different origin from the seed node's 127.0.0.1, and still a secure context.
  return { url: `http://localhost:${port}/`, close: async () => { server.closeAllConnections(); await new Promise<void>(resolve => server.close(() => resolve())) } }
}
