// history: 100mslive/web-sdks 210adaa3a95f — https://github.com/100mslive/web-sdks/commit/210adaa3a95fd4f8c4b9e9c5402a47abbec49557 (diff read)
// leaked: HMSMediaStreamPluginsManager.removePlugins deleted each removed plugin (e.g. the effects / virtual-background plugin) from its plugins set without calling plugin.stop(), so the plugin kept its processing pipeline and output stream running after the local video track stopped using it.
// covers: container=set drop=delete resource=custom born=parameter env=browser
export interface HMSMediaStreamPlugin {
  /** unique per plugin instance; the same name is not added twice */
  getName(): string;
  apply(stream: MediaStream): MediaStream;
  stop(): void;
}

declare const HMSLogger: { e(...args: unknown[]): void };

export class HMSMediaStreamPluginsManager {
  private plugins = new Set<HMSMediaStreamPlugin>();

  addPlugins(plugins: HMSMediaStreamPlugin[]): void {
    plugins.forEach((plugin) => this.plugins.add(plugin));
  }

  removePlugins(plugins: HMSMediaStreamPlugin[]) {
    plugins.forEach((plugin) => {
      plugin.stop();
      this.plugins.delete(plugin);
    });
  }

  applyPlugins(inputStream: MediaStream): MediaStream {
    let processed = inputStream;
    for (const plugin of this.plugins) {
      try {
        processed = plugin.apply(processed);
      } catch (e) {
        HMSLogger.e('Could not apply plugin', e, plugin);
      }
    }
    return processed;
  }

  getPlugins(): string[] {
    return Array.from(this.plugins).map((plugin) => plugin.getName());
  }
}

// the local camera track owns one manager and routes the processed output to the sender
export class HMSLocalVideoTrack {
  private readonly mediaStreamPluginsManager = new HMSMediaStreamPluginsManager();

  constructor(
    readonly nativeTrack: MediaStreamTrack,
    private readonly sender: RTCRtpSender,
  ) {}

  private async processPlugins(): Promise<void> {
    try {
      if (this.mediaStreamPluginsManager.getPlugins().length > 0) {
        const processed = this.mediaStreamPluginsManager.applyPlugins(new MediaStream([this.nativeTrack]));
        await this.sender.replaceTrack(processed.getVideoTracks()[0]);
      } else {
        await this.sender.replaceTrack(this.nativeTrack);
      }
    } catch (e) {
      console.error('error in processing plugin(s)', e);
    }
  }

  async addStreamPlugins(plugins: HMSMediaStreamPlugin[]): Promise<void> {
    this.mediaStreamPluginsManager.addPlugins(plugins);
    await this.processPlugins();
  }

  async removeStreamPlugins(plugins: HMSMediaStreamPlugin[]): Promise<void> {
    this.mediaStreamPluginsManager.removePlugins(plugins);
    await this.processPlugins();
  }
}
