/** The "Watched" tick on a finished item. Test hook `watched-badge`. */
import { TEST_IDS } from '../../test-ids.ts'

export function WatchedBadge ({ className }: { className?: string }) {
  return (
    <span className={['watched-badge', className].filter(Boolean).join(' ')} data-testid={TEST_IDS.watchedBadge} title='Watched'>
      <svg viewBox='0 0 16 16' width='12' height='12' aria-hidden='true'><path d='M3 8.5l3 3 7-7' fill='none' stroke='currentColor' strokeWidth='2.2' strokeLinecap='round' strokeLinejoin='round' /></svg>
      Watched
    </span>
  )
}
