/**
 * The tracker's open WebSocket connections, in total and per remote address, so an upgrade
 * can be refused over `maxConnections` / `maxConnectionsPerAddress` and `close()` can end
 * the sockets that outlive the HTTP server. A connection leaves when its socket closes.
 */
import type { WebSocket } from 'ws'

export class ConnectionRegistry {
  private readonly sockets = new Set<WebSocket>()
  private readonly countByAddress = new Map<string, number>()

  /** Open connections. */
  get size (): number {
    return this.sockets.size
  }

  /** Remote addresses with at least one open connection. */
  get addressCount (): number {
    return this.countByAddress.size
  }

  /** Open connections from `address`. */
  countFrom (address: string): number {
    return this.countByAddress.get(address) ?? 0
  }

  track (ws: WebSocket, address: string): void {
    this.sockets.add(ws)
    this.countByAddress.set(address, this.countFrom(address) + 1)
    ws.once('close', () => {
      this.sockets.delete(ws)
      const left = (this.countByAddress.get(address) ?? 1) - 1
      if (left > 0) this.countByAddress.set(address, left)
      else this.countByAddress.delete(address)
    })
  }

  terminateAll (): void {
    for (const ws of this.sockets) ws.terminate()
  }
}
