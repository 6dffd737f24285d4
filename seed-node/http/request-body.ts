/**
 * Reads a JSON request body under a size cap: a declared `content-length` past the cap is
 * refused before reading, and so is a body that grows past it while streaming in (413
 * HEARTH_E_BODY_TOO_LARGE). A body that is not JSON is 400 HEARTH_E_BAD_REQUEST.
 */
import { ApiError } from '../../protocol/api/api-error.ts'
import type { HearthRequest } from './request.ts'

export async function readJsonBody (request: HearthRequest, maxBytes: number, expected: string): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.header('content-type') ?? '')) {
    throw new ApiError('HEARTH_E_BAD_REQUEST', `send JSON (content-type: application/json): ${expected}`)
  }
  const text = await readBody(request, maxBytes)
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError('HEARTH_E_BAD_REQUEST', 'the body is not valid JSON')
  }
}

async function readBody (request: HearthRequest, maxBytes: number): Promise<string> {
  const declared = Number(request.header('content-length') ?? 0)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request.raw) {
    const bytes = chunk as Buffer
    size += bytes.length
    if (size > maxBytes) throw tooLarge(maxBytes)
    chunks.push(bytes)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function tooLarge (maxBytes: number): ApiError {
  return new ApiError('HEARTH_E_BODY_TOO_LARGE', `the body is larger than ${maxBytes / (1024 * 1024)} MiB`)
}
