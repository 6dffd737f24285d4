/** A GET whose body is counted as it crossed the wire (Node's fetch would decompress it), for transfer sizes. */
import http from 'node:http'

export interface RawReply { status: number, bytes: number, etag: string | null, body: Buffer, ms: number }

export async function rawGet (url: string, headers: Record<string, string>): Promise<RawReply> {
  const started = performance.now()
  return await new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, bytes: body.length, etag: res.headers.etag ?? null, body, ms: performance.now() - started })
      })
      res.on('error', reject)
    })
    request.on('error', reject)
  })
}
