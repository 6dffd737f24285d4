/**
 * The `hearth_sync` BEP 10 extension for bittorrent-protocol wires (WebTorrent's, in Node
 * and in the browser). Use it on every wire of the sync torrent:
 *
 *   const HearthSync = createSyncExtension({ keys, role: 'device', deviceId, replica })
 *   syncTorrent.on('wire', wire => wire.use(HearthSync))
 *
 * (WebTorrent emits 'wire' before our extended handshake goes out, so the extension is
 * advertised.) The conversation starts once the peer's extended handshake advertises
 * `hearth_sync`; each wire is independent (sync-session.ts); `HearthSync.stats` counts for
 * all of them.
 */
import { DeviceId } from './hybrid-clock.ts'
import type { DerivedKeys } from './library-key.ts'
import { SyncRole } from './sync-messages.ts'
import type { SyncPeerInfo, SyncReplica } from './sync-replica.ts'
import { SyncSession } from './sync-session.ts'
import { createSyncStats, type SyncStats } from './sync-stats.ts'

export const SYNC_EXTENSION_NAME = 'hearth_sync'

/** The parts of a bittorrent-protocol Wire the extension touches. */
export interface ExtensionWire {
  readonly destroyed: boolean
  readonly destroying?: boolean
  extended (ext: string, payload: Uint8Array): void
  once (event: 'close' | 'finish', listener: () => void): unknown
}

export interface SyncExtensionOptions {
  /** From `deriveKeys(libraryKey)`; only `sealKey` is used here. */
  keys: DerivedKeys
  /** What we are: told to peers in our hello. */
  role: 'seed-node' | 'device'
  /** Our device id (the one our HLC stamps carry). */
  deviceId: string
  /** The store to sync. */
  replica: SyncReplica
  /** Called once per wire when the peer's first hello arrives. Default: none. */
  onPeer?: (peer: SyncPeerInfo) => void
  /** Called with errors that were contained (replica failures, send failures). Default: none. */
  onWarning?: (error: Error) => void
  /** Counters to increment; pass one to share it between clients. Default: a fresh one. */
  stats?: SyncStats
}

const KNOWN_OPTIONS = new Set(['keys', 'role', 'deviceId', 'replica', 'onPeer', 'onWarning', 'stats'])

export class SyncOptionsError extends Error {
  readonly code = 'HEARTH_E_BAD_SYNC_OPTIONS'
}

export interface SyncExtension {
  readonly name: typeof SYNC_EXTENSION_NAME
  /** This wire's conversation (its `peer` is known after the first hello). */
  readonly session: SyncSession
  onExtendedHandshake (handshake: { m?: Record<string, unknown> }): void
  onMessage (payload: Uint8Array): void
}

export interface SyncExtensionConstructor {
  new (wire: ExtensionWire): SyncExtension
  readonly prototype: { readonly name: typeof SYNC_EXTENSION_NAME }
  readonly stats: SyncStats
}

export function createSyncExtension (options: SyncExtensionOptions): SyncExtensionConstructor {
  const unknown = Object.keys(options).filter(key => !KNOWN_OPTIONS.has(key))
  if (unknown.length > 0) throw new SyncOptionsError(`unknown sync extension options: ${unknown.join(', ')}`)
  if (!(options.keys?.sealKey instanceof CryptoKey)) throw new SyncOptionsError('keys must come from deriveKeys()')
  if (!SyncRole.safeParse(options.role).success) throw new SyncOptionsError(`role must be 'seed-node' or 'device', not ${String(options.role)}`)
  if (!DeviceId.safeParse(options.deviceId).success) throw new SyncOptionsError('deviceId must be 8-64 characters of [A-Za-z0-9_-]')
  if (typeof options.replica?.snapshot !== 'function' || typeof options.replica.apply !== 'function' || typeof options.replica.onLocalChange !== 'function') {
    throw new SyncOptionsError('replica must implement snapshot, apply and onLocalChange')
  }
  const stats = options.stats ?? createSyncStats()

  class HearthSync implements SyncExtension {
    static readonly stats = stats
    declare readonly name: typeof SYNC_EXTENSION_NAME
    readonly session: SyncSession

    constructor (wire: ExtensionWire) {
      this.session = new SyncSession({
        sealKey: options.keys.sealKey,
        role: options.role,
        deviceId: options.deviceId,
        replica: options.replica,
        stats,
        onPeer: options.onPeer,
        onWarning: options.onWarning,
        transport: {
          send: payload => wire.extended(SYNC_EXTENSION_NAME, payload),
          get closed () { return wire.destroyed || wire.destroying === true }
        }
      })
      const stop = (): void => this.session.stop()
      wire.once('close', stop)
      wire.once('finish', stop)
    }

    /** Only called by the wire when the peer's handshake lists `hearth_sync`; a repeat is ignored. */
    onExtendedHandshake (): void {
      this.session.start()
    }

    onMessage (payload: Uint8Array): void {
      this.session.receive(payload)
    }
  }
  Object.defineProperty(HearthSync.prototype, 'name', { value: SYNC_EXTENSION_NAME })
  return HearthSync
}
