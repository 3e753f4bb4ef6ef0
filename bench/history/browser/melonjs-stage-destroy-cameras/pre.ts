// history: melonjs/melonJS ad2f2bd582f6 (PR #1550) — https://github.com/melonjs/melonJS/commit/ad2f2bd582f63d233876d1031920d4e511fec845 (diff read)
// leaked: Stage.destroy() emptied its cameras map with clear() without destroying the per-stage cameras that reset() had built from cameraClass, so on every state switch a zombie camera stayed subscribed to the global GAME_RESET and CANVAS_ONRESIZE events.
// covers: container=map drop=clear resource=listener born=constructor env=browser
// Shaped like melonJS's own event module (only what the reduction uses).
declare const GAME_RESET = 'me.game.onReset';
declare const CANVAS_ONRESIZE = 'me.video.onCanvasResize';
declare function on(eventName: string, listener: (...args: any[]) => void, context?: object): void;
declare function off(eventName: string, listener: (...args: any[]) => void, context?: object): void;

interface PostEffect {
  destroy?(): void;
}

class Renderable {
  name = '';
  ancestor?: Renderable;
  destroy(): void {
    this.ancestor = undefined;
  }
}

export class Camera2d extends Renderable {
  static defaultSortOn = 'z';
  private colorMatrixEffect: PostEffect | null = { destroy() {} };

  constructor(
    public minX: number,
    public minY: number,
    public maxX: number,
    public maxY: number,
  ) {
    super();
    // react to game resets and canvas resizes for as long as the camera lives
    on(GAME_RESET, this.reset, this);
    on(CANVAS_ONRESIZE, this.resize, this);
  }

  reset(): void {
    this.minX = 0;
    this.minY = 0;
  }

  resize(width: number, height: number): void {
    this.maxX = this.minX + width;
    this.maxY = this.minY + height;
  }

  override destroy(): void {
    if (this.colorMatrixEffect) {
      this.colorMatrixEffect.destroy?.();
      this.colorMatrixEffect = null;
    }
    super.destroy();
  }
}

export class Light2d extends Renderable {}

type CameraClass = new (minX: number, minY: number, maxX: number, maxY: number) => Camera2d;

interface Application {
  settings: { cameraClass?: CameraClass };
  renderer: { width: number; height: number };
}

interface StageSettings {
  cameras: Camera2d[];
  cameraClass?: CameraClass;
  onResetEvent?: (app: Application, ...args: unknown[]) => void;
  onDestroyEvent?: (app: Application) => void;
}

// one Camera2d shared by every stage that asks for no camera class
let defaultCamera: Camera2d | undefined;

export default class Stage {
  cameras = new Map<string, Camera2d>();
  lights = new Map<string, Light2d>();
  private activeLights = new Set<Light2d>();
  settings: StageSettings;

  constructor(settings?: Partial<StageSettings>) {
    this.settings = { cameras: [], ...settings };
  }

  reset(app: Application, ...extraArgs: unknown[]): void {
    // cameras the user handed in are re-added on every reset
    this.settings.cameras.forEach((camera) => {
      this.cameras.set(camera.name, camera);
    });

    if (!this.cameras.has('default')) {
      const { width, height } = app.renderer;
      const StageCameraClass = this.settings.cameraClass;
      const AppCameraClass = app.settings.cameraClass;
      if (typeof StageCameraClass === 'function') {
        this.cameras.set('default', new StageCameraClass(0, 0, width, height));
      } else if (typeof AppCameraClass === 'function') {
        this.cameras.set('default', new AppCameraClass(0, 0, width, height));
      } else {
        defaultCamera ??= new Camera2d(0, 0, width, height);
        this.cameras.set('default', defaultCamera);
      }
    }

    this.onResetEvent(app, ...extraArgs);
  }

  addLight(name: string, light: Light2d): void {
    this.lights.set(name, light);
    this.activeLights.add(light);
  }

  destroy(app: Application): void {
    // clear all cameras
    this.cameras.clear(); // expect: stop-on-evict
    // lights adopted by the world are destroyed when the world removes them
    this.lights.forEach((light) => {
      if (!light.ancestor) {
        light.destroy();
      }
    });
    this.lights.clear();
    this.activeLights.clear();
    this.onDestroyEvent(app);
  }

  onResetEvent(app: Application, ...args: unknown[]): void {
    this.settings.onResetEvent?.(app, ...args);
  }

  onDestroyEvent(app: Application): void {
    this.settings.onDestroyEvent?.(app);
  }
}
