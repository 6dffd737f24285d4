/**
 * One side of a WebRTC data channel between two hosts of the test LAN, signalled through the
 * probe server's WebSocket relay: offer/answer and trickled ICE candidates, then each side
 * sends `payloadBytes` and waits for as many from the other. It reports what ICE gathered
 * and which candidate pair carried the bytes, so a test can say *how* the peers connected
 * (mDNS host candidates resolved, peer-reflexive, server-reflexive through STUN).
 *
 * The same function runs in Chromium (passed to `page.evaluate`, so it uses globals only and
 * imports nothing) and in Node (probe-node-peer.ts sets `RTCPeerConnection` from
 * @roamhq/wrtc and `WebSocket` from `ws` on globalThis first).
 */

export interface ProbeOptions {
  /** `wss://…/relay/<room>`: both peers of one room meet there. */
  relayUrl: string
  initiator: boolean
  iceServers: Array<{ urls: string }>
  payloadBytes: number
  timeoutMs: number
}

export interface ProbeCandidate { type: string, address: string, protocol: string }

export interface ProbeResult {
  /** The `candidate:` lines this side gathered and sent. */
  localCandidates: string[]
  /** The `candidate:` lines the other side sent. */
  remoteCandidates: string[]
  /** The pair ICE selected, from getStats (types such as host, srflx, prflx). */
  selected: { local: ProbeCandidate, remote: ProbeCandidate } | null
  bytesReceived: number
  connectionState: string
  /** What went wrong, when the bytes did not arrive in time. */
  error: string | null
}

export async function runProbePeer (options: ProbeOptions): Promise<ProbeResult> {
  const CHUNK_BYTES = 16 * 1024
  /** getStats may lag the data under load: ask again this many times, this far apart, before saying no pair was selected. */
  const STATS_TRIES = 20
  const STATS_RETRY_MS = 100
  const result: ProbeResult = { localCandidates: [], remoteCandidates: [], selected: null, bytesReceived: 0, connectionState: 'new', error: null }
  const ws = new WebSocket(options.relayUrl)
  const pc = new RTCPeerConnection({ iceServers: options.iceServers })
  const send = (message: object): void => ws.send(JSON.stringify(message))
  let timer: ReturnType<typeof setTimeout> | undefined
  let inbox = Promise.resolve()
  let pairWhileUp: Promise<ProbeResult['selected']> = Promise.resolve(null)
  const finished = new Promise<void>((resolve, reject) => {
    let receivedAll = false
    let otherReceivedAll = false
    const maybeResolve = (): void => { if (receivedAll && otherReceivedAll) resolve() }
    timer = setTimeout(() => reject(new Error(`no ${options.payloadBytes} bytes within ${options.timeoutMs} ms`)), options.timeoutMs)
    const useChannel = (channel: RTCDataChannel): void => {
      channel.binaryType = 'arraybuffer'
      channel.onmessage = event => {
        const data: unknown = event.data
        result.bytesReceived += data instanceof ArrayBuffer ? data.byteLength : String(data).length
        // Tell the other side through the relay; closing before it has all of ours would cut it off.
        if (result.bytesReceived >= options.payloadBytes && !receivedAll) {
          receivedAll = true
          // Read the pair while the connection is surely up: the other side closes once it has all of ours.
          pairWhileUp = selectedPair(pc)
          send({ done: true })
          maybeResolve()
        }
      }
      channel.onopen = () => {
        for (let sent = 0; sent < options.payloadBytes; sent += CHUNK_BYTES) {
          channel.send(new Uint8Array(Math.min(CHUNK_BYTES, options.payloadBytes - sent)).fill(7))
        }
      }
    }
    pc.onicecandidate = event => {
      if (event.candidate === null || event.candidate.candidate === '') return
      result.localCandidates.push(event.candidate.candidate)
      send({ candidate: event.candidate.toJSON() })
    }
    pc.onconnectionstatechange = () => { result.connectionState = pc.connectionState }
    pc.ondatachannel = event => useChannel(event.channel)
    ws.onerror = () => reject(new Error(`the relay ${options.relayUrl} failed`))
    ws.onmessage = event => {
      const message = JSON.parse(String(event.data)) as { description?: RTCSessionDescriptionInit, candidate?: RTCIceCandidateInit, done?: true }
      if (message.done === true) { otherReceivedAll = true; maybeResolve(); return }
      // In order: a candidate must not be added before the description it belongs to.
      inbox = inbox.then(async () => {
        if (message.description !== undefined) {
          await pc.setRemoteDescription(message.description)
          if (message.description.type === 'offer') {
            await pc.setLocalDescription(await pc.createAnswer())
            send({ description: pc.localDescription })
          }
        } else if (message.candidate !== undefined) {
          result.remoteCandidates.push(message.candidate.candidate ?? '')
          await pc.addIceCandidate(message.candidate)
        }
      }).catch((err: unknown) => reject(err instanceof Error ? err : new Error(String(err))))
    }
    ws.onopen = () => {
      if (!options.initiator) return
      useChannel(pc.createDataChannel('probe'))
      void (async () => {
        await pc.setLocalDescription(await pc.createOffer())
        send({ description: pc.localDescription })
      })().catch((err: unknown) => reject(err instanceof Error ? err : new Error(String(err))))
    }
  })
  try {
    await finished
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err)
  }
  clearTimeout(timer)
  result.connectionState = pc.connectionState
  result.selected = await pairWhileUp ?? await selectedPair(pc)
  pc.close()
  ws.close()
  return result

  /**
   * The pair ICE selected: the transport's `selectedCandidatePairId` (authoritative), else a
   * succeeded pair. Stats can lag the data by a moment under load, so they are asked again,
   * up to STATS_TRIES times, before saying there is none.
   */
  async function selectedPair (connection: RTCPeerConnection): Promise<ProbeResult['selected']> {
    for (let attempt = 0; attempt < STATS_TRIES; attempt++) {
      const found = await readSelectedPair(connection)
      if (found !== null || connection.connectionState === 'closed') return found
      await new Promise(resolve => setTimeout(resolve, STATS_RETRY_MS))
    }
    return null
  }

  async function readSelectedPair (connection: RTCPeerConnection): Promise<ProbeResult['selected']> {
    const reports = new Map<string, Record<string, unknown>>()
    ;(await connection.getStats()).forEach((report: Record<string, unknown>) => { reports.set(String(report.id), report) })
    const transport = [...reports.values()].find(report => report.type === 'transport' && typeof report.selectedCandidatePairId === 'string')
    const pair = (transport !== undefined ? reports.get(String(transport.selectedCandidatePairId)) : undefined) ??
      [...reports.values()].find(report => report.type === 'candidate-pair' && report.state === 'succeeded' && report.nominated === true) ??
      [...reports.values()].find(report => report.type === 'candidate-pair' && report.state === 'succeeded')
    if (pair === undefined) return null
    const describe = (id: unknown): ProbeCandidate => {
      const candidate = reports.get(String(id)) ?? {}
      return { type: String(candidate.candidateType), address: String(candidate.address ?? candidate.ip), protocol: String(candidate.protocol) }
    }
    return { local: describe(pair.localCandidateId), remote: describe(pair.remoteCandidateId) }
  }
}
