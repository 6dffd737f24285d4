/** A thin bar showing how far into an item the profile is. Test hook `watch-progress`, with `data-position-sec`. */
import { TEST_IDS } from '../../test-ids.ts'

interface WatchProgressBarProps {
  positionSec: number
  /** 0..1; null when the duration is unknown (the bar then shows only that something was watched). */
  fraction: number | null
  className?: string
}

export function WatchProgressBar ({ positionSec, fraction, className }: WatchProgressBarProps) {
  const percent = Math.round((fraction ?? 0) * 1000) / 10
  return (
    <div
      className={['watch-progress', className].filter(Boolean).join(' ')}
      role='progressbar'
      aria-label='Watched'
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fraction === null ? undefined : percent}
      data-testid={TEST_IDS.watchProgress}
      data-position-sec={positionSec}
    >
      <div className='watch-progress__fill' style={{ width: fraction === null ? '4px' : `${percent}%` }} />
    </div>
  )
}
