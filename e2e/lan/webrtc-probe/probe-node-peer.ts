/**
 * The probe peer in Node, with @roamhq/wrtc (the WebRTC the seed node uses): run on a LAN
 * host as `node --import tsx probe-node-peer.ts '<ProbeOptions as JSON>'`, it prints one line
 * `probe result <ProbeResult as JSON>`. The relay's certificate is trusted through
 * NODE_EXTRA_CA_CERTS, set by the test.
 */
import wrtc from '@roamhq/wrtc'
import { WebSocket } from 'ws'
import { runProbePeer, type ProbeOptions } from './probe-peer.ts'

async function main (): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ProbeOptions
  // runProbePeer uses the browser's globals; give Node the same names.
  Object.assign(globalThis, { RTCPeerConnection: wrtc.RTCPeerConnection, WebSocket })
  const result = await runProbePeer(options)
  process.stdout.write(`probe result ${JSON.stringify(result)}\n`)
  // wrtc keeps native threads alive after close(); the answer is out, so leave.
  process.exit(0)
}

main().catch((err: unknown) => {
  process.stderr.write(`probe peer failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(1)
})
