/** Parses an HTTP `Range` header against a resource length (RFC 9110 §14), single range only. */
export type RangeResult =
  | { kind: 'full' }
  | { kind: 'partial', start: number, end: number }
  | { kind: 'unsatisfiable' }

export function parseRange (header: string | undefined, length: number): RangeResult {
  if (header === undefined) return { kind: 'full' }
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  // Multiple ranges or another unit: serving the whole resource is allowed and simplest.
  if (!match) return { kind: 'full' }
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return { kind: 'full' }
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || length === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, length - suffix), end: length - 1 }
  }
  const start = Number(first)
  const end = last === '' ? length - 1 : Math.min(Number(last), length - 1)
  if (start >= length || end < start) return { kind: 'unsatisfiable' }
  return { kind: 'partial', start, end }
}
