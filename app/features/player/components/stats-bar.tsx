/** Live transfer stats under the player. Test hooks `stat-*` (see `test-ids.ts`). */
import { formatSpeed } from '../../../lib/format/format-bytes.ts'
import { formatPercent } from '../../../lib/format/format-percent.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import type { PlaybackStats } from '../use-playback-stats.ts'

export function StatsBar ({ stats }: { stats: PlaybackStats }) {
  return (
    <dl className='stats' aria-live='off'>
      <Stat label='Peers' testId={TEST_IDS.statPeers} value={String(stats.peers)} />
      <Stat label='Download' testId={TEST_IDS.statSpeed} value={formatSpeed(stats.downloadBytesPerSec)} />
      <Stat label='Buffered' testId={TEST_IDS.statBuffered} value={`${stats.bufferedAheadSec.toFixed(1)} s`} />
      <Stat label='Torrent' testId={TEST_IDS.statProgress} value={formatPercent(stats.progress)} />
      <div className='stats__bar' aria-hidden='true'>
        <div className='stats__fill' style={{ width: `${Math.min(100, stats.progress * 100)}%` }} />
      </div>
    </dl>
  )
}

function Stat ({ label, value, testId }: { label: string, value: string, testId: string }) {
  return (
    <div className='stats__item'>
      <dt className='stats__label'>{label}</dt>
      <dd className='stats__value' data-testid={testId}>{value}</dd>
    </div>
  )
}
