// Typings for the parts of create-torrent that Hearth uses (the package ships none).
declare module 'create-torrent' {
  interface CreateTorrentOptions {
    name?: string
    comment?: string
    createdBy?: string
    creationDate?: Date | number
    private?: boolean
    pieceLength?: number
    announceList?: string[][]
    urlList?: string[]
    onProgress?: (hashedBytes: number, totalBytes: number) => void
  }
  type Input = string | string[]
  export default function createTorrent (input: Input, opts: CreateTorrentOptions, cb: (err: Error | null, torrent: Uint8Array) => void): void
}
