/**
 * A link as a QR code. The `qrcode` package is loaded on demand, so only screens that show
 * one pay for it.
 */
import { useEffect, useState } from 'react'

const DEFAULT_SIZE_PX = 240

interface QrCodeProps {
  text: string
  /** What the code holds, for screen readers ("QR code of the share link"). */
  alt: string
  sizePx?: number
  className?: string
}

export function QrCode ({ text, alt, sizePx = DEFAULT_SIZE_PX, className = 'qr' }: QrCodeProps) {
  const [image, setImage] = useState<{ text: string, src: string } | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    import('qrcode')
      .then(QRCode => QRCode.toDataURL(text, { width: sizePx, margin: 2, errorCorrectionLevel: 'M', color: { dark: '#14110f', light: '#f4ece6' } }))
      .then(src => { if (!cancelled) setImage({ text, src }) })
      .catch((err: unknown) => {
        console.warn('[hearth] QR code could not be drawn', err)
        if (!cancelled) setFailed(text)
      })
    return () => { cancelled = true }
  }, [text, sizePx])
  if (failed === text) return <p className={`${className} ${className}--failed`}>The QR code could not be drawn (the link may be too long); use the link below.</p>
  if (image?.text !== text) return <div className={`${className} ${className}--loading`} aria-label='Drawing the QR code…'><span className='spinner' aria-hidden='true' /></div>
  return <img className={className} src={image.src} width={sizePx} height={sizePx} alt={alt} />
}
