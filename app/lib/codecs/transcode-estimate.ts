/**
 * How long converting a film's picture to H.264 takes on the home server, in words, from the
 * speed it measured (× real time: at start for the catalog, or the running conversion's own).
 * Honest both ways: faster than the film plays means it plays while it converts; slower means
 * pauses to wait, and says by how much. Pure, so the words are tested alone.
 */

/** "about 45 minutes", "about 1 hour 20 minutes", "less than a minute". */
export function spokenDuration (seconds: number): string {
  if (seconds < 60) return 'less than a minute'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = Math.floor(minutes / 60)
  const rest = Math.round((minutes % 60) / 5) * 5
  const hourWords = `${hours} hour${hours === 1 ? '' : 's'}`
  return rest === 0 || rest === 60 ? `about ${rest === 60 ? `${hours + 1} hours` : hourWords}` : `about ${hourWords} ${rest} minutes`
}

/** × real time with one decimal below 10 ("0.6×", "2.5×", "14×"). */
function spokenSpeed (speed: number): string {
  return `${speed < 10 ? speed.toFixed(1) : Math.round(speed)}×`
}

export function transcodeEstimate (durationSec: number | null, speed: number): string {
  const whole = durationSec === null ? '' : `: the whole film takes ${spokenDuration(durationSec / speed)} to convert`
  if (speed >= 1.2) return `Your home server converts this picture at about ${spokenSpeed(speed)} real time${whole}, so it plays while it converts.`
  if (speed >= 0.95) return `Your home server converts this picture at about real time${whole}; playback may pause now and then to wait for it.`
  const waitPerMinute = 60 / speed - 60
  return `Your home server converts this picture at only ${spokenSpeed(speed)} real time${whole}. Expect pauses: each minute of film waits ${spokenDuration(waitPerMinute)} for it.`
}
