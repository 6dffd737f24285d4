/**
 * Debian's `pebble` (an ACME test server) with `pebble-challtestsrv` as its DNS, on loopback,
 * at ports chosen at run time, for tests of the ACME source (unit tests and e2e):
 *
 *   ACME client ──https──▶ pebble :acme ──DNS──▶ challtestsrv :dns ◀──http── DNS hook (/set-txt, /clear-txt, /add-a)
 *                          pebble :management (/roots/0: the root that signs what pebble issues)
 *
 * PEBBLE_VA_NOSLEEP=1 (validate at once), PEBBLE_WFE_NONCEREJECT=0 (no random bad-nonce
 * rejections: tests must not depend on luck), PEBBLE_AUTHZREUSE=0 (every order runs its
 * challenge, so every order goes through the hook). Stopping pebble forgets every account
 * and certificate, as a restarted pebble does.
 */
import type { ChildProcess } from 'node:child_process'
import https from 'node:https'
import path from 'node:path'
import { writeFile } from 'node:fs/promises'
import { freeLoopbackPort } from './free-port.ts'
import { makePebbleTls } from './pebble-tls.ts'
import { run, stopChild } from './child-output.ts'

/** pebble starts in well under a second; this bounds a broken install, not a slow machine. */
const START_DEADLINE_MS = 20 * 1000
const READY_POLL_MS = 50

export interface PebbleOptions {
  /** Scratch folder for pebble's config and TLS files. */
  dir: string
  /** Lifetime of issued certificates (pebble's default is 5 years). */
  validitySec?: number
}

export interface Pebble {
  directoryUrl: string
  /** PEM file of the CA behind pebble's own HTTPS: `--acme-ca-file`. */
  caFile: string
  /** challtestsrv's DNS server, `127.0.0.1:<port>`: for the TXT propagation check. */
  dnsServer: string
  /** challtestsrv's management API, `http://127.0.0.1:<port>`. */
  challtestsrvUrl: string
  /** The root CA that signs pebble's certificates (new at every pebble start). */
  rootPem (): Promise<string>
  stop (): Promise<void>
}

function getText (url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https.get(url, { ca }, response => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk: string) => { body += chunk }).on('end', () => {
        if (response.statusCode === 200) resolve(body)
        else reject(new Error(`${url} answered ${response.statusCode ?? '?'}`))
      })
    }).on('error', reject)
  })
}

async function waitReady (url: string, ca: string, children: ChildProcess[], output: string[]): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS
  for (;;) {
    const exited = children.find(child => child.exitCode !== null)
    if (exited !== undefined) throw new Error(`pebble or challtestsrv exited at start:\n${output.join('')}`)
    try {
      await getText(url, ca)
      return
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`pebble did not answer at ${url}:\n${output.join('')}`, { cause: err })
    }
    await new Promise(resolve => setTimeout(resolve, READY_POLL_MS))
  }
}

export async function startPebble ({ dir, validitySec }: PebbleOptions): Promise<Pebble> {
  const [acmePort, managementPort, dnsPort, challPort, httpPort, tlsPort] = [
    await freeLoopbackPort(), await freeLoopbackPort(), await freeLoopbackPort({ udp: true }), await freeLoopbackPort(), await freeLoopbackPort(), await freeLoopbackPort()
  ]
  const tls = await makePebbleTls()
  const caFile = path.join(dir, 'pebble-tls.pem')
  const keyFile = path.join(dir, 'pebble-tls.key')
  const configFile = path.join(dir, 'pebble-config.json')
  await writeFile(caFile, tls.certPem)
  await writeFile(keyFile, tls.keyPem, { mode: 0o600 })
  await writeFile(configFile, JSON.stringify({
    pebble: {
      listenAddress: `127.0.0.1:${acmePort}`,
      managementListenAddress: `127.0.0.1:${managementPort}`,
      certificate: caFile,
      privateKey: keyFile,
      httpPort,
      tlsPort,
      ocspResponderURL: '',
      externalAccountBindingRequired: false,
      ...(validitySec === undefined ? {} : { certificateValidityPeriod: validitySec })
    }
  }))
  const output: string[] = []
  const challtestsrv = run('pebble-challtestsrv', ['-dns01', `127.0.0.1:${dnsPort}`, '-http01', '', '-https01', '', '-tlsalpn01', '', '-management', `127.0.0.1:${challPort}`], {}, output)
  const pebble = run('pebble', ['-config', configFile, '-dnsserver', `127.0.0.1:${dnsPort}`, '-strict=false'],
    { PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0', PEBBLE_AUTHZREUSE: '0' }, output)
  const stop = async (): Promise<void> => { await Promise.all([stopChild(pebble), stopChild(challtestsrv)]) }
  const directoryUrl = `https://127.0.0.1:${acmePort}/dir`
  try {
    await waitReady(directoryUrl, tls.certPem, [pebble, challtestsrv], output)
  } catch (err) {
    await stop()
    throw err
  }
  return {
    directoryUrl,
    caFile,
    dnsServer: `127.0.0.1:${dnsPort}`,
    challtestsrvUrl: `http://127.0.0.1:${challPort}`,
    rootPem: () => getText(`https://127.0.0.1:${managementPort}/roots/0`, tls.certPem),
    stop
  }
}
