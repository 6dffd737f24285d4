import { describe, expect, it } from 'vitest'
import { PassThrough } from 'node:stream'
import { PushFeed } from '../push-feed.ts'

const H264_SEQUENCE_HEADER = { type: 9, streamId: 1, timestamp: 0, payload: Buffer.from([0x17, 0x00, 0, 0, 0, 0x01]) }

describe('a publisher\'s feed to ffmpeg', () => {
  it('ends ffmpeg\'s stdin at attach when the publisher has already left, after what was held', async () => {
    const feed = new PushFeed('127.0.0.1', { pause: () => {}, resume: () => {}, close: () => {} })
    feed.media(H264_SEQUENCE_HEADER)
    expect(await feed.facts).toEqual({ videoCodec: 'h264', audioCodec: null })
    feed.end('the publisher stopped')
    const stdin = new PassThrough()
    const read: Buffer[] = []
    stdin.on('data', (chunk: Buffer) => read.push(chunk))
    const finished = new Promise(resolve => stdin.once('end', resolve))
    feed.attach(stdin, false)
    expect(stdin.writableEnded).toBe(true)
    await finished
    const bytes = Buffer.concat(read)
    expect(bytes.subarray(0, 3).toString('latin1')).toBe('FLV')
    // The header (9 bytes + previous-tag-size 0), then the held video tag.
    expect(bytes[13]).toBe(9)
  })

  it('keeps stdin open while the publisher streams, and ends it when the publisher leaves', () => {
    const feed = new PushFeed('127.0.0.1', { pause: () => {}, resume: () => {}, close: () => {} })
    feed.media(H264_SEQUENCE_HEADER)
    const stdin = new PassThrough()
    stdin.resume()
    feed.attach(stdin, false)
    expect(stdin.writableEnded).toBe(false)
    feed.end('the publisher stopped')
    expect(stdin.writableEnded).toBe(true)
  })
})
