/**
 * Asks the browser to open `magnet:` links with Hearth (`/open?magnet=%s`). Must run from a
 * user action: Chromium ignores or refuses the call otherwise on some versions. The browser
 * then asks the user (an icon in the address bar); there is no way to read the answer back.
 */
export const MAGNET_HANDLER_URL = '/open?magnet=%s'

export type HandlerResult =
  | { readonly ok: true }
  | { readonly ok: false, readonly message: string }

export function registerMagnetHandler (nav: Pick<Navigator, 'registerProtocolHandler'> | { registerProtocolHandler?: undefined } = navigator): HandlerResult {
  if (typeof nav.registerProtocolHandler !== 'function') {
    return { ok: false, message: 'This browser does not let web apps handle magnet links (Safari and most mobile browsers). Paste links with “Open a magnet link” instead, or share them to Hearth.' }
  }
  try {
    nav.registerProtocolHandler('magnet', MAGNET_HANDLER_URL)
    return { ok: true }
  } catch (err) {
    const name = err instanceof DOMException ? err.name : ''
    const why = name === 'SecurityError'
      ? 'the browser only allows this on a secure page (https:// or localhost) of the same site'
      : err instanceof Error ? err.message : String(err)
    return { ok: false, message: `The browser refused: ${why}.` }
  }
}
