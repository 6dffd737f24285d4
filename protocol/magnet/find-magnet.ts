/**
 * Where `/open` finds its magnet link: the `magnet` query parameter (the protocol handler,
 * the paste field), else the first `magnet:?…` inside `url` or `text` (the Web Share
 * Target: apps put a shared link in either, often with words around it).
 */

/** Keys read, in order; the first magnet found wins. */
const PARAM_ORDER = ['magnet', 'url', 'text'] as const
/** A magnet inside free text ends at white space, quotes or angle brackets. */
const MAGNET_IN_TEXT = /magnet:\?[^\s"'<>]+/i

export type MagnetSearch =
  | { readonly status: 'found', readonly magnet: string }
  /** `/open` with none of the parameters: show the paste field. */
  | { readonly status: 'empty' }
  /** Something was shared or passed, but no magnet link is in it. */
  | { readonly status: 'no-magnet', readonly received: string }

export function findMagnet (params: URLSearchParams): MagnetSearch {
  let received: string | null = null
  for (const key of PARAM_ORDER) {
    const value = params.get(key)
    if (value === null || value.trim() === '') continue
    received ??= value.trim()
    // `magnet` is taken whole, so the parser can say what is wrong with it.
    const found = key === 'magnet' ? value.trim() : MAGNET_IN_TEXT.exec(value)?.[0]
    if (found !== undefined) return { status: 'found', magnet: found }
  }
  return received === null ? { status: 'empty' } : { status: 'no-magnet', received }
}
