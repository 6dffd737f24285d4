/**
 * The HTTPS certificate pebble serves its ACME directory with: a self-signed certificate for
 * 127.0.0.1 and localhost, made per run with @peculiar/x509 (Debian's pebble package ships no
 * test certificates). Clients trust it through `--acme-ca-file`.
 */
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

export interface PebbleTls {
  certPem: string
  keyPem: string
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }

function pem (label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`
}

export async function makePebbleTls (): Promise<PebbleTls> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])
  const now = Date.now()
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=pebble test server',
    notBefore: new Date(now - ONE_DAY_MS),
    notAfter: new Date(now + ONE_DAY_MS),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }, { type: 'dns', value: 'localhost' }])
    ]
  }) // @peculiar/x509 uses Node's global WebCrypto
  return { certPem: cert.toString('pem') + '\n', keyPem: pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) }
}
