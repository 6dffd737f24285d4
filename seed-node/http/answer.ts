/**
 * What a route handler returns: JSON with a status (the API's answers), or a streamed answer
 * that writes the response itself (the catalog, web seed ranges, static files, the tracker's
 * HTTP endpoints). Refusals are not answers: handlers throw `ApiError` and `send-error.ts`
 * answers it, so every refusal has the same `{ error, message }` body.
 */
import type { ServerResponse } from 'node:http'

export type Answer =
  | { readonly kind: 'json', readonly status: number, readonly body: unknown, readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'stream', readonly send: (res: ServerResponse) => Promise<void> | void }

export function jsonAnswer (body: unknown, status = 200, headers: Record<string, string> = {}): Answer {
  return { kind: 'json', status, body, headers }
}

export function streamAnswer (send: (res: ServerResponse) => Promise<void> | void): Answer {
  return { kind: 'stream', send }
}

/** Writes a JSON body (Node leaves the body out for HEAD by itself). */
export function sendJson (res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-cache',
    'content-length': Buffer.byteLength(text),
    ...headers
  }).end(text)
}

/** A short plain-text answer, for the paths browsers and BitTorrent clients read (web seed, app files). */
export function sendPlain (res: ServerResponse, status: number, message: string, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(message + '\n')
}

export async function sendAnswer (res: ServerResponse, answer: Answer): Promise<void> {
  if (answer.kind === 'json') sendJson(res, answer.status, answer.body, answer.headers)
  else await answer.send(res)
}
