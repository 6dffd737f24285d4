import { describe, expect, it } from 'vitest'
import { LiveChannel } from '../../../protocol/api/live.ts'
import { urlHost } from '../../lib/url-host.ts'
import { obsServerUrl } from '../live-channels.ts'
import { MAX_REASON_CHARS, offlineReason, withoutUrlCredentials } from '../offline-reason.ts'

describe('an offline reason', () => {
  it('never carries the user and password of a URL that ffprobe or ffmpeg quoted', () => {
    expect(offlineReason('source cannot be read', 'rtsp://admin:pw@cam.lan:554/stream1: Connection refused'))
      .toBe('source cannot be read: rtsp://cam.lan:554/stream1: Connection refused')
    // A password typed by hand with an unescaped "@", a user alone, two URLs, upper-case schemes.
    expect(withoutUrlCredentials('RTSP://admin:p@ss@10.0.0.5/live and http://viewer@cam/x?a=b@c'))
      .toBe('RTSP://10.0.0.5/live and http://cam/x?a=b@c')
    // Nothing to take out: an e-mail-like text outside a URL, a URL without credentials.
    expect(withoutUrlCredentials('mail me@home: rtsp://cam/stream')).toBe('mail me@home: rtsp://cam/stream')
  })

  it('is cut to the schema\'s bound after its prefix is added', () => {
    const said = `rtsp://cam/${'a'.repeat(MAX_REASON_CHARS)}: Connection refused`
    const reason = offlineReason('source cannot be read', said)
    expect(reason).toHaveLength(MAX_REASON_CHARS)
    expect(reason.startsWith('source cannot be read: rtsp://cam/aaa')).toBe(true)
    const view = { id: 'a'.repeat(40), name: 'Cam', state: 'offline', reason, since: new Date(0).toISOString(), windowSec: 10, segmentSec: 1, p2p: false, restarts: 0 }
    expect(LiveChannel.safeParse(view).success).toBe(true)
    expect(offlineReason('ffmpeg exited with code 1')).toBe('ffmpeg exited with code 1')
  })
})

describe('OBS\'s Server URL', () => {
  it('brackets an IPv6 host once, whether it came bracketed (URL.hostname) or bare (--host, Host header)', () => {
    expect(urlHost('::1')).toBe('[::1]')
    expect(urlHost('[::1]')).toBe('[::1]')
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1')
    expect(urlHost('hearth.local')).toBe('hearth.local')
    expect(obsServerUrl(new URL('http://[::1]:8080/').hostname, 1935)).toBe('rtmp://[::1]:1935/live')
    expect(obsServerUrl('fe80::1', 1935)).toBe('rtmp://[fe80::1]:1935/live')
    expect(obsServerUrl('192.168.1.2', 1935)).toBe('rtmp://192.168.1.2:1935/live')
  })
})
