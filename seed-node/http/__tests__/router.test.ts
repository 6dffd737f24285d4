/**
 * The seed node's one route shape, on a real HTTP server with real parts (tracker, household
 * access, an empty library registry): every `/api` route answers a method it does not take
 * with a JSON 405 and an `allow` header; unknown API paths are JSON 404s; a thrown ApiError
 * is answered with its status; an unexpected throw is a logged 500; a body past its cap is 413.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import http from 'node:http'
import { Socket } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ApiErrorBody } from '../../../protocol/api/api-error.ts'
import type { StatusReply } from '../../../protocol/api/status.ts'
import { runtimeStats } from '../../lib/runtime-stats.ts'
import { webrtcStats } from '../../webrtc/webrtc-runtime.ts'
import { createTracker, type HearthTracker } from '../../../tracker/tracker-server.ts'
import { HouseholdAccess } from '../../access/household-access.ts'
import { EditionService } from '../../editions/edition-service.ts'
import { ArtworkService } from '../../artwork/artwork-service.ts'
import { LibraryRegistry } from '../../library/library-registry.ts'
import { createLogger, type LogLevel } from '../../lib/log.ts'
import { LiveChannels } from '../../live/live-channels.ts'
import { apiRoutes, createHttpServer, listen, type HttpServerDeps } from '../http-server.ts'
import { parseRequest } from '../request.ts'
import { readJsonBody } from '../request-body.ts'
import { lookup } from '../router.ts'
import { sendError } from '../send-error.ts'
import { jsonAnswer } from '../answer.ts'
import { EmbeddedSubtitleStore } from '../../library/subtitles/embedded-subtitle-store.ts'

const HASH = 'ab'.repeat(20)
const CREDENTIAL = 'household-credential-for-tests'
/** One concrete path per API route pattern, and the methods that path takes. */
const API_SAMPLES: ReadonlyArray<[string, string]> = [
  ['/api/catalog', 'GET, HEAD'],
  [`/api/catalog/${HASH}`, 'GET, HEAD'],
  [`/api/catalog/${HASH}/subtitles/0.vtt`, 'GET, HEAD'],
  [`/api/catalog/${HASH}/art/${'k'.repeat(22)}`, 'GET, HEAD'],
  ['/api/status', 'GET, HEAD'],
  ['/api/reach', 'GET, HEAD'],
  ['/api/share/rotate', 'POST, GET, HEAD'],
  [`/api/share/${HASH}`, 'GET, HEAD'],
  ['/api/downloads', 'GET, HEAD, POST'],
  [`/api/downloads/${HASH}`, 'GET, HEAD, DELETE'],
  [`/api/downloads/${HASH}/pause`, 'POST'],
  [`/api/downloads/${HASH}/resume`, 'POST'],
  [`/api/editions/${HASH}`, 'POST'],
  [`/api/editions/${HASH}/a0-copy/index.m3u8`, 'GET, HEAD'],
  ['/api/live', 'GET, HEAD'],
  [`/api/live/${HASH}/share`, 'GET, HEAD']
]

let scratch: string
let tracker: HearthTracker
let deps: HttpServerDeps
let server: http.Server
let origin: string
let statusFails = false
const logLines: string[] = []

function emptyStatus (): StatusReply {
  if (statusFails) throw new Error('the status source broke')
  return { version: 1, uptimeSec: 0, items: 0, itemsOffline: 0, ingest: null, seeder: null, tracker: {}, sync: null, watchState: null, webSeed: true, webrtc: webrtcStats(), runtime: runtimeStats() }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-router-'))
  const access = await HouseholdAccess.open(scratch, CREDENTIAL)
  tracker = createTracker({ authenticate: token => access.authenticate(token) })
  const log = createLogger('info', (line: string, _level: LogLevel) => { logLines.push(line) })
  deps = {
    config: { appDir: scratch, host: '127.0.0.1', port: 0, libraryName: 'Router test', trackerUrl: null, webSeed: true },
    registry: new LibraryRegistry(),
    tracker,
    access,
    log,
    downloads: () => null,
    editions: new EditionService({ stateDir: scratch, mode: 'off', maxGb: 1, transcodeVideo: false, tools: { ffmpeg: null, ffprobe: null }, registry: new LibraryRegistry(), log }),
    artwork: new ArtworkService({ stateDir: scratch, ffmpeg: false, log }),
    embeddedSubtitles: new EmbeddedSubtitleStore(scratch, log),
    live: LiveChannels.none(),
    status: emptyStatus,
    torrentFile: async () => null,
    reach: () => ({ origins: ['http://127.0.0.1:1'], tls: { mode: 'off', expiresAt: null, warning: null, caFingerprint: null }, onboardingUrl: null })
  }
  server = createHttpServer(deps)
  origin = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}`
})

afterAll(async () => {
  await new Promise<void>(resolve => server.close(() => resolve()))
  await tracker.close()
  await rm(scratch, { recursive: true, force: true })
})

async function call (method: string, pathname: string, body?: string): Promise<{ status: number, allow: string | null, json: unknown }> {
  const res = await fetch(`${origin}${pathname}`, { method, headers: { authorization: `Bearer ${CREDENTIAL}`, 'content-type': 'application/json' }, body })
  const text = await res.text()
  return { status: res.status, allow: res.headers.get('allow'), json: text === '' ? null : JSON.parse(text) }
}

describe('route table', () => {
  it('has a sample path for every /api route, so the checks below cover them all', () => {
    for (const route of apiRoutes(deps)) {
      expect(API_SAMPLES.some(([pathname]) => route.path.test(pathname)), String(route.path)).toBe(true)
    }
  })

  it('tells an unknown path from a method the path does not take', () => {
    const request = (method: string, url: string): ReturnType<typeof parseRequest> => parseRequest(Object.assign(new http.IncomingMessage(new Socket()), { method, url }))
    const routes = apiRoutes(deps)
    expect(lookup(routes, request('HEAD', '/api/status')).kind).toBe('found')
    expect(lookup(routes, request('PUT', '/api/status'))).toEqual({ kind: 'wrong-method', allow: 'GET, HEAD' })
    expect(lookup(routes, request('GET', '/api/nope'))).toEqual({ kind: 'not-found' })
  })
})

describe('seed node HTTP answers', () => {
  it.each(API_SAMPLES)('answers a method %s does not take with a JSON 405 and allow: %s', async (pathname, allow) => {
    for (const method of ['PUT', 'PATCH']) {
      const { status, allow: header, json } = await call(method, pathname)
      expect(status).toBe(405)
      expect(header).toBe(allow)
      expect(ApiErrorBody.parse(json).error).toBe('HEARTH_E_METHOD_NOT_ALLOWED')
    }
  })

  it('answers an unknown API path with a JSON 404, and other paths in plain text', async () => {
    const { status, json } = await call('GET', '/api/nope')
    expect(status).toBe(404)
    expect(ApiErrorBody.parse(json).error).toBe('HEARTH_E_NOT_FOUND')
    const plain = await fetch(`${origin}/index.html`, { method: 'DELETE' })
    expect(plain.status).toBe(405)
    expect(plain.headers.get('allow')).toBe('GET, HEAD')
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/)
  })

  it('answers a thrown ApiError with its status and code', async () => {
    expect(await call('GET', `/api/catalog/${HASH}`)).toMatchObject({ status: 404, json: { error: 'HEARTH_E_UNKNOWN_ITEM' } })
    expect(await call('GET', '/api/share/not-a-hash')).toMatchObject({ status: 400, json: { error: 'HEARTH_E_BAD_INFOHASH' } })
    expect(await call('GET', '/api/downloads')).toMatchObject({ status: 503, json: { error: 'HEARTH_E_STARTING' } })
    expect(await call('GET', '/api/catalog?limit=0')).toMatchObject({ status: 400, json: { error: 'HEARTH_E_BAD_REQUEST' } })
    const anonymous = await fetch(`${origin}/api/status`)
    expect(anonymous.status).toBe(401)
    expect(ApiErrorBody.parse(await anonymous.json()).error).toBe('HEARTH_E_UNAUTHENTICATED')
  })

  it('answers an unexpected failure with a logged 500 HEARTH_E_INTERNAL that keeps the details in the log', async () => {
    statusFails = true
    try {
      const { status, json } = await call('GET', '/api/status')
      expect(status).toBe(500)
      expect(ApiErrorBody.parse(json)).toEqual({ error: 'HEARTH_E_INTERNAL', message: 'internal error, see the seed node log' })
      expect(logLines.some(line => line.includes('http.handler_failed') && line.includes('the status source broke'))).toBe(true)
    } finally {
      statusFails = false
    }
    expect((await call('GET', '/api/status')).status).toBe(200)
  })
})

describe('request bodies', () => {
  const CAP_BYTES = 1024
  let bodyServer: http.Server
  let bodyOrigin: string

  beforeAll(async () => {
    bodyServer = http.createServer((req, res) => {
      readJsonBody(parseRequest(req), CAP_BYTES, '{"any": "json"}')
        .then(body => { res.end(JSON.stringify(jsonAnswer(body))) })
        .catch(err => sendError(res, err, deps.log, { method: req.method, url: req.url }))
    })
    bodyOrigin = `http://127.0.0.1:${await listen(bodyServer, '127.0.0.1', 0)}`
  })
  afterAll(async () => await new Promise<void>(resolve => bodyServer.close(() => resolve())))

  it('refuses a body past its cap with 413 HEARTH_E_BODY_TOO_LARGE, declared or streamed', async () => {
    const declared = await fetch(bodyOrigin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(CAP_BYTES + 1) })
    expect(declared.status).toBe(413)
    expect(ApiErrorBody.parse(await declared.json()).error).toBe('HEARTH_E_BODY_TOO_LARGE')
    // No content-length: the cap holds while the body streams in.
    const chunks = new ReadableStream({ start (controller) { controller.enqueue(new TextEncoder().encode('y'.repeat(CAP_BYTES * 2))); controller.close() } })
    const streamed = await fetch(bodyOrigin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(ApiErrorBody.parse(await streamed.json()).error).toBe('HEARTH_E_BODY_TOO_LARGE')
  })

  it('refuses what is not JSON with 400 HEARTH_E_BAD_REQUEST', async () => {
    const res = await fetch(bodyOrigin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' })
    expect(res.status).toBe(400)
    expect(ApiErrorBody.parse(await res.json()).error).toBe('HEARTH_E_BAD_REQUEST')
  })
})
