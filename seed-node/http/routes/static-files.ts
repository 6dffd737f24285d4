/**
 * Serves the built PWA from `dist/`: real files by path, `index.html` for app routes
 * (client-side routing), and caching headers that let the service worker update.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendPlain, streamAnswer } from '../answer.ts'
import type { Route } from '../router.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8'
}

/** Every path the other routes leave is the app's: a file of `dist/`, or `index.html`. */
export function staticRoutes (appDir: string): Route[] {
  return [{ method: 'GET', path: /^\/.*$/, handle: request => streamAnswer(async res => await serveStatic(appDir, request.raw, res, request.pathname)) }]
}

export async function serveStatic (appDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  let relative: string
  try {
    relative = decodeURIComponent(pathname).replace(/^\/+/, '')
  } catch {
    sendPlain(res, 400, 'bad path')
    return
  }
  const wantsFile = path.posix.extname(relative) !== ''
  const candidate = path.resolve(appDir, wantsFile ? relative : 'index.html')
  if (candidate !== appDir && !candidate.startsWith(appDir + path.sep)) {
    sendPlain(res, 404, 'not found')
    return
  }
  let size: number
  try {
    const stats = await stat(candidate)
    if (!stats.isFile()) throw new Error('not a file')
    size = stats.size
  } catch {
    if (!wantsFile) {
      sendPlain(res, 503, 'The Hearth app is not built: run `npm run build` (npm start does it for you).')
    } else {
      sendPlain(res, 404, 'not found')
    }
    return
  }
  const base = path.basename(candidate)
  const immutable = candidate.includes(`${path.sep}assets${path.sep}`)
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(candidate)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(base === 'sw.js' ? { 'service-worker-allowed': '/' } : {})
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(candidate).on('error', () => res.destroy()).pipe(res)
}
