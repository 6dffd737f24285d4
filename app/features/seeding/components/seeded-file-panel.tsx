/**
 * One file this tab shares: hashing, then its share link (test id `dropped-file-magnet`)
 * with live seeding stats, and "Stop sharing this file". Test id `dropped-file` on the panel.
 */
import { formatBytes, formatSpeed } from '../../../lib/format/format-bytes.ts'
import { ShareLinkPanel } from '../../../components/share-link-panel.tsx'
import { TEST_IDS } from '../../../test-ids.ts'
import { stopSharingFile, type SeededFile } from '../seeded-files.ts'
import { useSeedStats } from '../use-seeded-files.ts'

export function SeededFilePanel ({ file }: { file: SeededFile }) {
  const stats = useSeedStats(file.torrent)
  return (
    <li className='seeded' data-testid={TEST_IDS.droppedFile} data-info-hash={file.infoHash ?? undefined} data-phase={file.phase}>
      <div className='seeded__head'>
        <h3 className='seeded__name'>{file.name}</h3>
        <span className='seeded__size'>{formatBytes(file.sizeBytes)}</span>
        <button type='button' className='button button--ghost button--small' onClick={() => stopSharingFile(file.id)}>
          {file.phase === 'error' ? 'Dismiss' : 'Stop sharing this file'}
        </button>
      </div>
      {file.phase === 'hashing' && <p className='seeded__status' role='status'><span className='spinner' aria-hidden='true' /> Reading the file to make its link (large files take a while)…</p>}
      {file.phase === 'linking' && <p className='seeded__status' role='status'><span className='spinner' aria-hidden='true' /> Asking the home server for a share link…</p>}
      {file.phase === 'error' && <p className='seeded__status seeded__status--error' role='alert'>{file.error}</p>}
      {file.torrent !== null && file.phase !== 'error' && (
        <dl className='seeded__stats' aria-live='off'>
          <div><dt>Peers</dt><dd data-testid='seed-peers'>{stats.peers}</dd></div>
          <div><dt>Uploaded</dt><dd data-testid='seed-uploaded'>{formatBytes(stats.uploadedBytes)}</dd></div>
          <div><dt>Upload</dt><dd>{formatSpeed(stats.uploadBytesPerSec)}</dd></div>
        </dl>
      )}
      {file.phase === 'seeding' && file.magnet !== null && <ShareLinkPanel magnet={file.magnet} title={file.name} testId={TEST_IDS.droppedFileMagnet} />}
    </li>
  )
}
