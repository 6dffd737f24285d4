/**
 * The host APIs protocol/ may use, declared as narrowly as protocol uses them. protocol/
 * compiles against ES2023 alone (see tsconfig.json), without the DOM or Node typings, so a
 * stray `document`, `window`, `process` or `Buffer` is a compile error here. What remains
 * is WebCrypto, TextEncoder/TextDecoder and URL/URLSearchParams: all of them exist with
 * the same shape in every browser and as globals in Node 20, so protocol stays runnable on
 * both sides. These are structural subsets of the DOM lib's declarations (same names), so
 * app/ and seed-node/ see protocol's emitted declarations resolve to their own full types.
 * Widen a declaration here only when protocol starts using more of the API.
 */

/** Bytes WebCrypto and TextDecoder accept; never shared memory. */
type HearthBufferSource = ArrayBuffer | ArrayBufferView<ArrayBuffer>

type HearthKeyUsage = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'deriveBits' | 'deriveKey'

interface CryptoKey {
  readonly algorithm: { readonly name: string }
  readonly extractable: boolean
  readonly type: string
  readonly usages: string[]
}

// A value too: sync-extension.ts checks `instanceof CryptoKey`.
declare var CryptoKey: {
  prototype: CryptoKey
  new (): CryptoKey
}

interface HkdfParams {
  name: 'HKDF'
  hash: 'SHA-256'
  salt: HearthBufferSource
  info: HearthBufferSource
}

interface AesGcmParams {
  name: 'AES-GCM'
  iv: HearthBufferSource
  additionalData?: HearthBufferSource
  tagLength?: number
}

interface SubtleCrypto {
  importKey (format: 'raw', keyData: HearthBufferSource, algorithm: 'HKDF', extractable: boolean, keyUsages: HearthKeyUsage[]): Promise<CryptoKey>
  deriveBits (algorithm: HkdfParams, baseKey: CryptoKey, length: number): Promise<ArrayBuffer>
  deriveKey (
    algorithm: HkdfParams,
    baseKey: CryptoKey,
    derivedKeyType: { name: 'AES-GCM', length: number } | { name: 'HMAC', hash: 'SHA-256', length: number },
    extractable: boolean,
    keyUsages: HearthKeyUsage[]
  ): Promise<CryptoKey>
  encrypt (algorithm: AesGcmParams, key: CryptoKey, data: HearthBufferSource): Promise<ArrayBuffer>
  decrypt (algorithm: AesGcmParams, key: CryptoKey, data: HearthBufferSource): Promise<ArrayBuffer>
  digest (algorithm: 'SHA-256', data: HearthBufferSource): Promise<ArrayBuffer>
  sign (algorithm: 'HMAC', key: CryptoKey, data: HearthBufferSource): Promise<ArrayBuffer>
}

interface Crypto {
  readonly subtle: SubtleCrypto
  getRandomValues<T extends Uint8Array<ArrayBuffer>> (array: T): T
}

declare var crypto: Crypto

interface TextEncoder {
  encode (input?: string): Uint8Array<ArrayBuffer>
}

declare var TextEncoder: {
  prototype: TextEncoder
  new (): TextEncoder
}

interface TextDecoder {
  decode (input?: HearthBufferSource): string
}

declare var TextDecoder: {
  prototype: TextDecoder
  new (label?: string, options?: { fatal?: boolean }): TextDecoder
}

interface URLSearchParams {
  get (name: string): string | null
  getAll (name: string): string[]
}

declare var URLSearchParams: {
  prototype: URLSearchParams
  new (init?: string): URLSearchParams
}

interface URL {
  readonly origin: string
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly host: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
  readonly searchParams: URLSearchParams
  toString (): string
}

declare var URL: {
  prototype: URL
  new (url: string, base?: string): URL
}
