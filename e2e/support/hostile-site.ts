/**
 * A page on another origin that fires wrong tokens at a seed node, as any web page a household
 * member visits could: six `<img>` web-seed guesses and six tracker WebSockets. None of it may
 * earn the visitor (or the owner behind the same address) a ban.
 */
import http from 'node:http'

export interface HostileSite { url: string, close: () => Promise<void> }

/**
 * `target` is the seed node as the page names it (`http://127.0.0.1:8787`); the page is
 * served from `listenAddress` and reached as `pageHost` (another origin than the target).
 */
export async function startHostileSite (target: URL, listenAddress: string, pageHost: string): Promise<HostileSite> {
  const webSocketScheme = target.protocol === 'https:' ? 'wss:' : 'ws:'
  const zeros = '0'.repeat(40)
  const images = Array.from({ length: 6 }, (_, i) => `<img src="${target.origin}/webseed/guess${i}${'x'.repeat(40)}/${zeros}/a.mp4">`).join('')
  const script = `for (let i = 0; i < 6; i++) { const ws = new WebSocket('${webSocketScheme}//${target.host}/announce/guess' + i + '${'y'.repeat(40)}'); ws.onerror = () => {} }`
  const html = `<!doctype html><title>Not Hearth</title>${images}<script>${script}</script>`
  const server = http.createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end(html) })
  await new Promise<void>(resolve => server.listen(0, listenAddress, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://${pageHost}:${port}/`,
    close: async () => {
      // The visiting browser keeps its connection alive; without this, close waits for it.
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
