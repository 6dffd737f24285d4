/**
 * The pairing link as a QR code. The `qrcode` package is loaded on demand, so only this
 * screen pays for it.
 */
import { useEffect, useState } from 'react'

const QR_SIZE_PX = 240

export function PairingQrCode ({ link }: { link: string }) {
  const [image, setImage] = useState<{ link: string, src: string } | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    import('qrcode')
      .then(QRCode => QRCode.toDataURL(link, { width: QR_SIZE_PX, margin: 2, errorCorrectionLevel: 'M', color: { dark: '#14110f', light: '#f4ece6' } }))
      .then(src => { if (!cancelled) setImage({ link, src }) })
      .catch((err: unknown) => {
        console.warn('[hearth] QR code could not be drawn', err)
        if (!cancelled) setFailed(true)
      })
    return () => { cancelled = true }
  }, [link])
  if (failed) return <p className='devices__qr devices__qr--failed'>The QR code could not be drawn; use the link below.</p>
  if (image?.link !== link) return <div className='devices__qr devices__qr--loading' aria-label='Drawing the QR code…'><span className='spinner' aria-hidden='true' /></div>
  return <img className='devices__qr' src={image.src} width={QR_SIZE_PX} height={QR_SIZE_PX} alt='QR code of the pairing link' />
}
