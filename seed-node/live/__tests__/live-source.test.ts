import { describe, expect, it } from 'vitest'
import path from 'node:path'
import { channelIdOf, describeSource, parseLiveChannel, parseLiveChannels } from '../live-source.ts'

describe('--live "Name=source"', () => {
  it('reads each kind of source', () => {
    expect(parseLiveChannel('Front door=/dev/video0')).toMatchObject({ name: 'Front door', source: { kind: 'device', path: '/dev/video0' } })
    expect(parseLiveChannel('Garden=rtsp://user:pw@10.0.0.5:554/stream1')).toMatchObject({ source: { kind: 'network', url: 'rtsp://user:pw@10.0.0.5:554/stream1' } })
    expect(parseLiveChannel('Demo=loop:clips/a.mp4')).toMatchObject({ source: { kind: 'loop', path: path.resolve('clips/a.mp4') } })
    expect(parseLiveChannel('Once=/srv/a.mkv')).toMatchObject({ source: { kind: 'file', path: '/srv/a.mkv' } })
    expect(parseLiveChannel('Test=testsrc')).toMatchObject({ source: { kind: 'testsrc' } })
    expect(parseLiveChannel('Studio=rtmp-push')).toMatchObject({ name: 'Studio', source: { kind: 'push' } })
    // Only the first "=" separates: URLs keep theirs.
    expect(parseLiveChannel('Cam=http://cam/video?x=1')).toMatchObject({ source: { kind: 'network', url: 'http://cam/video?x=1' } })
  })

  it('refuses malformed values with a message naming what is wrong', () => {
    expect(parseLiveChannel('nocamera')).toBe('must be "Name=source", got "nocamera"')
    expect(parseLiveChannel('=testsrc')).toMatch(/^a channel name is 1-40 printable characters/)
    expect(parseLiveChannel('A\u202eB=testsrc')).toMatch(/^a channel name is/)
    expect(parseLiveChannel(`${'x'.repeat(41)}=testsrc`)).toMatch(/^a channel name is/)
    expect(parseLiveChannel('Cam=')).toBe('channel "Cam" has no source ("Cam=/dev/video0")')
    expect(parseLiveChannel('Cam=loop:')).toBe('channel "Cam": loop: needs a file (loop:/path/clip.mp4)')
    expect(parseLiveChannel('Cam=webcam')).toMatch(/^channel "Cam": unknown source "webcam"/)
  })

  it('refuses two channels with one name, whatever the case', () => {
    expect(parseLiveChannels(['Cam=testsrc', 'CAM=/dev/video0'])).toBe('two channels are named "CAM": give each its own name')
    expect(parseLiveChannels(['A=testsrc', 'B=testsrc'])).toHaveLength(2)
  })

  it('gives a channel a stable id from its name', () => {
    expect(channelIdOf('Front door')).toMatch(/^[0-9a-f]{40}$/)
    expect(channelIdOf('Front door')).toBe(channelIdOf('front door'))
    expect(channelIdOf('Front door')).not.toBe(channelIdOf('Garden'))
  })

  it('never logs a camera password', () => {
    expect(describeSource({ kind: 'network', url: 'rtsp://admin:secret@10.0.0.5:554/s1' })).toBe('rtsp://10.0.0.5:554/s1')
  })
})
