/** The pairing link as a QR code (see `components/qr-code.tsx`). */
import { QrCode } from '../../../components/qr-code.tsx'

export function PairingQrCode ({ link }: { link: string }) {
  return <QrCode text={link} alt='QR code of the pairing link' className='devices__qr' />
}
