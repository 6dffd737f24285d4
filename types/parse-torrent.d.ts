// Typings for the parts of parse-torrent that Hearth uses (the package ships none).
declare module 'parse-torrent' {
  export interface ParsedTorrentFile { path: string, name: string, length: number, offset: number }
  export interface ParsedTorrent {
    infoHash: string
    name?: string
    announce?: string[]
    urlList?: string[]
    files?: ParsedTorrentFile[]
    length?: number
    pieceLength?: number
    lastPieceLength?: number
    pieces?: string[]
    info?: unknown
    infoBuffer?: Uint8Array
    /** The torrent's `creation date`. */
    created?: Date
  }
  export default function parseTorrent (input: string | Uint8Array | ParsedTorrent): Promise<ParsedTorrent>
  export function toMagnetURI (parsed: Partial<ParsedTorrent> & { infoHash: string, xs?: string, ws?: string[] | string, dn?: string, tr?: string[] }): string
  export function toTorrentFile (parsed: ParsedTorrent): Uint8Array
}
