// Typings for the parts of bencode that Hearth's tests use (the package ships none).
declare module 'bencode' {
  function encode (value: unknown): Uint8Array
  function decode (data: Uint8Array, encoding?: string): unknown
  const bencode: { encode: typeof encode, decode: typeof decode }
  export default bencode
}
