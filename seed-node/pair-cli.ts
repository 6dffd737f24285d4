/**
 * `npm run pair -- [the options given to npm start]`: prints the pairing link(s) and QR
 * code(s) of the household whose state folder the options name, on demand (the seed node
 * prints them on its first start only: access/pairing-print-policy.ts). It reads the key,
 * never makes one, and needs no running node. When the node runs, its own list of addresses
 * (`GET /api/reach`, asked on this machine) names the links; otherwise they name the
 * address from --host and --port (each LAN address for a wildcard host).
 */
import os from 'node:os'
import QRCode from 'qrcode'
import { parseCommandLine } from './cli-arguments.ts'
import { resolveConfig, type SeedNodeConfig } from './config.ts'
import { readLibraryKey } from './access/library-key-file.ts'
import { HearthError } from './lib/errors.ts'
import { deriveKeys } from '../protocol/library-key.ts'
import { pairingLink } from '../protocol/pairing-link.ts'
import { ReachReply } from '../protocol/api/reach.ts'

/** How long the running node gets to say its addresses. */
const REACH_TIMEOUT_MS = 2 * 1000
const USAGE = `Usage: npm run pair -- [options]

Prints the link and QR code that pair a device with this household. Give the options
you give npm start (at least --state when it is not the default; --host and --port name
the address in the link when the seed node is not running). See npm start -- --help.`

function fail (message: string): never {
  process.stderr.write(`hearth pair: ${message}\n`)
  process.exit(2)
}

function hostInUrl (host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

/** Origins from --host and --port: each non-internal address for a wildcard host, loopback last. */
function configuredOrigins (config: SeedNodeConfig): string[] {
  if (config.host !== '0.0.0.0' && config.host !== '::') return [`http://${hostInUrl(config.host)}:${config.port}`]
  const lan = Object.values(os.networkInterfaces()).flat()
    .filter(address => address !== undefined && !address.internal && address.family === 'IPv4')
    .map(address => `http://${address?.address ?? ''}:${config.port}`)
  return [...lan, `http://127.0.0.1:${config.port}`]
}

/** The running node's own list of origins, or null when it does not answer here. */
async function reachableOrigins (config: SeedNodeConfig, credential: string): Promise<string[] | null> {
  const local = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : hostInUrl(config.host)
  try {
    const res = await fetch(`http://${local}:${config.port}/api/reach`, { headers: { authorization: `Bearer ${credential}` }, signal: AbortSignal.timeout(REACH_TIMEOUT_MS) })
    if (!res.ok) return null
    const reply = ReachReply.safeParse(await res.json())
    return reply.success ? reply.data.origins : null
  } catch {
    return null
  }
}

async function printLinks (key: Uint8Array, origins: string[]): Promise<void> {
  let text = '\n  Pair a device (this browser or any other in the household) by opening:\n'
  for (const origin of origins) {
    const link = pairingLink(origin, key)
    const qr = await QRCode.toString(link, { type: 'terminal', small: true })
    text += `\n  ${link}\n\n${qr.split('\n').map(line => `  ${line}`).join('\n')}\n`
  }
  process.stdout.write(text + '  Anyone with this link joins the household: share it only with your own devices.\n\n')
}

async function main (argv: string[]): Promise<void> {
  const commandLine = parseCommandLine(argv)
  if (commandLine.help) {
    process.stdout.write(USAGE + '\n')
    return
  }
  const config = resolveConfig(commandLine.options)
  const key = await readLibraryKey(config.stateDir)
  if (key === null) fail(`no household in ${config.stateDir} yet: start the seed node (npm start) once, or give the --state it uses`)
  const running = await reachableOrigins(config, (await deriveKeys(key)).credential)
  await printLinks(key, running ?? configuredOrigins(config))
}

try {
  await main(process.argv.slice(2))
} catch (err) {
  if (err instanceof HearthError) fail(err.message)
  throw err
}
