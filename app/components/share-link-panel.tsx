/**
 * A share link ready to hand over: copyable text, a QR code (drawn lazily), and the
 * system share sheet ("Share…", Web Share API) where the browser has one.
 */
import { useState, type ReactNode } from 'react'
import { CopyField } from './copy-field.tsx'
import { QrCode } from './qr-code.tsx'

interface ShareLinkPanelProps {
  /** The link to hand over: an item's magnet, or a live channel's guest page. */
  magnet: string
  title: string
  testId: string
  /** The field's label and what the holder can do with the link (an item's magnet link by default). */
  label?: string
  note?: ReactNode
}

const MAGNET_NOTE = 'Whoever gets this link can fetch this one item with any WebTorrent client, and nothing else of your library. “Stop sharing all links” (under Add a device) turns every link off.'

export function ShareLinkPanel ({ magnet, title, testId, label = 'Magnet link', note = MAGNET_NOTE }: ShareLinkPanelProps) {
  const [shareError, setShareError] = useState<string | null>(null)
  const data: ShareData = { title, text: magnet }
  const canShare = typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true)
  const share = (): void => {
    setShareError(null)
    navigator.share(data).catch((err: unknown) => {
      if (err instanceof DOMException && err.name === 'AbortError') return // the user closed the sheet
      setShareError('The system share sheet failed; copy the link instead.')
    })
  }
  return (
    <div className='share-panel'>
      <QrCode text={magnet} alt={`QR code of the ${label.toLowerCase()} for ${title}`} className='share-panel__qr' sizePx={220} />
      <CopyField label={label} value={magnet} testId={testId} />
      {canShare && <button type='button' className='button button--ghost share-panel__share' onClick={share}>Share…</button>}
      {shareError !== null && <p className='copy-field__hint' role='alert'>{shareError}</p>}
      <p className='share-panel__note'>{note}</p>
    </div>
  )
}
