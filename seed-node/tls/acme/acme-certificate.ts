/**
 * A certificate the ACME server issued, as the source keeps it: the private key and the chain
 * in one PEM file (`acme/certificate.pem`, mode 0600, key first, as HAProxy keeps its
 * certificates), so a crash between two writes can never pair a new chain with an old key.
 * Read back, it is checked: the key matches the leaf and the leaf names the domain.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto'
import type { ServingCertificate } from '../certificate-source.ts'

export interface AcmeCertificate {
  serving: ServingCertificate
  validFrom: Date
  /** Hex, as the CA wrote it: a renewal gives a new one. */
  serial: string
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g

/** The DNS names and IP addresses of a certificate's subjectAltName. */
function altNames (leaf: X509Certificate): string[] {
  return (leaf.subjectAltName ?? '').split(', ').flatMap(entry => {
    const match = /^(DNS|IP Address):(.+)$/.exec(entry)
    return match?.[2] === undefined ? [] : [match[2]]
  })
}

/** Checks key and chain belong together and fit `domain`; throws an Error saying what is wrong. */
export function acmeCertificate (keyPem: string, chainPem: string, domain: string): AcmeCertificate {
  const certificates = [...chainPem.matchAll(PEM_BLOCK)].filter(block => block[1] === 'CERTIFICATE').map(block => block[0])
  const first = certificates[0]
  if (first === undefined) throw new Error('no certificate in the chain')
  const leaf = new X509Certificate(first)
  if (!leaf.checkPrivateKey(createPrivateKey(keyPem))) throw new Error('the private key does not belong to the certificate')
  if (leaf.checkHost(domain) === undefined) throw new Error(`the certificate is for ${altNames(leaf).join(', ')}, not ${domain}`)
  return {
    serving: { certPem: certificates.join('\n') + '\n', keyPem, expiresAt: new Date(leaf.validTo), names: altNames(leaf) },
    validFrom: new Date(leaf.validFrom),
    serial: leaf.serialNumber
  }
}

/** The one-file form kept on disk. */
export function combinedPem (cert: AcmeCertificate): string {
  return `${cert.serving.keyPem.trim()}\n${cert.serving.certPem.trim()}\n`
}

/** Reads the one-file form back; throws an Error saying what is wrong. */
export function parseCombinedPem (text: string, domain: string): AcmeCertificate {
  const blocks = [...text.matchAll(PEM_BLOCK)]
  const key = blocks.find(block => block[1]?.endsWith('PRIVATE KEY') === true)?.[0]
  if (key === undefined) throw new Error('no private key in the file')
  const chain = blocks.filter(block => block[1] === 'CERTIFICATE').map(block => block[0]).join('\n')
  return acmeCertificate(key + '\n', chain, domain)
}
