/**
 * A loopback TCP port that something else already listens on, for the tests of "port in use":
 * held until `release()`.
 */
import net from 'node:net'

export interface BusyPort {
  port: number
  release: () => Promise<void>
}

export async function holdBusyPort (): Promise<BusyPort> {
  const blocker = net.createServer()
  await new Promise<void>((resolve, reject) => { blocker.once('error', reject).listen(0, '127.0.0.1', resolve) })
  const address = blocker.address()
  if (typeof address !== 'object' || address === null) throw new Error('the blocking server has no port')
  return { port: address.port, release: async () => await new Promise<void>(resolve => { blocker.close(() => { resolve() }) }) }
}
