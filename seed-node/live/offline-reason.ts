/**
 * The words a channel shows for being offline (`reason` in `/api/live`, `lastError` in
 * `/api/status`). They quote ffprobe and ffmpeg, which print their input when they cannot
 * open it (`rtsp://admin:pw@cam/stream: Connection refused`), so a URL's credentials are
 * taken out here, where every reason is made: no reader of the API ever gets a camera's
 * password (describeSource does the same for the logs). The text is cut after the prefix is
 * added, so it always fits the schema's bound (protocol/api/live.ts).
 */

/** LiveChannel.reason's max in protocol/api/live.ts. */
export const MAX_REASON_CHARS = 300

/**
 * `scheme://user:password@` → `scheme://`. Greedy up to the last `@` before the host's end,
 * since a password typed by hand may hold an unescaped `@`.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi

/** `text` without the user and password of any URL in it. */
export function withoutUrlCredentials (text: string): string {
  return text.replace(URL_USERINFO, '$1')
}

/** `prefix: detail` (or `prefix` alone), credentials taken out, at most MAX_REASON_CHARS long. */
export function offlineReason (prefix: string, detail?: string): string {
  const text = detail === undefined ? prefix : `${prefix}: ${detail}`
  return withoutUrlCredentials(text).slice(0, MAX_REASON_CHARS)
}
