/**
 * What a browser sees at a plain-HTTP address other than localhost (`http://<lan-address>`),
 * instead of an app that cannot work there (see `lib/secure-context/secure-context.ts`): what
 * is wrong, the HTTPS address to open (carrying a pairing link's key along), and how to
 * trust the household's own certificate authority when the browser warns about it. Test
 * hooks: `insecure-context`, `secure-address`, `onboarding-link`.
 */
import type { SecureAddress } from '../lib/secure-context/secure-address.ts'
import { TEST_IDS } from '../test-ids.ts'

interface InsecureContextPageProps {
  /** The address the page was opened at, for the explanation (the origin only: no key). */
  readonly openedAt: string
  readonly address: SecureAddress
  /** The page was a pairing link: say that the secure address carries it along. */
  readonly pairing: boolean
}

export function InsecureContextPage ({ openedAt, address, pairing }: InsecureContextPageProps) {
  return (
    <main className='status insecure' role='alert' data-testid={TEST_IDS.insecureContext}>
      <h1 className='status__title'>Open Hearth at its secure address</h1>
      <p className='status__text'>
        This page was opened at <code>{openedAt}</code>, a plain-HTTP address. Browsers give the player
        and the household's encryption only to secure (HTTPS) pages, so Hearth cannot load or play anything here.
      </p>
      {address.secureUrl !== null && address.secureOrigin !== null
        ? <SecureSteps secureUrl={address.secureUrl} secureOrigin={address.secureOrigin} onboardingUrl={address.onboardingUrl} pairing={pairing} />
        : <p className='status__text'>Ask whoever runs the home server for its https:// address.</p>}
    </main>
  )
}

function SecureSteps ({ secureUrl, secureOrigin, onboardingUrl, pairing }: { secureUrl: string, secureOrigin: string, onboardingUrl: string | null, pairing: boolean }) {
  return (
    <>
      <a className='button insecure__open' href={secureUrl} data-testid={TEST_IDS.secureAddress}>Open {secureOrigin}</a>
      {pairing && <p className='status__text'>The pairing link you opened works there too: the button carries it along.</p>}
      {onboardingUrl !== null && (
        <p className='status__text'>
          If the browser then warns that the connection is not private, the home server uses its own household
          certificate authority. Install it once on this device — <a href={onboardingUrl} data-testid={TEST_IDS.onboardingLink}>how to trust your home server</a> —
          and open the secure address again. If you reach Hearth through your own domain or a reverse proxy, use that https:// address instead.
        </p>
      )}
    </>
  )
}
