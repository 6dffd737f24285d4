import { describe, expect, it } from 'vitest'
import { refusalError } from '../api-client-error.ts'

const DOWNLOADS = { action: 'manage downloads', feature: 'downloads' }

describe('refusalError', () => {
  it('keeps the seed node\'s code and message, as a sentence', () => {
    const err = refusalError({ status: 409, statusText: 'Conflict' }, { error: 'HEARTH_E_DOWNLOAD_EXISTS', message: 'abc is already in the download queue' }, DOWNLOADS)
    expect(err).toMatchObject({ code: 'HEARTH_E_DOWNLOAD_EXISTS', message: 'Abc is already in the download queue.' })
  })
  it('leaves a message that starts with an infohash or a file name alone', () => {
    const hash = 'c4013e77880e74d55b5ff325e72fbd7c99992db1'
    expect(refusalError({ status: 409, statusText: 'Conflict' }, { error: 'HEARTH_E_DOWNLOAD_EXISTS', message: `${hash} is already in the library` }).message).toBe(`${hash} is already in the library.`)
    expect(refusalError({ status: 400, statusText: 'Bad Request' }, { error: 'HEARTH_E_UNSAFE_PATH', message: 'film.mp4 would leave the folder' }).message).toBe('film.mp4 would leave the folder.')
  })
  it('keeps a code from a newer seed node with its message', () => {
    expect(refusalError({ status: 503, statusText: 'Service Unavailable' }, { error: 'HEARTH_E_SOMETHING_NEW', message: 'try later' }))
      .toMatchObject({ code: 'HEARTH_E_SOMETHING_NEW', message: 'Try later.' })
  })
  it('says "not paired" on 401, with what the user was doing, whatever the body says', () => {
    expect(refusalError({ status: 401, statusText: 'Unauthorized' }, { error: 'HEARTH_E_UNAUTHENTICATED', message: 'x' }, DOWNLOADS))
      .toMatchObject({ code: 'HEARTH_E_UNAUTHENTICATED', message: 'This device is not paired with the household, so it cannot manage downloads.' })
    expect(refusalError({ status: 401, statusText: 'Unauthorized' }, null).message).toBe('This device is not paired with the household yet.')
  })
  it('keeps the HTTP status of a refusal, for pairing to tell "refused" from "could not ask"', () => {
    expect(refusalError({ status: 403, statusText: 'Forbidden' }, null).status).toBe(403)
    expect(refusalError({ status: 401, statusText: 'Unauthorized' }, { error: 'HEARTH_E_UNAUTHENTICATED', message: 'x' }).status).toBe(401)
    expect(refusalError({ status: 503, statusText: 'Service Unavailable' }, null).status).toBe(503)
  })
  it('explains 403 as a refused device', () => {
    expect(refusalError({ status: 403, statusText: 'Forbidden' }, { error: 'HEARTH_E_FORBIDDEN', message: 'forbidden' }).message).toMatch(/^The home server refused this device/)
  })
  it('says an old seed node lacks the feature on a plain 404, and keeps a specific 404', () => {
    expect(refusalError({ status: 404, statusText: 'Not Found' }, null, DOWNLOADS))
      .toMatchObject({ code: 'HEARTH_E_HTTP_404', message: 'This home server does not offer downloads; update the seed node.' })
    expect(refusalError({ status: 404, statusText: 'Not Found' }, { error: 'HEARTH_E_UNKNOWN_DOWNLOAD', message: 'no such download' }, DOWNLOADS))
      .toMatchObject({ code: 'HEARTH_E_UNKNOWN_DOWNLOAD', message: 'No such download.' })
  })
  it('names the status when there is no explanation', () => {
    expect(refusalError({ status: 502, statusText: 'Bad Gateway' }, null)).toMatchObject({ code: 'HEARTH_E_HTTP_502', message: 'The home server answered 502 Bad Gateway.' })
    expect(refusalError({ status: 502, statusText: 'Bad Gateway' }, { error: 'not ours', message: 'x' }).code).toBe('HEARTH_E_HTTP_502')
  })
})
