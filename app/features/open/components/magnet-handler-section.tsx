/** "Open magnet links with Hearth": registers the `magnet:` protocol handler on a click. */
import { useState } from 'react'
import { registerMagnetHandler, type HandlerResult } from '../register-magnet-handler.ts'

export function MagnetHandlerSection () {
  const [result, setResult] = useState<HandlerResult | null>(null)
  return (
    <section className='settings__section' aria-labelledby='magnet-handler-title'>
      <h2 id='magnet-handler-title' className='settings__title'>Magnet links</h2>
      <p className='settings__text'>Let this browser open magnet links (from a web page, a chat, an e-mail) in Hearth, which streams them like a library item.</p>
      <button type='button' className='button button--ghost button--outline' onClick={() => setResult(registerMagnetHandler())} data-testid='register-magnet-handler'>
        Open magnet links with Hearth
      </button>
      {result?.ok === true && (
        <p className='settings__result' role='status'>
          Asked. If the browser shows a prompt or an icon at the end of the address bar, allow it there.
          You can change this later in the browser's site settings (“Protocol handlers”).
        </p>
      )}
      {result?.ok === false && <p className='settings__result settings__result--error' role='alert'>{result.message}</p>}
    </section>
  )
}
