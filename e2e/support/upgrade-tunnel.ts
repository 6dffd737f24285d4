/**
 * Test proxies: passes a WebSocket upgrade on to `host:port` with the given request head
 * (request line and header lines), then pipes both ways until either side closes. Open
 * tunnels are kept in `tunnels` so the proxy can end them when it closes.
 */
import net from 'node:net'

export function tunnelUpgrade (socket: net.Socket, head: Buffer, to: { host: string, port: number }, headLines: string[], tunnels: Set<net.Socket>): void {
  const upstream = net.connect(to.port, to.host, () => {
    upstream.write(`${headLines.join('\r\n')}\r\n\r\n`)
    upstream.write(head)
    upstream.pipe(socket)
    socket.pipe(upstream)
  })
  tunnels.add(upstream)
  upstream.on('close', () => { tunnels.delete(upstream); socket.destroy() })
  upstream.on('error', () => socket.destroy())
  socket.on('error', () => upstream.destroy())
  socket.on('close', () => upstream.destroy())
}
