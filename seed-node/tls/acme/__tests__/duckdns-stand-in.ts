/**
 * A local HTTP server standing in for https://www.duckdns.org's update API, for tests: it
 * records every request and answers as DuckDNS does (`OK`, or `KO` for a wrong token or a
 * domain the token does not own). `onUpdate` lets a test carry a TXT update on to
 * challtestsrv, so pebble sees it.
 */
import http from 'node:http'

export interface DuckDnsCall { path: string, params: Record<string, string> }

export interface DuckDnsStandIn {
  baseUrl: string
  calls: DuckDnsCall[]
  /** Next answers, instead of the computed one: `{ status, body }`. */
  script: Array<{ status: number, body: string }>
  close (): Promise<void>
}

export async function startDuckDnsStandIn (owned: { token: string, subdomain: string }, onUpdate: (params: Record<string, string>) => Promise<void> = async () => {}): Promise<DuckDnsStandIn> {
  const calls: DuckDnsCall[] = []
  const script: Array<{ status: number, body: string }> = []
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in')
    const params = Object.fromEntries(url.searchParams)
    calls.push({ path: url.pathname, params })
    const scripted = script.shift()
    const answer = async (): Promise<{ status: number, body: string }> => {
      if (scripted !== undefined) return scripted
      if (url.pathname !== '/update' || params.token !== owned.token || params.domains !== owned.subdomain) return { status: 200, body: 'KO' }
      await onUpdate(params)
      return { status: 200, body: 'OK' }
    }
    answer().then(({ status, body }) => { response.writeHead(status, { 'content-type': 'text/plain' }).end(body) },
      (err: unknown) => { response.writeHead(500).end(String(err)) })
  })
  await new Promise<void>(resolve => { server.listen(0, '127.0.0.1', resolve) })
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    calls,
    script,
    close: () => new Promise<void>(resolve => { server.close(() => { resolve() }) })
  }
}
