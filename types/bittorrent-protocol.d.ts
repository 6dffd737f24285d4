// Typings for the parts of bittorrent-protocol that Hearth uses (the package ships none):
// the Wire, a streamx Duplex speaking the peer wire protocol, and its BEP 10 extension API.
declare module 'bittorrent-protocol' {
  import type { EventEmitter } from 'node:events'

  export interface WireExtension {
    onHandshake? (infoHash: string, peerId: string, extensions: Record<string, boolean>): void
    onExtendedHandshake? (handshake: Record<string, unknown>): void
    onMessage? (payload: Uint8Array): void
  }

  export interface WireExtensionConstructor {
    new (wire: Wire): WireExtension
    prototype: { name: string }
  }

  export default class Wire extends EventEmitter {
    constructor (type?: string)
    readonly destroyed: boolean
    readonly destroying: boolean
    peerId: string | null
    /** Extra fields of our extended handshake (the `m` map is filled in by `use`). */
    extendedHandshake: Record<string, unknown>
    peerExtendedHandshake: Record<string, unknown>
    peerExtendedMapping: Record<string, number>
    use (extension: WireExtensionConstructor): void
    handshake (infoHash: string | Uint8Array, peerId: string | Uint8Array, extensions?: Record<string, boolean>): void
    extended (ext: string | number, payload: Uint8Array | Record<string, unknown>): void
    pipe<T> (destination: T): T
    destroy (): this | undefined
    end (): this | undefined
  }
}
