/**
 * @peculiar/x509 on Node's own WebCrypto: ECDSA P-256 keys, SHA-256 signatures, PEM in and
 * out. Every certificate the household CA makes goes through here; no ASN.1 of our own.
 */
// @peculiar/x509 2.x resolves its parts through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

// Node's WebCrypto is the standard one; its types differ from the DOM's in name only.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

export { x509 }

/** ECDSA over P-256 with SHA-256: what mkcert uses for its leaves, accepted by every browser. */
export const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const
export const EC_SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const

export async function generateKeys (): Promise<webcrypto.CryptoKeyPair> {
  return await webcrypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify'])
}

export async function privateKeyPem (key: webcrypto.CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key)
  return x509.PemConverter.encode(der, 'PRIVATE KEY')
}

export async function importPrivateKey (pem: string): Promise<webcrypto.CryptoKey> {
  const [der] = x509.PemConverter.decode(pem)
  if (der === undefined) throw new Error('no PEM block')
  return await webcrypto.subtle.importKey('pkcs8', der, EC_KEY, true, ['sign'])
}

/** A positive random serial of 16 bytes, as hex (RFC 5280 allows up to 20). */
export function randomSerial (): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16))
  bytes[0] = (bytes[0] ?? 0) & 0x7f | 0x01
  return Buffer.from(bytes).toString('hex')
}
