/**
 * A server certificate signed by the household CA for every name this machine answers to
 * (its LAN addresses, its hostname and `<hostname>.local`, localhost, the public URL's host).
 * Valid 397 days, the most Apple and Chrome accept for a TLS leaf; a fresh key each time.
 */
import net from 'node:net'
import type { ServingCertificate } from './certificate-source.ts'
import type { HouseholdCa } from './household-ca.ts'
import { EC_SIGNING, generateKeys, privateKeyPem, randomSerial, x509 } from './x509-crypto.ts'

const MS_PER_DAY = 24 * 60 * 60 * 1000
export const LEAF_VALIDITY_DAYS = 397
/** Backdated a little, so a device whose clock is slightly behind still accepts it. */
const BACKDATE_MS = 60 * 60 * 1000

export interface IssuedCertificate extends ServingCertificate {
  /** Upper-case hex, as node:tls reports a peer certificate's `serialNumber`. */
  serialNumber: string
}

function altName (name: string): { type: 'ip' | 'dns', value: string } {
  return { type: net.isIP(name) === 0 ? 'dns' : 'ip', value: name }
}

export async function issueServerCertificate (ca: HouseholdCa, names: readonly string[], now: Date = new Date()): Promise<IssuedCertificate> {
  const keys = await generateKeys()
  const notAfter = new Date(now.getTime() + LEAF_VALIDITY_DAYS * MS_PER_DAY)
  const serialNumber = randomSerial()
  const commonName = names.find(name => net.isIP(name) === 0 && name !== 'localhost') ?? names[0] ?? 'localhost'
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject: `CN=${commonName}, O=Hearth`,
    issuer: ca.name,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter,
    signingAlgorithm: EC_SIGNING,
    publicKey: keys.publicKey,
    signingKey: ca.signingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map(altName)),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
    ]
  })
  return {
    certPem: cert.toString('pem') + '\n',
    keyPem: await privateKeyPem(keys.privateKey),
    expiresAt: notAfter,
    names: [...names],
    serialNumber: serialNumber.toUpperCase()
  }
}
