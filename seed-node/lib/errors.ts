/** Errors with stable codes, so logs, HTTP answers and tests can name them. */
export type HearthErrorCode =
  | 'HEARTH_E_LIBRARY_MISSING'
  | 'HEARTH_E_LIBRARY_UNREADABLE'
  | 'HEARTH_E_STATE_UNWRITABLE'
  | 'HEARTH_E_PORT_IN_USE'
  | 'HEARTH_E_BAD_OPTION'
  | 'HEARTH_E_FILE_VANISHED'
  | 'HEARTH_E_READ_ONLY'
  /** ACME (seed-node/tls/acme/): the ACME server is unreachable or refused the order. */
  | 'HEARTH_E_ACME_FAILED'
  /** ACME: the DNS provider (DuckDNS, the hook) refused the token or failed. */
  | 'HEARTH_E_DNS_PROVIDER'
  /** A library file whose real path leads outside the library (a symlink), not served. */
  | 'HEARTH_E_OUTSIDE_LIBRARY'

export class HearthError extends Error {
  constructor (readonly code: HearthErrorCode, message: string) {
    super(message)
    this.name = 'HearthError'
  }
}

/** The errno code of a Node system error (`ENOENT`, `EACCES`...), if it is one. */
export function errnoCode (err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code
  return undefined
}
