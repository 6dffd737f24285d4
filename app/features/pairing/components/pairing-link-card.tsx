/** One address's pairing link: its QR code and the link as copyable text. */
import { CopyField } from '../../../components/copy-field.tsx'
import type { ReachLink } from '../reach-view-model.ts'
import { PairingQrCode } from './pairing-qr-code.tsx'

interface PairingLinkCardProps {
  readonly reach: ReachLink
  /** `pairing-link` for the likeliest address; the others get their own hook. */
  readonly testId: string
  readonly label: string
}

export function PairingLinkCard ({ reach, testId, label }: PairingLinkCardProps) {
  return (
    <div className='devices__card' data-origin={reach.origin}>
      <PairingQrCode link={reach.link} />
      <div className='devices__link'>
        <CopyField label={label} value={reach.link} testId={testId} />
      </div>
    </div>
  )
}
