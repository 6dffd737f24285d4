/**
 * The client against a real HTTP server on loopback: the credential it sends, schema checks,
 * a conditional request's 304, the seed node's refusals, an unreachable server, and a device that is not paired.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createApiClient, NOT_MODIFIED } from '../api-client.ts'

const Reply = z.object({ ok: z.literal(true) })
type Handler = (request: IncomingMessage, response: ServerResponse) => void
const routes = new Map<string, Handler>()
let server: Server
let origin: string

function json (response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(body)
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const handler = routes.get(request.url ?? '')
    if (handler) handler(request, response)
    else json(response, 404, JSON.stringify({ error: 'HEARTH_E_NOT_FOUND', message: 'no such endpoint' }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  routes.set('/echo-auth', (request, response) => json(response, 200, JSON.stringify({ ok: request.headers.authorization === 'Bearer s3cret' })))
  routes.set('/ok', (_request, response) => json(response, 200, '{"ok":true}'))
  routes.set('/tagged', (request, response) => {
    if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end()
    else json(response, 200, '{"ok":true}')
  })
  routes.set('/wrong-shape', (_request, response) => json(response, 200, '{"ok":"yes"}'))
  routes.set('/not-json', (_request, response) => json(response, 200, 'hello'))
  routes.set('/full', (_request, response) => json(response, 507, JSON.stringify({ error: 'HEARTH_E_DISK_FULL', message: 'the disk is full' })))
})

afterAll(async () => {
  await new Promise<void>(resolve => server.close(() => resolve()))
})

describe('createApiClient', () => {
  const client = (): ReturnType<typeof createApiClient> => createApiClient({ origin, credential: async () => 's3cret' })

  it('sends the credential and returns the parsed reply', async () => {
    await expect(client().request({ path: '/echo-auth', reply: z.object({ ok: z.boolean() }) })).resolves.toEqual({ ok: true })
    await expect(client().request({ path: '/ok', reply: Reply })).resolves.toEqual({ ok: true })
  })
  it('answers NOT_MODIFIED to a 304 for the ETag it sent, and the parsed reply otherwise', async () => {
    await expect(client().requestIfChanged({ path: '/tagged', reply: Reply }, '"v1"')).resolves.toBe(NOT_MODIFIED)
    await expect(client().requestIfChanged({ path: '/tagged', reply: Reply }, '"v0"')).resolves.toEqual({ ok: true })
  })
  it('refuses a reply that does not match the schema, or is not JSON', async () => {
    await expect(client().request({ path: '/wrong-shape', reply: Reply })).rejects.toMatchObject({ code: 'HEARTH_E_BAD_REPLY', message: expect.stringMatching(/^The home server sent an unexpected reply \(ok: /) })
    await expect(client().request({ path: '/not-json', reply: Reply })).rejects.toMatchObject({ code: 'HEARTH_E_BAD_REPLY', message: 'The home server sent a reply that is not JSON.' })
  })
  it('passes on the seed node\'s refusal', async () => {
    await expect(client().request({ path: '/full', reply: Reply })).rejects.toMatchObject({ code: 'HEARTH_E_DISK_FULL', message: 'The disk is full.' })
    await expect(client().request({ path: '/gone', reply: Reply, purpose: { action: 'make share links', feature: 'sharing' } }))
      .rejects.toMatchObject({ code: 'HEARTH_E_NOT_FOUND', message: 'This home server does not offer sharing; update the seed node.' })
  })
  it('says the server cannot be reached when nothing listens', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(resolve => closed.close(() => resolve()))
    const unreachable = createApiClient({ origin: `http://127.0.0.1:${port}`, credential: async () => 's3cret' })
    await expect(unreachable.request({ path: '/ok', reply: Reply })).rejects.toMatchObject({ code: 'HEARTH_E_NETWORK' })
  })
  it('rethrows the caller\'s own abort as it is', async () => {
    const abort = new AbortController()
    abort.abort()
    await expect(client().request({ path: '/ok', reply: Reply, signal: abort.signal })).rejects.toMatchObject({ name: 'AbortError' })
  })
  it('does not ask the network without a credential', async () => {
    let asked = false
    routes.set('/counted', (_request, response) => { asked = true; json(response, 200, '{"ok":true}') })
    const unpaired = createApiClient({ origin, credential: async () => null })
    await expect(unpaired.request({ path: '/counted', reply: Reply, purpose: { action: 'manage downloads', feature: 'downloads' } }))
      .rejects.toMatchObject({ code: 'HEARTH_E_UNAUTHENTICATED', message: 'This device is not paired with the household, so it cannot manage downloads.' })
    expect(asked).toBe(false)
  })
})
