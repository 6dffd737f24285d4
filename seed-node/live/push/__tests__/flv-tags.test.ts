import { describe, expect, it } from 'vitest'
import { encodeAmf0 } from '../amf0.ts'
import { audioCodecOf, flvHeader, flvTag, metadataAudioCodec, videoCodecOf } from '../flv-tags.ts'

describe('FLV from RTMP messages', () => {
  it('writes the header with the audio flag only when there is audio', () => {
    expect(flvHeader(true).subarray(0, 5)).toEqual(Buffer.from('FLV\x01\x05', 'latin1'))
    expect(flvHeader(false)[4]).toBe(1)
    expect(flvHeader(true).length).toBe(13)
  })

  it('writes a tag: type, size, 32-bit timestamp split 24+8, the body, then its own size', () => {
    const body = Buffer.from([0x17, 1, 2, 3])
    const tag = flvTag({ type: 9, streamId: 1, timestamp: 0x01020304, payload: body })
    expect(tag).not.toBeNull()
    expect([...(tag ?? Buffer.alloc(0))]).toEqual([9, 0, 0, 4, 0x02, 0x03, 0x04, 0x01, 0, 0, 0, ...body, 0, 0, 0, 15])
    expect(flvTag({ type: 20, streamId: 0, timestamp: 0, payload: body })).toBeNull()
  })

  it('leaves @setDataFrame out of the metadata tag', () => {
    const metadata = encodeAmf0('onMetaData', { audiocodecid: 10, videocodecid: 7 })
    const tag = flvTag({ type: 18, streamId: 1, timestamp: 0, payload: Buffer.concat([encodeAmf0('@setDataFrame'), metadata]) })
    expect(tag?.subarray(11, 11 + metadata.length)).toEqual(metadata)
  })

  it('tells the codecs from the first messages and the metadata', () => {
    expect(videoCodecOf(Buffer.from([0x17, 0]))).toBe('h264')
    expect(videoCodecOf(Buffer.from([0x22]))).toBe('flv1')
    expect(videoCodecOf(Buffer.from([0x90]))).toBe('enhanced')
    expect(videoCodecOf(Buffer.alloc(0))).toBeNull()
    expect(audioCodecOf(Buffer.from([0xaf, 0]))).toBe('aac')
    expect(metadataAudioCodec(Buffer.concat([encodeAmf0('@setDataFrame'), encodeAmf0('onMetaData', { audiocodecid: 10 })]))).toBe('aac')
    expect(metadataAudioCodec(encodeAmf0('onMetaData', { videocodecid: 7 }))).toBe('none')
    expect(metadataAudioCodec(Buffer.from([0x02, 0, 99]))).toBeNull()
  })
})
