/**
 * AMF0, the encoding of RTMP commands (`connect`, `publish`, …) and of `onMetaData`: just
 * what a publisher sends and what the seed node answers. Decoding input from the network is
 * bounded: nesting depth, string and property counts, and it throws Amf0Error on anything
 * malformed (the session closes the connection).
 */
export type Amf0Value = number | boolean | string | null | undefined | Amf0Object | Amf0Value[]
export interface Amf0Object { [key: string]: Amf0Value }

export class Amf0Error extends Error {}

const MAX_DEPTH = 8
const MAX_PROPERTIES = 256

const NUMBER = 0x00
const BOOLEAN = 0x01
const STRING = 0x02
const OBJECT = 0x03
const NULL = 0x05
const UNDEFINED = 0x06
const ECMA_ARRAY = 0x08
const OBJECT_END = 0x09
const STRICT_ARRAY = 0x0a
const DATE = 0x0b
const LONG_STRING = 0x0c

class Reader {
  offset = 0
  constructor (private readonly bytes: Buffer) {}

  take (count: number): Buffer {
    if (this.offset + count > this.bytes.length) throw new Amf0Error('AMF0 value runs past its message')
    const slice = this.bytes.subarray(this.offset, this.offset + count)
    this.offset += count
    return slice
  }

  get done (): boolean { return this.offset >= this.bytes.length }

  shortString (): string { return this.take(this.take(2).readUInt16BE(0)).toString('utf8') }

  value (depth: number): Amf0Value {
    if (depth > MAX_DEPTH) throw new Amf0Error('AMF0 nested too deep')
    const marker = this.take(1)[0]
    switch (marker) {
      case NUMBER: return this.take(8).readDoubleBE(0)
      case BOOLEAN: return this.take(1)[0] !== 0
      case STRING: return this.shortString()
      case LONG_STRING: return this.take(this.take(4).readUInt32BE(0)).toString('utf8')
      case NULL: return null
      case UNDEFINED: return undefined
      case DATE: { const ms = this.take(8).readDoubleBE(0); this.take(2); return ms }
      case ECMA_ARRAY: this.take(4); return this.properties(depth) // the count is a hint; the end marker ends it
      case OBJECT: return this.properties(depth)
      case STRICT_ARRAY: {
        const count = this.take(4).readUInt32BE(0)
        if (count > MAX_PROPERTIES) throw new Amf0Error('AMF0 array too long')
        return Array.from({ length: count }, () => this.value(depth + 1))
      }
      default: throw new Amf0Error(`AMF0 type ${String(marker)} is not supported`)
    }
  }

  private properties (depth: number): Amf0Object {
    const object: Amf0Object = Object.create(null) as Amf0Object
    for (let count = 0; count <= MAX_PROPERTIES; count++) {
      const key = this.shortString()
      if (key === '' && this.bytes[this.offset] === OBJECT_END) { this.take(1); return object }
      object[key] = this.value(depth + 1)
    }
    throw new Amf0Error('AMF0 object has too many properties')
  }
}

/** Every value in a message body (a command: name, transaction id, command object, arguments). */
export function decodeAmf0 (bytes: Buffer): Amf0Value[] {
  const reader = new Reader(bytes)
  const values: Amf0Value[] = []
  while (!reader.done) values.push(reader.value(0))
  return values
}

function shortString (text: string): Buffer {
  const body = Buffer.from(text, 'utf8')
  const length = Buffer.alloc(2)
  length.writeUInt16BE(body.length)
  return Buffer.concat([length, body])
}

function encodeValue (value: Amf0Value): Buffer {
  if (value === null) return Buffer.from([NULL])
  if (value === undefined) return Buffer.from([UNDEFINED])
  if (typeof value === 'number') { const out = Buffer.alloc(9); out[0] = NUMBER; out.writeDoubleBE(value, 1); return out }
  if (typeof value === 'boolean') return Buffer.from([BOOLEAN, value ? 1 : 0])
  if (typeof value === 'string') return Buffer.concat([Buffer.from([STRING]), shortString(value)])
  if (Array.isArray(value)) {
    const count = Buffer.alloc(5); count[0] = STRICT_ARRAY; count.writeUInt32BE(value.length, 1)
    return Buffer.concat([count, ...value.map(encodeValue)])
  }
  const parts = Object.entries(value).flatMap(([key, inner]) => [shortString(key), encodeValue(inner)])
  return Buffer.concat([Buffer.from([OBJECT]), ...parts, Buffer.from([0, 0, OBJECT_END])])
}

export function encodeAmf0 (...values: Amf0Value[]): Buffer {
  return Buffer.concat(values.map(encodeValue))
}
