/**
 * Paste a magnet link for the home server to download (test ids `download-magnet-input`,
 * `download-add`, `download-error`). The shared form checks the link with `parseMagnet` first,
 * so a bad one is explained without a round trip; the seed node's refusals are shown as it
 * words them.
 */
import { TEST_IDS } from '../../../test-ids.ts'
import { MagnetForm } from '../../../components/magnet-form.tsx'
import type { DownloadView } from '../../../../protocol/api/downloads.ts'
import { apiErrorMessage } from '../../../lib/api/api-client-error.ts'
import { addMagnetDownload } from '../api/add-download.ts'

const TEST_ID_SET = { input: TEST_IDS.downloadMagnetInput, error: TEST_IDS.downloadError, submit: TEST_IDS.downloadAdd }

interface AddMagnetFormProps {
  onAdded: (download: DownloadView) => void
}

export function AddMagnetForm ({ onAdded }: AddMagnetFormProps) {
  const add = (magnet: string): Promise<void> => addMagnetDownload(magnet).then(
    onAdded,
    (err: unknown) => { throw new Error(`Not added: ${apiErrorMessage(err)}`) }
  )
  return <MagnetForm onSubmit={add} submitLabel='Download' busyLabel='Adding…' testIds={TEST_ID_SET} />
}
