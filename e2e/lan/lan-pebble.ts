/**
 * Debian's `pebble` (an ACME test server) and `pebble-challtestsrv` (its DNS) for the test
 * LAN, run by the test process in the test namespace, where the router reaches them over the
 * bridge:
 *
 *   seed node (router) ──https──▶ pebble  198.18.10.254:<acme> ──DNS──▶ challtestsrv 127.0.0.1:<dns>
 *   DNS hook  (router) ──http───▶ challtestsrv management 198.18.10.254:<mgmt> (set-txt, clear-txt, add-a)
 *   test process ──https──▶ pebble management 127.0.0.1:<mgmt> (/roots/0: the root behind issued certificates)
 *
 * Like seed-node/tls/acme/testing/pebble-server.ts (same settings, the same reasons), but
 * listening on the bridge: pebble's own HTTPS certificate is issued by the test's openssl CA
 * for the bridge address, and the seed node trusts that CA through `--acme-ca-file`. No
 * device trusts it: a device trusts only pebble's issuing root, as a phone trusts Let's Encrypt.
 */
import type { ChildProcess } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { freeLoopbackPort } from '../../seed-node/tls/acme/testing/free-port.ts'
import { run, stopChild } from '../../seed-node/tls/acme/testing/child-output.ts'
import { lanGet } from './lan-api.ts'
import { TEST_PROCESS_ADDRESS } from './test-lan.ts'
import type { TestCertificateAuthority } from './test-certificate-authority.ts'

/** pebble starts in well under a second; this bounds a broken install, not a slow machine. */
const START_DEADLINE_MS = 20 * 1000
const READY_POLL_MS = 50
/** Lifetime of the certificates pebble issues: 30 days, like a short Let's Encrypt profile (its default is 5 years). */
const CERTIFICATE_VALIDITY_SEC = 30 * 24 * 60 * 60

export interface LanPebble {
  directoryUrl: string
  /** The CA of pebble's own HTTPS (the test CA): `--acme-ca-file`. */
  acmeCaFile: string
  /** challtestsrv's management API as the router reaches it: what the DNS hook calls. */
  challtestsrvUrl: string
  /** The root that signs what pebble issues (new at every pebble start), PEM. */
  rootPem: () => Promise<string>
  /** Everything pebble and challtestsrv printed. */
  output: () => string
  stop: () => Promise<void>
}

async function waitReady (url: string, caPem: string, children: ChildProcess[], output: string[]): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS
  for (;;) {
    if (children.some(child => child.exitCode !== null)) throw new Error(`pebble or challtestsrv exited at start:\n${output.join('')}`)
    if ((await lanGet(url, caPem).catch(() => null))?.status === 200) return
    if (Date.now() > deadline) throw new Error(`pebble did not answer at ${url}:\n${output.join('')}`)
    await new Promise(resolve => setTimeout(resolve, READY_POLL_MS))
  }
}

async function pebbleConfig (ca: TestCertificateAuthority, acmePort: number, managementPort: number): Promise<string> {
  const tls = await ca.issue('pebble', [TEST_PROCESS_ADDRESS, '127.0.0.1'])
  const configFile = path.join(ca.dir, 'pebble-config.json')
  await writeFile(configFile, JSON.stringify({
    pebble: {
      listenAddress: `${TEST_PROCESS_ADDRESS}:${acmePort}`,
      managementListenAddress: `127.0.0.1:${managementPort}`,
      certificate: tls.certFile,
      privateKey: tls.keyFile,
      // Unused (DNS-01 only) but pebble wants them; ports nobody listens on.
      httpPort: await freeLoopbackPort(),
      tlsPort: await freeLoopbackPort(),
      ocspResponderURL: '',
      externalAccountBindingRequired: false,
      certificateValidityPeriod: CERTIFICATE_VALIDITY_SEC
    }
  }))
  return configFile
}

/** Starts pebble and challtestsrv; `ca` (the test's openssl CA) signs pebble's HTTPS certificate. */
export async function startLanPebble (ca: TestCertificateAuthority): Promise<LanPebble> {
  const [acmePort, managementPort, dnsPort, challPort] = [await freeLoopbackPort(), await freeLoopbackPort(), await freeLoopbackPort({ udp: true }), await freeLoopbackPort()]
  const configFile = await pebbleConfig(ca, acmePort, managementPort)
  const output: string[] = []
  const challtestsrv = run('pebble-challtestsrv', ['-dns01', `127.0.0.1:${dnsPort}`, '-http01', '', '-https01', '', '-tlsalpn01', '',
    '-management', `${TEST_PROCESS_ADDRESS}:${challPort}`], {}, output)
  // PEBBLE_VA_NOSLEEP: validate at once; WFE_NONCEREJECT=0: no random bad-nonce rejections
  // (tests must not depend on luck); AUTHZREUSE=0: every order runs its challenge through the hook.
  const pebble = run('pebble', ['-config', configFile, '-dnsserver', `127.0.0.1:${dnsPort}`, '-strict=false'],
    { PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0', PEBBLE_AUTHZREUSE: '0' }, output)
  const stop = async (): Promise<void> => { await Promise.all([stopChild(pebble), stopChild(challtestsrv)]) }
  const directoryUrl = `https://${TEST_PROCESS_ADDRESS}:${acmePort}/dir`
  const caPem = await readFile(ca.certFile, 'utf8')
  try {
    await waitReady(directoryUrl, caPem, [pebble, challtestsrv], output)
  } catch (err) {
    await stop()
    throw err
  }
  return {
    directoryUrl,
    acmeCaFile: ca.certFile,
    challtestsrvUrl: `http://${TEST_PROCESS_ADDRESS}:${challPort}`,
    rootPem: async () => {
      const reply = await lanGet(`https://127.0.0.1:${managementPort}/roots/0`, caPem)
      if (reply.status !== 200) throw new Error(`pebble's /roots/0 answered ${reply.status}`)
      return reply.body.toString('utf8')
    },
    output: () => output.join(''),
    stop
  }
}
