// history: josemarluedke/frontile 45dccce19450 — https://github.com/josemarluedke/frontile/commit/45dccce1945092dc4e2a0274e36b7ce484247520 (diff read)
// leaked: NotificationsManager.remove() filtered a notification out of its notifications array without clearing the auto-removal Timer the notification carried, so a notification closed by hand kept its run-loop timer pending until it fired.
// covers: container=array drop=filter resource=custom born=after-insert env=browser
// Shaped like @ember/runloop's declarations (only what the reduction uses).
interface EmberRunTimer {
  readonly __ember_run_timer__: never;
}
declare function later(target: object, method: () => void, wait: number): EmberRunTimer;
declare function cancel(timer?: EmberRunTimer): boolean;

interface NotificationOptions {
  allowClosing?: boolean;
  preserve?: boolean;
  duration?: number;
  transitionDuration?: number;
  appearance?: 'info' | 'success' | 'warning' | 'error';
}

// A pausable countdown that calls onFinish when it runs out.
export class Timer {
  remaining: number;
  isRunning = true;
  private handle?: EmberRunTimer;
  private startedAt = 0;

  constructor(duration: number, readonly onFinish: () => void) {
    this.remaining = duration;
    this.schedule();
  }

  clear(): void {
    this.isRunning = false;
    if (this.handle) {
      cancel(this.handle);
    }
  }

  pause(): void {
    this.clear();
    this.remaining -= Date.now() - this.startedAt;
  }

  resume(): void {
    this.clear();
    this.schedule();
  }

  private schedule(): void {
    this.startedAt = Date.now();
    this.isRunning = true;
    this.handle = later(
      this,
      () => {
        this.onFinish();
        this.isRunning = false;
      },
      this.remaining,
    );
  }
}

export class Notification {
  readonly duration: number;
  readonly transitionDuration: number;
  readonly appearance: NonNullable<NotificationOptions['appearance']>;
  readonly allowClosing: boolean;
  timer?: Timer;
  isRemoving = false;

  constructor(readonly message: string, options: NotificationOptions = {}) {
    this.duration = options.duration ?? 5000;
    this.transitionDuration = options.transitionDuration ?? 200;
    this.appearance = options.appearance ?? 'info';
    this.allowClosing = options.allowClosing !== false;
  }
}

export class NotificationsManager {
  notifications: Notification[] = [];

  add(message: string, options: NotificationOptions = {}): Notification {
    const notification = new Notification(message, options);
    this.notifications = [...this.notifications, notification];
    if (options.preserve !== true) {
      this.scheduleAutoRemoval(notification, notification.duration);
    }
    return notification;
  }

  remove(notification?: Notification): void {
    if (!notification) {
      return;
    }
    notification.isRemoving = true;

    // let the leave transition play before taking it out of the list
    later(
      this,
      () => {
        this.notifications = this.notifications.filter((n) => n !== notification); // expect: stop-on-evict
      },
      notification.transitionDuration,
    );
  }

  removeAll(): void {
    for (const notification of this.notifications) {
      this.remove(notification);
    }
  }

  private scheduleAutoRemoval(notification: Notification, duration: number): void {
    notification.timer = new Timer(duration, () => this.remove(notification));
  }
}

export class NotificationsService {
  readonly manager = new NotificationsManager();

  get notifications(): Notification[] {
    return this.manager.notifications;
  }

  add(message: string, options?: NotificationOptions): Notification {
    return this.manager.add(message, options);
  }

  remove(notification?: Notification): void {
    this.manager.remove(notification);
  }

  removeAll(): void {
    this.manager.removeAll();
  }
}
