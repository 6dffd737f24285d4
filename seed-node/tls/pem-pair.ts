/**
 * A certificate and key in PEM, checked as a TLS server would need them: both readable, the
 * key is the certificate's, the certificate is valid now. The problem, if any, is one short
 * phrase a user can act on ("expired on 2025-01-31", "the key is not the certificate's").
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import tls from 'node:tls'
import type { ServingCertificate } from './certificate-source.ts'

export type PemCheck =
  | { ok: true, certificate: ServingCertificate, serialNumber: string }
  | { ok: false, problem: string }

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** DNS names and IP addresses of `subjectAltName` ("DNS:a.example, IP Address:10.0.0.2"). */
export function subjectAltNames (cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '').split(', ')
    .map(entry => /^(?:DNS|IP Address):(.+)$/.exec(entry)?.[1])
    .filter((name): name is string => name !== undefined)
}

function day (date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function checkPemPair (certPem: string, keyPem: string, now: Date = new Date()): PemCheck {
  const blocks = certPem.match(PEM_CERTIFICATE)
  if (blocks === null) return { ok: false, problem: 'the certificate file holds no PEM certificate' }
  let leaf: X509Certificate
  try {
    leaf = new X509Certificate(blocks[0] ?? '')
  } catch {
    return { ok: false, problem: 'the certificate file holds no readable certificate' }
  }
  let key: KeyObject
  try {
    key = createPrivateKey(keyPem)
  } catch (err) {
    const encrypted = /ENCRYPTED|passphrase/i.test(keyPem) || /passphrase/i.test(String(err))
    return { ok: false, problem: encrypted ? 'the key file is encrypted; give an unencrypted key' : 'the key file holds no readable private key' }
  }
  if (!leaf.checkPrivateKey(key)) return { ok: false, problem: "the key is not the certificate's (mismatched pair)" }
  const notAfter = new Date(leaf.validTo)
  const notBefore = new Date(leaf.validFrom)
  if (notAfter.getTime() <= now.getTime()) return { ok: false, problem: `the certificate expired on ${day(notAfter)}` }
  if (notBefore.getTime() > now.getTime()) return { ok: false, problem: `the certificate is not valid before ${day(notBefore)}` }
  try {
    // What the server will do with it: OpenSSL must accept the pair too (key type, chain).
    tls.createSecureContext({ cert: certPem, key: keyPem })
  } catch (err) {
    return { ok: false, problem: `TLS refuses the pair (${err instanceof Error ? err.message : String(err)})` }
  }
  return {
    ok: true,
    certificate: { certPem, keyPem, expiresAt: notAfter, names: subjectAltNames(leaf) },
    serialNumber: leaf.serialNumber.toUpperCase()
  }
}
