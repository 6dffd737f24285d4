/**
 * A loopback port nobody uses right now, found by binding port 0 and letting go. With `udp`,
 * the same number is also free for UDP (a DNS server listens on both).
 */
import dgram from 'node:dgram'
import net from 'node:net'

/** Tries before giving up on finding a number free for TCP and UDP alike. */
const MAX_TRIES = 20

async function tcpPort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => { server.once('error', reject).listen(0, '127.0.0.1', resolve) })
  const address = server.address()
  await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

async function udpFree (port: number): Promise<boolean> {
  const socket = dgram.createSocket('udp4')
  const bound = await new Promise<boolean>(resolve => {
    socket.once('error', () => { resolve(false) }).bind(port, '127.0.0.1', () => { resolve(true) })
  })
  if (bound) await new Promise<void>(resolve => { socket.close(() => { resolve() }) })
  return bound
}

export async function freeLoopbackPort ({ udp = false } = {}): Promise<number> {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const port = await tcpPort()
    if (!udp || await udpFree(port)) return port
  }
  throw new Error('no loopback port free for both TCP and UDP')
}
