/**
 * Start-up of live channels (`--live`): refuses, with one line, what can never work (no
 * ffmpeg on the machine, a file source that does not exist), clears rings an earlier run
 * left in `<state>/live/` (disk use never grows, even for a channel no longer configured),
 * and starts one supervised ffmpeg per channel. A camera missing at start is not refused:
 * it may be plugged in later, and the channel is offline until then.
 */
import { access, constants, rm } from 'node:fs/promises'
import path from 'node:path'
import type { LiveChannel as LiveChannelView } from '../../protocol/api/live.ts'
import type { LiveChannelStatus } from '../../protocol/api/status.ts'
import type { SeedNodeConfig } from '../config.ts'
import { detectFfmpeg } from '../editions/ffmpeg-tools.ts'
import { HearthError } from '../lib/errors.ts'
import type { Logger } from '../lib/log.ts'
import type { TeardownStack } from '../teardown-stack.ts'
import { LiveChannel } from './live-channel.ts'
import { LiveRing } from './live-ring.ts'
import { parseLiveChannels, type LiveChannelSpec } from './live-source.ts'

type LiveConfig = Pick<SeedNodeConfig, 'live' | 'liveP2p' | 'liveWindowSec' | 'liveSegmentSec' | 'stateDir'>

export class LiveChannels {
  private constructor (private readonly channels: ReadonlyMap<string, LiveChannel>) {}

  /** No channels (a server built without `--live`, in tests). */
  static none (): LiveChannels {
    return new LiveChannels(new Map())
  }

  list (): LiveChannelView[] {
    return [...this.channels.values()].map(channel => channel.view())
  }

  /** Each channel's state and counters, for `/api/status`. */
  statuses (): LiveChannelStatus[] {
    const nowMs = Date.now()
    return [...this.channels.values()].map(channel => channel.status(nowMs))
  }

  get (id: string): LiveChannel | undefined {
    return this.channels.get(id)
  }

  async close (): Promise<void> {
    await Promise.all([...this.channels.values()].map(async channel => await channel.close()))
  }

  static async open (config: LiveConfig, stack: TeardownStack, log: Logger): Promise<LiveChannels> {
    const specs = parseLiveChannels(config.live)
    // resolveConfig has checked the values already; this narrows the type.
    if (typeof specs === 'string') throw new HearthError('HEARTH_E_BAD_OPTION', `--live ${specs}`)
    const root = LiveRing.root(config.stateDir)
    await rm(root, { recursive: true, force: true })
    if (specs.length === 0) return new LiveChannels(new Map())
    await checkStartable(specs)
    const p2pNames = new Set(config.liveP2p.map(name => name.trim().toLowerCase()))
    const channels = new Map(specs.map(spec => [spec.id, new LiveChannel({
      spec,
      ring: new LiveRing(path.join(root, spec.id)),
      windowSec: config.liveWindowSec,
      segmentSec: config.liveSegmentSec,
      p2p: p2pNames.has(spec.name.toLowerCase()),
      log
    })]))
    const live = new LiveChannels(channels)
    stack.push('live channels', async () => await live.close())
    for (const channel of channels.values()) channel.start()
    log.info('live.channels', { count: channels.size, windowSec: config.liveWindowSec, segmentSec: config.liveSegmentSec })
    return live
  }
}

async function checkStartable (specs: readonly LiveChannelSpec[]): Promise<void> {
  const tools = await detectFfmpeg()
  if (tools.ffmpeg === null) throw new HearthError('HEARTH_E_BAD_OPTION', '--live needs ffmpeg, which is not on this machine: install it (apt install ffmpeg, opkg install ffmpeg) or point HEARTH_FFMPEG at it')
  if (tools.ffprobe === null) throw new HearthError('HEARTH_E_BAD_OPTION', '--live needs ffprobe (it comes with ffmpeg), which is not on this machine: install ffmpeg or point HEARTH_FFPROBE at it')
  for (const spec of specs) {
    if (spec.source.kind !== 'loop' && spec.source.kind !== 'file') continue
    const file = spec.source.path
    await access(file, constants.R_OK).catch(() => {
      throw new HearthError('HEARTH_E_BAD_OPTION', `--live channel "${spec.name}": cannot read ${file}`)
    })
  }
}
