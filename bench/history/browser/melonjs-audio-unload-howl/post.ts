// history: melonjs/melonJS ff496e9a1b30 — https://github.com/melonjs/melonJS/commit/ff496e9a1b3042fa1fe649fd2a05167da8d6109a (diff read)
// leaked: me.audio kept one Howl per sound in the audioTracks object, and unload() (and unloadAll() through it) stopped the sound and deleted its entry without calling the Howl's unload(), so the decoded audio and its cache entry stayed in memory.
// covers: container=object-map drop=delete resource=custom born=constructor env=browser
// Shaped like howler.js 1.x type declarations (only what the reduction uses).
interface HowlOptions {
  urls: string[];
  volume?: number;
  loop?: boolean;
  onload?: () => void;
  onloaderror?: () => void;
}
declare class Howl {
  constructor(options: HowlOptions);
  load(): Howl;
  play(callback?: (soundId: number) => void): Howl;
  stop(soundId?: number): Howl;
  pause(soundId?: number): Howl;
  volume(volume?: number): Howl;
  mute(): Howl;
  unmute(): Howl;
  unload(): void;
}

interface SoundAsset {
  name: string;
  src: string;
}

type LoadArgs = [SoundAsset, (() => void) | undefined, (() => void) | undefined];

export function createAudio(audioFormats: string[], isMobile: boolean) {
  // sound name -> loaded clip
  const audioTracks: { [name: string]: Howl } = {};
  let currentTrackId: string | null = null;
  let currentTrack: Howl | null = null;
  let retryCounter = 0;
  let syncLoading = false;
  const syncLoader: LoadArgs[] = [];

  function soundLoadError(soundId: string, onerror?: () => void): void {
    if (retryCounter++ > 3) {
      console.log(`melonJS: failed loading ${soundId}, disabling audio`);
      onerror?.();
    } else {
      audioTracks[soundId].load();
    }
  }

  const audio = {
    load(sound: SoundAsset, onload?: () => void, onerror?: () => void): number | undefined {
      // mobile browsers only cope with one download at a time
      if (isMobile) {
        if (syncLoading) {
          syncLoader.push([sound, onload, onerror]);
          return undefined;
        }
        syncLoading = true;
      }
      const urls = audioFormats.map((ext) => `${sound.src}${sound.name}.${ext}`);
      const soundclip = new Howl({
        urls,
        volume: 1,
        onloaderror: () => soundLoadError(sound.name, onerror),
        onload: () => {
          syncLoading = false;
          const next = syncLoader.shift();
          if (next) {
            audio.load(...next);
          }
          retryCounter = 0;
          onload?.();
        },
      });
      audioTracks[sound.name] = soundclip;
      return 1;
    },

    play(soundId: string): Howl | null {
      const sound = audioTracks[soundId.toLowerCase()];
      return sound ? sound.play() : null;
    },

    stop(soundId: string): void {
      audioTracks[soundId.toLowerCase()]?.stop();
    },

    playTrack(soundId: string): void {
      currentTrack = audio.play(soundId);
      currentTrackId = soundId.toLowerCase();
    },

    stopTrack(): void {
      if (currentTrack) {
        currentTrack.pause();
        currentTrackId = null;
        currentTrack = null;
      }
    },

    unload(soundId: string): boolean {
      soundId = soundId.toLowerCase();
      if (!(soundId in audioTracks)) {
        return false;
      }
      if (currentTrackId === soundId) {
        audio.stopTrack();
      } else {
        audio.stop(soundId);
      }
      // free the Howl before forgetting it
      audioTracks[soundId].unload();
      delete audioTracks[soundId];
      return true;
    },

    unloadAll(): void {
      for (const soundId in audioTracks) {
        audio.unload(soundId);
      }
    },
  };
  return audio;
}
