/**
 * The origin a caller used to reach us (`http://192.168.1.10:8787`), from its Host header,
 * so that magnet links and tracker URLs work from the phone on the LAN as well as from
 * localhost. A Host header that is not a plain host[:port] is ignored.
 */
import type { IncomingMessage } from 'node:http'

const HOST_PATTERN = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i

export function requestOrigin (req: IncomingMessage, fallbackHost: string, fallbackPort: number): { http: string, ws: string } {
  const header = req.headers.host
  const host = header !== undefined && HOST_PATTERN.test(header) ? header : `${fallbackHost}:${fallbackPort}`
  return { http: `http://${host}`, ws: `ws://${host}` }
}
