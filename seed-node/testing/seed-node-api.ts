/**
 * The one helper tests use to call a seed node's API with the household credential: it
 * sends JSON (or a raw string, to test refusals of bad bodies), and checks that the answer
 * is a JSON object. Fields stay `unknown` until a test checks them or parses the answer
 * with the schema from protocol/ (a test reads many shapes, often deliberately wrong ones).
 */

/** Where a seed node answers, and the credential paired devices send. */
export interface ApiTarget {
  url: string
  credential: string
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface ApiReply {
  status: number
  json: Readonly<Record<string, unknown>>
}

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `body`: a value sent as JSON, or a string sent as it is. */
export async function api (target: ApiTarget, method: ApiMethod, pathname: string, body?: unknown): Promise<ApiReply> {
  const res = await fetch(new URL(pathname, target.url), {
    method,
    headers: { authorization: `Bearer ${target.credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${method} ${pathname} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`)
  }
  if (!isObject(json)) throw new Error(`${method} ${pathname} answered ${res.status} with JSON that is not an object: ${text.slice(0, 200)}`)
  return { status: res.status, json }
}
