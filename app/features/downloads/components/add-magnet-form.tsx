/**
 * Paste a magnet link for the home server to download (test ids `download-magnet-input`,
 * `download-add`, `download-error`). The link is checked here with `parseMagnet` first, so a
 * bad one is explained without a round trip; the seed node's refusals are shown as it words them.
 */
import { useId, useState, type FormEvent } from 'react'
import { MagnetError, parseMagnet } from '../../../../protocol/magnet/parse-magnet.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { MagnetField } from '../../../components/magnet-field.tsx'
import type { DownloadView } from '../../../../protocol/api/downloads.ts'
import { apiErrorMessage } from '../../../lib/api/api-client-error.ts'
import { addMagnetDownload } from '../api/add-download.ts'

interface AddMagnetFormProps {
  onAdded: (download: DownloadView) => void
}

export function AddMagnetForm ({ onAdded }: AddMagnetFormProps) {
  const id = useId()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (sending) return
    const magnet = value.trim()
    try {
      parseMagnet(magnet)
    } catch (err) {
      setError(err instanceof MagnetError ? err.message : String(err))
      return
    }
    setSending(true)
    setError(null)
    addMagnetDownload(magnet).then(
      download => {
        setValue('')
        onAdded(download)
      },
      (err: unknown) => setError(`Not added: ${apiErrorMessage(err)}`)
    ).finally(() => setSending(false))
  }
  return (
    <form className='magnet-form' onSubmit={submit} noValidate>
      <MagnetField
        id={id}
        value={value}
        error={error}
        onChange={next => { setValue(next); setError(null) }}
        inputTestId={TEST_IDS.downloadMagnetInput}
        errorTestId={TEST_IDS.downloadError}
        button={
          <button type='submit' className='button' disabled={sending || value.trim() === ''} data-testid={TEST_IDS.downloadAdd}>
            {sending ? 'Adding…' : 'Download'}
          </button>
        }
      />
    </form>
  )
}
