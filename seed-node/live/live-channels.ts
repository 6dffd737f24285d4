/**
 * Start-up of live channels (`--live`): refuses, with one line, what can never work (no
 * ffmpeg on the machine, a file source that does not exist), clears rings an earlier run
 * left in `<state>/live/` (disk use never grows, even for a channel no longer configured),
 * and starts one supervised ffmpeg per channel. A camera missing at start is not refused:
 * it may be plugged in later, and the channel is offline until then.
 * Channels OBS pushes to (`rtmp-push`) get their stream keys (push/push-keys.ts) and one
 * RTMP port for all of them (push/rtmp-listener.ts), opened only when there is such a channel.
 */
import { access, constants, rm } from 'node:fs/promises'
import path from 'node:path'
import type { LiveChannel as LiveChannelView } from '../../protocol/api/live.ts'
import type { LiveChannelStatus } from '../../protocol/api/status.ts'
import type { SeedNodeConfig } from '../config.ts'
import { detectFfmpeg } from '../editions/ffmpeg-tools.ts'
import { HearthError } from '../lib/errors.ts'
import { urlHost } from '../lib/url-host.ts'
import type { Logger } from '../lib/log.ts'
import type { TeardownStack } from '../teardown-stack.ts'
import { LiveChannel } from './live-channel.ts'
import { LiveRing } from './live-ring.ts'
import { parseLiveChannels, type LiveChannelSpec } from './live-source.ts'
import { PushInlet } from './push/push-inlet.ts'
import { loadOrCreateStreamKeys } from './push/push-keys.ts'
import { RTMP_APP, RtmpListener, type AddressBans } from './push/rtmp-listener.ts'
import { openRecorders } from './record/record-folder.ts'

type LiveConfig = Pick<SeedNodeConfig, 'live' | 'liveP2p' | 'liveWindowSec' | 'liveSegmentSec' | 'liveRtmpPort' | 'liveRecord' | 'liveRecordDir' | 'libraryDir' | 'stateDir' | 'host'>

/** What OBS needs to push to a channel: its Settings → Stream, service "Custom…". */
export interface ObsSettings {
  channelId: string
  channel: string
  /** `rtmp://<host>:<port>/live`, with the host the caller reaches the seed node at. */
  serverUrl: string
  streamKey: string
}

/** OBS's Server URL for `host` (bare or bracketed IPv6, a name, an IPv4 address). */
export function obsServerUrl (host: string, port: number): string {
  return `rtmp://${urlHost(host)}:${port}/${RTMP_APP}`
}

export class LiveChannels {
  private constructor (
    private readonly channels: ReadonlyMap<string, LiveChannel>,
    private readonly inlets: ReadonlyMap<string, PushInlet> = new Map(),
    private readonly rtmp: RtmpListener | null = null
  ) {}

  /** The RTMP port OBS pushes to, or null without a push channel. */
  get rtmpPort (): number | null { return this.rtmp?.port ?? null }

  /** OBS's settings for every push channel, the Server URL naming `host` (what a device or the terminal reaches the node at; an IPv6 address with or without brackets). */
  obsSettings (host: string): ObsSettings[] {
    const port = this.rtmpPort
    if (port === null) return []
    return [...this.inlets.entries()].map(([channelId, inlet]) => ({ channelId, channel: inlet.channelName, serverUrl: obsServerUrl(host, port), streamKey: inlet.key }))
  }

  /** No channels (a server built without `--live`, in tests). */
  static none (): LiveChannels {
    return new LiveChannels(new Map())
  }

  /** The channels; push channels with OBS's settings, naming `host` (the one the caller reached the seed node at). */
  list (host: string): LiveChannelView[] {
    const obs = new Map(this.obsSettings(host).map(settings => [settings.channelId, { serverUrl: settings.serverUrl, streamKey: settings.streamKey }]))
    return [...this.channels.values()].map(channel => ({ ...channel.view(), obs: obs.get(channel.id) ?? null }))
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

  static async open (config: LiveConfig, stack: TeardownStack, log: Logger, bans: AddressBans): Promise<LiveChannels> {
    const specs = parseLiveChannels(config.live)
    // resolveConfig has checked the values already; this narrows the type.
    if (typeof specs === 'string') throw new HearthError('HEARTH_E_BAD_OPTION', `--live ${specs}`)
    const root = LiveRing.root(config.stateDir)
    await rm(root, { recursive: true, force: true })
    if (specs.length === 0) return new LiveChannels(new Map())
    await checkStartable(specs)
    const p2pNames = new Set(config.liveP2p.map(name => name.trim().toLowerCase()))
    const pushed = specs.filter(spec => spec.source.kind === 'push')
    const keys = await loadOrCreateStreamKeys(config.stateDir, pushed.map(spec => spec.id))
    const inlets = new Map(pushed.map(spec => [spec.id, new PushInlet(spec.name, keys.get(spec.id) ?? '')]))
    const rtmp = inlets.size === 0 ? null : await openRtmpPort(config, [...inlets.values()], bans, log)
    if (rtmp !== null) stack.push('live RTMP port', async () => await rtmp.close())
    const channels = new Map(specs.map(spec => [spec.id, new LiveChannel({
      spec,
      ring: new LiveRing(path.join(root, spec.id)),
      windowSec: config.liveWindowSec,
      segmentSec: config.liveSegmentSec,
      p2p: p2pNames.has(spec.name.toLowerCase()),
      inlet: inlets.get(spec.id) ?? null,
      log
    })]))
    const live = new LiveChannels(channels, inlets, rtmp)
    stack.push('live channels', async () => await live.close())
    // Recorders read the rings, so they stop before the channels remove them (the stack unwinds last-in first).
    const recorders = await openRecorders(config, specs, ring => channels.get(ring)?.ring.dir ?? '', log)
    stack.push('live recorders', async () => { await Promise.all(recorders.map(async recorder => await recorder.close())) })
    for (const channel of channels.values()) channel.start()
    for (const recorder of recorders) recorder.start()
    log.info('live.channels', { count: channels.size, windowSec: config.liveWindowSec, segmentSec: config.liveSegmentSec })
    return live
  }
}

async function openRtmpPort (config: LiveConfig, inlets: PushInlet[], bans: AddressBans, log: Logger): Promise<RtmpListener> {
  try {
    const listener = await RtmpListener.open({ host: config.host, port: config.liveRtmpPort, inlets, bans, log })
    log.info('live.rtmp_listening', { host: config.host, port: listener.port, channels: inlets.map(inlet => inlet.channelName).join(',') })
    return listener
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'EADDRINUSE' ? 'is in use (another RTMP server?)' : code === 'EACCES' ? 'needs privileges (ports under 1024)' : (err as Error).message
    throw new HearthError('HEARTH_E_BAD_OPTION', `--live-rtmp-port ${config.liveRtmpPort} on ${config.host} ${why}: choose another port`)
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
