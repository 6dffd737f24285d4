/**
 * "Mark as watched" / "Mark as unwatched" (test hooks `mark-watched`, `mark-unwatched`).
 * A finished item offers "unwatched"; an untouched one "watched"; a started one both, except
 * `compact` (a library card), which keeps one clean action: "watched" until it is finished.
 */
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { TEST_IDS } from '../../test-ids.ts'
import { isInProgress } from '../../lib/watch-state/continue-watching.ts'

interface MarkWatchedActionsProps {
  record: WatchRecord | undefined
  disabled?: boolean
  compact?: boolean
  onMarkWatched: () => void
  onMarkUnwatched: () => void
}

export function MarkWatchedActions ({ record, disabled = false, compact = false, onMarkWatched, onMarkUnwatched }: MarkWatchedActionsProps) {
  const finished = record?.finished === true
  const started = isInProgress(record)
  const className = compact ? 'button button--ghost button--small' : 'button button--ghost'
  return (
    <div className='mark-watched'>
      {!finished && (
        <button type='button' className={className} disabled={disabled} onClick={onMarkWatched} data-testid={TEST_IDS.markWatched}>
          {compact ? 'Mark watched' : 'Mark as watched'}
        </button>
      )}
      {(finished || (started && !compact)) && (
        <button type='button' className={className} disabled={disabled} onClick={onMarkUnwatched} data-testid={TEST_IDS.markUnwatched}>
          {compact ? 'Mark unwatched' : 'Mark as unwatched'}
        </button>
      )}
    </div>
  )
}
