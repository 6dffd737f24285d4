/**
 * The certificate a server presents to a new TLS connection, as a device checks it: verified
 * against the given CA only, for the given name (SNI and hostname check).
 */
import net from 'node:net'
import tls from 'node:tls'

/** Bound on one handshake. */
const HANDSHAKE_TIMEOUT_MS = 10 * 1000

export interface ServedCertificate {
  /** Upper-case hex, as X509Certificate and Node's peer certificate give it. */
  serial: string
  /** The chain verified against `caPem` and the name matched. */
  authorized: boolean
  error: string | null
}

/** Opens a new connection to `address:port` asking for `name`, and reads the certificate. */
export async function servedCertificate (address: string, port: number, name: string, caPem: string): Promise<ServedCertificate> {
  return await new Promise((resolve, reject) => {
    const socket = tls.connect({ host: address, port, ca: caPem, rejectUnauthorized: false, ...(net.isIP(name) === 0 ? { servername: name } : {}) }, () => {
      const identityError = tls.checkServerIdentity(name, socket.getPeerCertificate())
      const error = socket.authorizationError?.message ?? identityError?.message ?? null
      resolve({ serial: socket.getPeerCertificate().serialNumber.toUpperCase(), authorized: socket.authorized && identityError === undefined, error })
      socket.end()
    })
    socket.setTimeout(HANDSHAKE_TIMEOUT_MS, () => { socket.destroy(new Error(`no TLS handshake with ${address}:${port} within ${HANDSHAKE_TIMEOUT_MS} ms`)) })
    socket.on('error', reject)
  })
}
