/**
 * OBS's settings for a channel it pushes to (`--live "Name=rtmp-push"`), shown to paired
 * devices on the channel's screen, so the household can set up OBS again without the seed
 * node's terminal. Folded while the channel is live (the key is a secret: not on screen for
 * whoever looks over a shoulder), unfolded while it waits for OBS.
 * Test hooks: `live-obs`, `live-obs-server`, `live-obs-key`.
 */
import type { LiveChannel, ObsSettings } from '../../../../protocol/api/live.ts'
import { CopyField } from '../../../components/copy-field.tsx'
import { TEST_IDS } from '../../../test-ids.ts'

export function ObsSettingsPanel ({ channel, obs }: { channel: LiveChannel, obs: ObsSettings }) {
  return (
    <details className='live-obs' data-testid={TEST_IDS.liveObs} open={channel.state === 'offline'}>
      <summary>Stream to this channel from OBS</summary>
      <p className='player__details'>In OBS: Settings → Stream → Service “Custom…”, then these two. The stream key is the household's secret: a wrong key is refused, and repeated wrong keys ban the address for a while.</p>
      <CopyField label='Server' value={obs.serverUrl} testId={TEST_IDS.liveObsServer} />
      <CopyField label='Stream key' value={obs.streamKey} testId={TEST_IDS.liveObsKey} />
      <p className='player__details'>Set OBS's encoder to H.264 (x264 or a hardware H.264 encoder) with a keyframe interval of 1–2 s: the home server then copies the picture without encoding it again.</p>
    </details>
  )
}
