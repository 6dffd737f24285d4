/** "Share" for one item: opens the share dialog (test id `share-item`, with `data-item-id`). */
import { useState } from 'react'
import { TEST_IDS } from '../../../test-ids.ts'
import { ShareDialog } from './share-dialog.tsx'

interface ShareButtonProps {
  infoHash: string
  title: string
  compact?: boolean
}

export function ShareButton ({ infoHash, title, compact = false }: ShareButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type='button'
        className={compact ? 'button button--ghost button--small' : 'button button--ghost'}
        onClick={() => setOpen(true)}
        aria-label={compact ? `Share ${title}` : undefined}
        aria-haspopup='dialog'
        data-testid={TEST_IDS.shareItem}
        data-item-id={infoHash}
      >
        Share
      </button>
      {open && <ShareDialog infoHash={infoHash} title={title} onClose={() => setOpen(false)} />}
    </>
  )
}
