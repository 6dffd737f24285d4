/** `DELETE /api/downloads/<infohash>`: keeping data, a finished download stays in the library and an unfinished one is set aside. */
import { downloadPath } from '../../../../protocol/api/api-paths.ts'
import { RemovedDownload } from '../../../../protocol/api/downloads.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'
import { DOWNLOADS_PURPOSE } from './downloads-purpose.ts'

export async function removeDownload (infoHash: string, deleteData: boolean): Promise<RemovedDownload> {
  const path = `${downloadPath(infoHash)}?deleteData=${String(deleteData)}`
  return await apiClient.request({ path, method: 'DELETE', reply: RemovedDownload, purpose: DOWNLOADS_PURPOSE })
}
