import { describe, expect, it } from 'vitest'
import { spokenDuration, transcodeEstimate } from '../transcode-estimate.ts'

describe('transcode estimate in words', () => {
  it('speaks durations as people say them', () => {
    expect(spokenDuration(30)).toBe('less than a minute')
    expect(spokenDuration(60)).toBe('about 1 minute')
    expect(spokenDuration(45 * 60)).toBe('about 45 minutes')
    expect(spokenDuration(80 * 60)).toBe('about 1 hour 20 minutes')
    expect(spokenDuration(2 * 3600 + 59 * 60)).toBe('about 3 hours')
    expect(spokenDuration(2 * 3600 + 2 * 60)).toBe('about 2 hours')
  })

  it('says a fast conversion plays while it converts', () => {
    expect(transcodeEstimate(7200, 2.5)).toBe('Your home server converts this picture at about 2.5× real time: the whole film takes about 48 minutes to convert, so it plays while it converts.')
  })

  it('says a slow conversion means pauses, and how long', () => {
    expect(transcodeEstimate(7200, 0.5)).toBe('Your home server converts this picture at only 0.5× real time: the whole film takes about 4 hours to convert. Expect pauses: each minute of film waits about 1 minute for it.')
  })

  it('leaves out the whole-film time when the length is unknown', () => {
    expect(transcodeEstimate(null, 1)).toBe('Your home server converts this picture at about real time; playback may pause now and then to wait for it.')
  })
})
