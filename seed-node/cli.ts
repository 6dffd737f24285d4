/**
 * `npm start -- [options]`: runs the Hearth seed node. Errors a user can fix (missing
 * library, port in use, bad option) are one line naming the problem, with exit code 2.
 * The options themselves live in one table (config.ts); cli-arguments.ts derives the
 * help text and the parsing from it.
 */
// First: V8's small-heap flags, before anything else is loaded (lib/heap-trim.ts).
import './small-heap-setup.ts'
import { helpText, parseCommandLine, type CommandLine } from './cli-arguments.ts'
import { HearthError } from './lib/errors.ts'
import { startSeedNode, type RunningSeedNode } from './seed-node.ts'
import { resolveConfig } from './config.ts'
import { isFirstStart, PAIRING_ON_DEMAND_HINT, shouldPrintPairing } from './access/pairing-print-policy.ts'

/** A hung shutdown must not keep the port: exit anyway after this long. */
const SHUTDOWN_DEADLINE_MS = 10 * 1000

function fail (message: string): never {
  process.stderr.write(`hearth: ${message}\n`)
  process.exit(2)
}

/** The household CA's first-time step, when it issues the certificate. */
function onboardingLines (node: RunningSeedNode): string {
  const { tls, onboardingUrl } = node.reach()
  if (onboardingUrl === null) return ''
  return `  First time on a device? Trust this home server once: open ${onboardingUrl}\n` +
    `  (household CA fingerprint SHA-256 ${tls.caFingerprint ?? ''})\n\n`
}

/** The pairing link at every origin, likeliest first, and a QR code of the first. */
async function announce (node: RunningSeedNode): Promise<void> {
  const { origins, tls } = node.reach()
  const [first = node.url, ...others] = origins
  const link = node.pairingLink(first)
  const { default: QRCode } = await import('qrcode') // only for the first start's pairing link
  const qr = await QRCode.toString(link, { type: 'terminal', small: true })
  const more = others.length === 0 ? '' : `  If that address does not answer, try ${others.length === 1 ? 'this one' : 'these'}:\n${others.map(origin => `  ${node.pairingLink(origin)}\n`).join('')}\n`
  process.stdout.write(`\n  Hearth is running: open ${first}\n\n` +
    `  Pair a device (this browser or any other in the household) by opening:\n  ${link}\n\n` +
    more +
    qr.split('\n').map(line => `  ${line}`).join('\n') + '\n' +
    onboardingLines(node) +
    (tls.warning === null ? '' : `  Certificate: ${tls.warning}\n\n`) +
    '  Anyone with this link joins the household: share it only with your own devices.\n\n')
}

/** OBS's settings for each channel it pushes to (the stream key is the household's secret, like the pairing link). */
function obsLines (node: RunningSeedNode): string {
  const origin = node.reach().origins[0] ?? node.url
  return node.live.obsSettings(new URL(origin).hostname).map(obs =>
    `  Live channel "${obs.channel}" takes a stream from OBS (Settings → Stream → Service: Custom…):\n` +
    `    Server      ${obs.serverUrl}\n` +
    `    Stream key  ${obs.streamKey}\n` +
    `  (Kept in the state folder; a paired device shows it again on the channel's screen.)\n\n`).join('')
}

function stopOnSignals (node: RunningSeedNode): void {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1)
      stopping = true
      setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref()
      node.close().then(() => process.exit(0), () => process.exit(1))
    })
  }
}

let commandLine: CommandLine
try {
  commandLine = parseCommandLine(process.argv.slice(2))
} catch (err) {
  fail(err instanceof Error ? err.message : String(err))
}
if (commandLine.help) {
  process.stdout.write(helpText() + '\n')
  process.exit(0)
}

try {
  const firstStart = await isFirstStart(resolveConfig(commandLine.options).stateDir)
  const node = await startSeedNode(commandLine.options)
  if (shouldPrintPairing({ firstStart })) await announce(node)
  else process.stdout.write(`\n  Hearth is running: open ${node.url}\n\n  ${PAIRING_ON_DEMAND_HINT}\n\n`)
  process.stdout.write(obsLines(node))
  stopOnSignals(node)
} catch (err) {
  if (err instanceof HearthError) fail(err.message)
  throw err
}
