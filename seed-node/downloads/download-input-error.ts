/** A download request the seed node refuses, with a stable code and the HTTP status to answer. */
export type DownloadErrorCode =
  | 'HEARTH_E_BAD_MAGNET'
  | 'HEARTH_E_BAD_TORRENT'
  | 'HEARTH_E_UNSAFE_PATH'
  | 'HEARTH_E_BAD_REQUEST'
  | 'HEARTH_E_DOWNLOAD_EXISTS'
  | 'HEARTH_E_UNKNOWN_DOWNLOAD'
  | 'HEARTH_E_DISK_FULL'
  | 'HEARTH_E_DOWNLOAD_FAILED'

const STATUS: Record<DownloadErrorCode, number> = {
  HEARTH_E_BAD_MAGNET: 400,
  HEARTH_E_BAD_TORRENT: 400,
  HEARTH_E_UNSAFE_PATH: 400,
  HEARTH_E_BAD_REQUEST: 400,
  HEARTH_E_DOWNLOAD_EXISTS: 409,
  HEARTH_E_UNKNOWN_DOWNLOAD: 404,
  HEARTH_E_DISK_FULL: 507,
  HEARTH_E_DOWNLOAD_FAILED: 500
}

export class DownloadInputError extends Error {
  readonly status: number
  constructor (readonly code: DownloadErrorCode, message: string) {
    super(message)
    this.name = 'DownloadInputError'
    this.status = STATUS[code]
  }
}
