/**
 * The household certificate authority, as mkcert makes one: on first start an ECDSA P-256 key
 * and a self-signed CA certificate valid 10 years, named "Hearth household CA <hostname>", in
 * `<state>/tls/` (key mode 0600, folder 0700); reused on every later start. Devices install
 * its certificate once (the onboarding page); from then on they trust every server
 * certificate it issues for this machine.
 */
import { createPrivateKey, X509Certificate as NodeCertificate, type webcrypto } from 'node:crypto'
import os from 'node:os'
import { HearthError } from '../lib/errors.ts'
import { ensurePrivateFolder, readIfPresent, tlsPaths, writePrivateFile, writePublicFile } from './tls-files.ts'
import { EC_SIGNING, generateKeys, importPrivateKey, privateKeyPem, randomSerial, x509 } from './x509-crypto.ts'

const CA_VALIDITY_YEARS = 10
/** Backdated a little, so a device whose clock is slightly behind still accepts it. */
const BACKDATE_MS = 60 * 60 * 1000

export interface HouseholdCa {
  /** The CA certificate, PEM: what devices install. */
  certPem: string
  /** The same, DER: served as `application/x-x509-ca-cert`. */
  certDer: Buffer
  /** SHA-256 of the DER certificate, upper-case hex with colons (as browsers and `openssl x509 -fingerprint` show it). */
  fingerprint: string
  /** The CA's subject, for the leaves' issuer. */
  name: string
  /** Signs leaves. */
  signingKey: webcrypto.CryptoKey
  /** For the leaves' authority key identifier. */
  certificate: x509.X509Certificate
}

/** Loads the household CA from `<state>/tls/`, or makes it on first start. */
export async function loadOrCreateHouseholdCa (stateDir: string, hostname: string = os.hostname(), now: Date = new Date()): Promise<{ ca: HouseholdCa, created: boolean }> {
  const paths = tlsPaths(stateDir)
  await ensurePrivateFolder(paths.dir)
  const [keyPem, certPem] = await Promise.all([readIfPresent(paths.caKey), readIfPresent(paths.caCert)])
  if (keyPem !== null && certPem !== null) return { ca: await loadCa(certPem, keyPem, paths.caCert), created: false }
  if (keyPem !== null || certPem !== null) {
    // Half a CA: making a new one would silently untrust every device that installed the old one.
    throw new HearthError('HEARTH_E_BAD_OPTION', `the household CA in ${paths.dir} is incomplete (${keyPem === null ? 'household-ca.key' : 'household-ca.crt'} is missing); restore it from a backup, or delete both files to make a new CA that every device must install again`)
  }
  const made = await createCa(hostname, now)
  // The key first: a certificate without its key would be "incomplete" on the next start.
  await writePrivateFile(paths.caKey, made.keyPem)
  await writePublicFile(paths.caCert, made.certPem)
  return { ca: await loadCa(made.certPem, made.keyPem, paths.caCert), created: true }
}

async function createCa (hostname: string, now: Date): Promise<{ certPem: string, keyPem: string }> {
  const keys = await generateKeys()
  const notAfter = new Date(now)
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_VALIDITY_YEARS)
  const name = `CN=Hearth household CA ${hostname.replace(/[^\w.-]/g, '-').slice(0, 40)}, O=Hearth`
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter,
    signingAlgorithm: EC_SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
    ]
  })
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) }
}

async function loadCa (certPem: string, keyPem: string, certFile: string): Promise<HouseholdCa> {
  let certificate: x509.X509Certificate
  let signingKey: webcrypto.CryptoKey
  let node: NodeCertificate
  try {
    certificate = new x509.X509Certificate(certPem)
    node = new NodeCertificate(certPem)
    signingKey = await importPrivateKey(keyPem)
    if (!node.checkPrivateKey(createPrivateKey(keyPem))) throw new Error('household-ca.key is not the key of household-ca.crt')
  } catch (err) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `the household CA in ${certFile} cannot be read (${err instanceof Error ? err.message : String(err)}); restore it, or delete household-ca.crt and household-ca.key to make a new one`)
  }
  return {
    certPem: certificate.toString('pem') + '\n',
    certDer: Buffer.from(certificate.rawData),
    fingerprint: node.fingerprint256,
    name: certificate.subject,
    signingKey,
    certificate
  }
}
