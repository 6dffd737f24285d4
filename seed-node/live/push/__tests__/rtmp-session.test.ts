import net, { type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ChunkReader, COMMAND_MESSAGE_BYTES, writeMessage, type RtmpMessage } from '../rtmp-chunks.ts'
import { MSG, RtmpSession } from '../rtmp-session.ts'

const HANDSHAKE_BYTES = 1536

/** A session on a real loopback connection, driven by a raw client socket (the test's bytes, exactly). */
interface Connected {
  client: Socket
  /** What the session reported as protocol errors. */
  errors: string[]
  /** Resolves when the client's socket closes (the session closed it). */
  closed: Promise<void>
  /** Resolves with the next `count` bytes the session sends. */
  read: (count: number) => Promise<Buffer>
}

const servers: net.Server[] = []
const clients: Socket[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await Promise.all(servers.splice(0).map(async server => await new Promise(resolve => server.close(resolve))))
})

async function connect (): Promise<Connected> {
  const errors: string[] = []
  const server = net.createServer(socket => {
    // The session registers its own listeners; nothing else is needed to keep it.
    void new RtmpSession(socket, {
      onPublish: () => ({ accept: false, description: 'no publishing in this test' }),
      onProtocolError: message => errors.push(message)
    })
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const client = net.connect(port, '127.0.0.1')
  clients.push(client)
  await new Promise<void>((resolve, reject) => { client.once('connect', resolve); client.once('error', reject) })
  let inbox = Buffer.alloc(0)
  let wake: (() => void) | null = null
  client.on('data', (bytes: Buffer) => { inbox = Buffer.concat([inbox, bytes]); wake?.() })
  const closed = new Promise<void>(resolve => client.once('close', () => { wake?.(); resolve() }))
  const read = async (count: number): Promise<Buffer> => {
    while (inbox.length < count) {
      if (client.destroyed) throw new Error(`the connection closed after ${inbox.length} of ${count} bytes`)
      await new Promise<void>(resolve => { wake = resolve })
    }
    const out = inbox.subarray(0, count)
    inbox = inbox.subarray(count)
    return out
  }
  return { client, errors, closed, read }
}

/** Sends C0+C1 and reads S0+S1+S2; returns C2 (for the caller to send, with whatever follows it). */
async function handshake (session: Connected): Promise<Buffer> {
  session.client.write(Buffer.concat([Buffer.from([3]), Buffer.alloc(HANDSHAKE_BYTES, 1)]))
  await session.read(1 + 2 * HANDSHAKE_BYTES)
  return Buffer.alloc(HANDSHAKE_BYTES, 2)
}

const control = (type: number, payload: Buffer): Buffer => writeMessage(2, { type, streamId: 0, timestamp: 0, payload }, 128)
const uint32 = (value: number): Buffer => { const out = Buffer.alloc(4); out.writeUInt32BE(value); return out }

describe('RTMP session', () => {
  it('acknowledges the bytes actually received, when media follows C2 in the same write', async () => {
    const session = await connect()
    const c2 = await handshake(session)
    // A window of 1 byte: every read is acknowledged, with the count of bytes so far.
    const audio: RtmpMessage = { type: MSG.audio, streamId: 1, timestamp: 0, payload: Buffer.alloc(1000, 5) }
    const rest = Buffer.concat([control(MSG.windowAck, uint32(1)), writeMessage(4, audio, 128)])
    session.client.write(Buffer.concat([c2, rest]))
    const total = 1 + HANDSHAKE_BYTES + HANDSHAKE_BYTES + rest.length

    const reader = new ChunkReader()
    let sequence = 0
    while (sequence < total) {
      for (const message of reader.push(await session.read(1))) {
        expect(message.type).toBe(MSG.ack)
        sequence = message.payload.readUInt32BE(0)
      }
    }
    expect(sequence).toBe(total)
    expect(session.errors).toEqual([])
  })

  it('closes with a protocol error when unfinished messages on many chunk streams reach the bound', async () => {
    const session = await connect()
    const c2 = await handshake(session)
    const each = COMMAND_MESSAGE_BYTES / 32
    const firstChunks = Array.from({ length: 64 }, (_, index) =>
      writeMessage(3 + index, { type: MSG.command, streamId: 0, timestamp: 0, payload: Buffer.alloc(each) }, 128).subarray(0, 12 + 128))
    session.client.write(Buffer.concat([c2, ...firstChunks]))
    await session.closed
    expect(session.errors).toHaveLength(1)
    expect(session.errors[0]).toMatch(/over the limit/)
  })

  it('closes with a protocol error on a Set Chunk Size of 1, before any publish', async () => {
    const session = await connect()
    const c2 = await handshake(session)
    session.client.write(Buffer.concat([c2, control(MSG.setChunkSize, uint32(1))]))
    await session.closed
    expect(session.errors).toEqual(['chunk size 1 is out of range'])
  })
})
