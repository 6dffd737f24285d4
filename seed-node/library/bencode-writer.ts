/**
 * The few bencode shapes a single-file torrent needs (BEP 3): integers, byte strings, lists
 * and dictionaries, keys sorted as the `bencode` package sorts them (JavaScript string
 * order, which is byte order for the ASCII keys of a torrent). Pure: the hashing threads
 * import it without pulling in create-torrent.
 */
export type BencodeValue = number | string | Uint8Array | BencodeValue[] | { [key: string]: BencodeValue | undefined }

const encoder = new TextEncoder()

function write (value: BencodeValue, out: Uint8Array[]): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`bencode holds integers only, not ${value}`)
    out.push(encoder.encode(`i${value}e`))
  } else if (typeof value === 'string') {
    const bytes = encoder.encode(value)
    out.push(encoder.encode(`${bytes.byteLength}:`), bytes)
  } else if (value instanceof Uint8Array) {
    out.push(encoder.encode(`${value.byteLength}:`), value)
  } else if (Array.isArray(value)) {
    out.push(encoder.encode('l'))
    for (const element of value) write(element, out)
    out.push(encoder.encode('e'))
  } else {
    out.push(encoder.encode('d'))
    for (const key of Object.keys(value).sort()) {
      const element = value[key]
      if (element === undefined) continue
      write(key, out)
      write(element, out)
    }
    out.push(encoder.encode('e'))
  }
}

export function bencode (value: BencodeValue): Buffer {
  const out: Uint8Array[] = []
  write(value, out)
  return Buffer.concat(out)
}
