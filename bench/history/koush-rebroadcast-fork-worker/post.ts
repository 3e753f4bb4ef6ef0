// history: koush/scrypted 09e5cde42ca1 — https://github.com/koush/scrypted/commit/09e5cde42ca1864bada894574368066d0e86fba0 (diff read)
// leaked: when Scrypted asked the rebroadcast plugin for a camera mixin again without first releasing the old one, getMixin forked a new worker thread and overwrote the camera's currentMixins entry, so the previous worker (and its prebuffer mixin) was never terminated.
// covers: container=map drop=overwrite resource=worker born=factory
import type { Worker as NodeWorker } from 'node:worker_threads';

// shaped like @scrypted/sdk (only the members used here)
interface PluginFork<T> {
  result: Promise<T>;
  worker: NodeWorker;
}
interface ScryptedStatic {
  fork?<T>(): PluginFork<T>;
}
declare const sdk: ScryptedStatic;
interface DeviceState {
  id: string;
}
declare const systemManager: {
  getComponent(id: 'info'): Promise<{ getVersion(): Promise<string> }>;
};
declare const semver: { gte(version: string, range: string): boolean };

declare class PrebufferMixin {
  release(): Promise<void>;
}
declare function newPrebufferMixin(
  getTranscodeStorageSettings: () => Promise<unknown>,
  mixinDevice: unknown,
  mixinDeviceState: DeviceState,
): Promise<PrebufferMixin>;

// what the forked worker thread exposes back over rpc
interface RebroadcastPluginFork {
  newPrebufferMixin: typeof newPrebufferMixin;
}

export class RebroadcastPlugin {
  transcodeStorageSettings = { values: {} as Record<string, unknown> };
  currentMixins = new Map<string, {
    terminate?: () => Promise<number>,
    mixin: Promise<PrebufferMixin>,
  }>();

  async getMixin(mixinDevice: unknown, mixinDeviceState: DeviceState) {
    // old scrypted servers could not fork plugins.
    let fork = false;
    try {
      const info = await systemManager.getComponent('info');
      const version = await info.getVersion();
      fork = semver.gte(version, '0.2.5');
    }
    catch (e) {
    }

    if (fork && sdk.fork && typeof mixinDeviceState.id === 'string') {
      const forked = sdk.fork<RebroadcastPluginFork>();
      const result = await forked.result;
      const ret = result.newPrebufferMixin(async () => this.transcodeStorageSettings.values, mixinDevice, mixinDeviceState);
      // scrypted should call release on the mixin, but just in case...
      const previous = this.currentMixins.get(mixinDeviceState.id);
      previous?.mixin?.then(async mixinDevice => {
        try {
          await mixinDevice.release();
        }
        catch (e) {
        }
        previous.terminate?.();
      });
      previous?.terminate?.();
      this.currentMixins.set(mixinDeviceState.id, {
        terminate: () => forked.worker.terminate(),
        mixin: ret,
      });
      return ret;
    }
    else {
      const ret = newPrebufferMixin(async () => this.transcodeStorageSettings.values, mixinDevice, mixinDeviceState);
      this.currentMixins.set(mixinDeviceState.id, {
        mixin: Promise.resolve(ret),
        terminate: undefined,
      });
      return ret;
    }
  }

  async releaseMixin(id: string, mixinDevice: PrebufferMixin) {
    try {
      await mixinDevice.release();
    }
    catch (e) {
    }

    const current = this.currentMixins.get(id);
    const currentMixin = await current?.mixin;
    if (currentMixin === mixinDevice && this.currentMixins.get(id) === current) {
      this.currentMixins.delete(id);
      current?.terminate?.();
    }
  }
}
