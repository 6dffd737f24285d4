/**
 * A certificate authority made for one test run with `openssl` (EC P-256), and server
 * certificates it signs, written as PEM files into a temporary folder. It stands in for any
 * CA a device may be told to trust: the household CA is made by the seed node itself, this
 * one proves the harness (the device's NSS database) before the seed node is involved.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { execBounded } from './namespace-host.ts'

/** Days the test certificates are valid by default: a test run is minutes long. */
const VALIDITY_DAYS = 2

export interface TestCertificateAuthority {
  dir: string
  /** The CA certificate (PEM file), what a device is told to trust. */
  certFile: string
  /** Issues a server certificate for the given IP addresses and DNS names. */
  issue: (name: string, ips: string[], dnsNames?: string[]) => Promise<{ certFile: string, keyFile: string, cert: string, key: string }>
}

const openssl = async (...args: string[]): Promise<string> => await execBounded('openssl', args)

/**
 * `validityDays` applies to the CA and what it issues; more than the default where the
 * seed node must not warn that a certificate expires soon (it warns 14 days ahead).
 */
export async function makeTestCertificateAuthority (commonName = 'Hearth test CA', validityDays = VALIDITY_DAYS): Promise<TestCertificateAuthority> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-lan-ca-'))
  const caKey = path.join(dir, 'ca.key')
  const certFile = path.join(dir, 'ca.pem')
  await openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', caKey, '-out', certFile, '-days', String(validityDays), '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
  const issue: TestCertificateAuthority['issue'] = async (name, ips, dnsNames = []) => {
    const keyFile = path.join(dir, `${name}.key`)
    const csr = path.join(dir, `${name}.csr`)
    const out = path.join(dir, `${name}.pem`)
    const extensions = path.join(dir, `${name}.ext`)
    const alt = [...ips.map(address => `IP:${address}`), ...dnsNames.map(dns => `DNS:${dns}`)].join(',')
    await writeFile(extensions, `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${alt}\n`)
    await openssl('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', keyFile, '-out', csr, '-subj', `/CN=${dnsNames[0] ?? ips[0] ?? name}`)
    await openssl('x509', '-req', '-in', csr, '-CA', certFile, '-CAkey', caKey, '-CAcreateserial',
      '-out', out, '-days', String(validityDays), '-extfile', extensions)
    return { certFile: out, keyFile, cert: await readFile(out, 'utf8'), key: await readFile(keyFile, 'utf8') }
  }
  return { dir, certFile, issue }
}
