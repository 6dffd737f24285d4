/**
 * The notes under the pairing link (test hook `reach-note`, with `data-kind`): why the link
 * uses this browser's own address, a home server that listens on loopback only, a certificate
 * problem, and — for the household CA — how the new device trusts it first (link, QR code
 * and fingerprint of the onboarding page, which is plain HTTP so a device that does not trust
 * the CA yet can open it).
 */
import { QrCode } from '../../../components/qr-code.tsx'
import { TEST_IDS } from '../../../test-ids.ts'
import type { ReachNote } from '../reach-view-model.ts'

const ONBOARDING_QR_SIZE_PX = 160

export function ReachNotes ({ notes }: { notes: readonly ReachNote[] }) {
  if (notes.length === 0) return null
  return (
    <ul className='devices__notes'>
      {notes.map(note => (
        <li key={note.kind} className={`devices__note devices__note--${note.kind}`} data-testid={TEST_IDS.reachNote} data-kind={note.kind} role={note.kind === 'tls-warning' ? 'alert' : undefined}>
          <p>{note.text}</p>
          {note.kind === 'household-ca' && <HouseholdCaSteps onboardingUrl={note.onboardingUrl} fingerprint={note.fingerprint} />}
        </li>
      ))}
    </ul>
  )
}

function HouseholdCaSteps ({ onboardingUrl, fingerprint }: { onboardingUrl: string | null, fingerprint: string | null }) {
  return (
    <>
      {onboardingUrl !== null && (
        <>
          <p>On the new device, open <a href={onboardingUrl} target='_blank' rel='noreferrer' data-testid={TEST_IDS.onboardingLink}>{onboardingUrl}</a> (or scan this code) and follow its steps.</p>
          <QrCode text={onboardingUrl} alt='QR code of the certificate onboarding page' sizePx={ONBOARDING_QR_SIZE_PX} className='devices__qr-small' />
        </>
      )}
      {fingerprint !== null && <p>Its SHA-256 fingerprint, to compare on the device: <code className='devices__fingerprint'>{fingerprint}</code></p>}
    </>
  )
}
