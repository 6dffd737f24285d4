/**
 * A household device on the test LAN: Debian's Chromium running inside a device host's
 * network namespace, with the browser's default network and certificate behaviour, as on a
 * phone or laptop of the household:
 * - WebRTC as shipped: no `--allow-loopback-in-peer-connection`, mDNS host candidates on
 *   (`<uuid>.local` instead of the device's address; resolved by multicast DNS on the LAN);
 * - certificates trusted the way a user's device trusts them: through the NSS database in
 *   `$HOME/.pki/nssdb`, to which the test adds a CA with `certutil`; no
 *   `--ignore-certificate-errors`, no `--unsafely-treat-insecure-origin-as-secure`.
 *
 * Playwright drives Chromium over a pipe, so the browser can live in another network
 * namespace: the executable is a wrapper script that enters the namespace and runs Chromium.
 * Only the flags this machine needs are kept (see LAN_CHROMIUM_ARGS).
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CHROMIUM_PATH, MACHINE_CHROMIUM_ARGS } from '../support/chromium.ts'
import { removeDir } from '../../seed-node/testing/seed-node-process.ts'
import { execBounded } from './namespace-host.ts'
import type { LanHost } from './test-lan.ts'

/**
 * - `--no-sandbox`: the tests run as root, where Chromium refuses its sandbox;
 * - `--disable-gpu`: no GPU on the CI machines;
 * - background networking, component updates, sync, first-run: nothing of Google's may be
 *   asked for (there is no internet; the tries would only add noise and delay);
 * - `--disable-quic`: as everywhere in the tests, HTTP over TCP only.
 */
export const LAN_CHROMIUM_ARGS = MACHINE_CHROMIUM_ARGS

/** Flags a LAN device must never carry: each hides a problem a real phone would have. */
export const FORBIDDEN_LAN_FLAGS = [
  '--allow-loopback-in-peer-connection',
  'WebRtcHideLocalIpsWithMdns',
  '--ignore-certificate-errors',
  '--unsafely-treat-insecure-origin-as-secure'
]

export interface LanDevice {
  name: string
  host: LanHost
  /** The device's HOME: its NSS database is in `.pki/nssdb`. */
  home: string
  context: BrowserContext
  page: Page
  /** Closes the browser and deletes its profile and HOME. Idempotent. */
  dispose: () => Promise<void>
}

export interface LanDeviceOptions {
  /** CA certificates (PEM files) the device trusts, as a user would install them. */
  trustedCaFiles?: string[]
  /**
   * Names the device resolves, name → address, like lines of its hosts file (a domain the
   * household's DNS would answer). Chromium's `--host-resolver-rules` maps a name only; the
   * certificate is still checked against the name.
   */
  hosts?: Readonly<Record<string, string>>
}

/** The flags of one device: the LAN flags, plus its hosts entries. */
export function lanChromiumArgs (options: LanDeviceOptions = {}): string[] {
  const rules = Object.entries(options.hosts ?? {}).map(([name, address]) => `MAP ${name} ${address}`)
  return rules.length === 0 ? LAN_CHROMIUM_ARGS : [...LAN_CHROMIUM_ARGS, `--host-resolver-rules=${rules.join(',')}`]
}

/** Makes `$home/.pki/nssdb` and adds each CA as trusted for servers ("C,,"). */
export async function makeNssDatabase (home: string, caFiles: string[]): Promise<void> {
  const db = path.join(home, '.pki', 'nssdb')
  await mkdir(db, { recursive: true, mode: 0o700 })
  await execBounded('certutil', ['-d', `sql:${db}`, '-N', '--empty-password'])
  for (const [index, caFile] of caFiles.entries()) {
    await execBounded('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', `hearth-test-ca-${index}`, '-i', caFile])
  }
}

/** Adds one more CA to a device's database (as a user installing the household CA later). */
export async function trustCa (device: LanDevice, caFile: string, nickname: string): Promise<void> {
  await execBounded('certutil', ['-d', `sql:${path.join(device.home, '.pki', 'nssdb')}`, '-A', '-t', 'C,,', '-n', nickname, '-i', caFile])
}

async function writeWrapper (home: string, host: LanHost): Promise<string> {
  const wrapper = path.join(home, 'chromium-in-namespace.sh')
  // `exec` keeps the pipe Playwright controls Chromium through (file descriptors 3 and 4).
  await writeFile(wrapper, `#!/bin/sh\nexec nsenter -t ${host.pid} -n -- ${CHROMIUM_PATH} "$@"\n`)
  await chmod(wrapper, 0o755)
  return wrapper
}

/** The environment Chromium runs with: HOME is the device's folder (its NSS database). */
function deviceEnv (home: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
  return { ...env, HOME: home }
}

export interface LanBrowser { browser: Browser, home: string, dispose: () => Promise<void> }

/** A browser (not a persistent profile) on `host`: every `newContext()` is a fresh visitor with its own connections. */
export async function launchLanBrowser (name: string, host: LanHost, options: LanDeviceOptions = {}): Promise<LanBrowser> {
  const home = await mkdtemp(path.join(os.tmpdir(), `hearth-lan-${name}-`))
  try {
    await makeNssDatabase(home, options.trustedCaFiles ?? [])
    const browser = await chromium.launch({ executablePath: await writeWrapper(home, host), args: lanChromiumArgs(options), env: deviceEnv(home) })
    return { browser, home, dispose: async () => { await browser.close().catch(() => {}); await removeDir(home) } }
  } catch (err) {
    await removeDir(home)
    throw err
  }
}

export async function openLanDevice (name: string, host: LanHost, options: LanDeviceOptions = {}): Promise<LanDevice> {
  const home = await mkdtemp(path.join(os.tmpdir(), `hearth-lan-${name}-`))
  try {
    await makeNssDatabase(home, options.trustedCaFiles ?? [])
    const wrapper = await writeWrapper(home, host)
    const context = await chromium.launchPersistentContext(path.join(home, 'profile'), {
      executablePath: wrapper,
      args: lanChromiumArgs(options),
      env: deviceEnv(home),
      serviceWorkers: 'allow'
    })
    let disposed = false
    const device: LanDevice = {
      name,
      host,
      home,
      context,
      page: context.pages()[0] ?? await context.newPage(),
      dispose: async () => {
        if (disposed) return
        disposed = true
        await context.close().catch(() => {})
        await removeDir(home)
      }
    }
    return device
  } catch (err) {
    await removeDir(home)
    throw err
  }
}
