/**
 * Which compression a response may use, from the request's `Accept-Encoding`: brotli, then
 * gzip, else none. A coding the client lists with `q=0` is refused, as RFC 9110 §12.5.3 says.
 */
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib'

export type ContentCoding = 'br' | 'gzip' | 'identity'

/** Brotli's quality for answers compressed as they stream: 4 is fast and still beats gzip on JSON. */
const BROTLI_STREAM_QUALITY = 4

function acceptedQuality (header: string, coding: string): number {
  let wildcard: number | null = null
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map(param => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(value => value !== undefined)
    const quality = q === undefined ? 1 : Number(q)
    if (name.trim() === coding) return Number.isFinite(quality) ? quality : 0
    if (name.trim() === '*') wildcard = Number.isFinite(quality) ? quality : 0
  }
  return wildcard ?? 0
}

export function pickContentCoding (acceptEncoding: string | undefined): ContentCoding {
  if (acceptEncoding === undefined) return 'identity'
  if (acceptedQuality(acceptEncoding, 'br') > 0) return 'br'
  if (acceptedQuality(acceptEncoding, 'gzip') > 0) return 'gzip'
  return 'identity'
}

export function createCompressor (coding: Exclude<ContentCoding, 'identity'>): BrotliCompress | Gzip {
  return coding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_STREAM_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
    : createGzip()
}
