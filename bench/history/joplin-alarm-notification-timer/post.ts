// history: laurent22/joplin eca0ab0ef606 — https://github.com/laurent22/joplin/commit/eca0ab0ef606a9c2eea3741802a74c19bcab58c1 (diff read)
// leaked: AlarmServiceDriverNode.scheduleNotification() replaced the notifications_ record of an already-scheduled alarm id with a fresh one, dropping the previous record whose pending timeoutId was never cleared, so the stale timer still fired its desktop notification.
// covers: container=object-map drop=overwrite resource=timer born=after-insert
interface AlarmNotification {
  id: number;
  date: Date;
  title: string;
  body?: string;
}

interface ScheduledNotification extends AlarmNotification {
  timeoutId?: NodeJS.Timeout;
}

declare function notify(options: { appName: string; title: string; message?: string }): void;

// setTimeout misbehaves with very long delays, so far-away alarms are re-armed in steps
const MAX_DELAY_MS = 60 * 60 * 1000;

export class NodeAlarmDriver {
  private readonly notifications: Record<number, ScheduledNotification> = {};

  constructor(private readonly appName: string) {}

  isScheduled(id: number): boolean {
    return id in this.notifications;
  }

  async clearNotification(id: number): Promise<void> {
    if (!this.isScheduled(id)) return;
    clearTimeout(this.notifications[id].timeoutId);
    delete this.notifications[id];
  }

  async scheduleNotification(notification: AlarmNotification): Promise<void> {
    const interval = notification.date.getTime() - Date.now();
    if (interval < 0) return;
    if (isNaN(interval)) {
      throw new Error(`Cannot schedule an invalid notification: ${JSON.stringify(notification)}`);
    }

    // the id may already be armed (re-schedule or update): drop its pending timer first
    if (this.notifications[notification.id]) clearTimeout(this.notifications[notification.id].timeoutId);

    let timeoutId: NodeJS.Timeout;
    if (interval >= MAX_DELAY_MS) {
      timeoutId = setTimeout(() => {
        const current = this.notifications[notification.id];
        if (!current) return;
        void this.scheduleNotification(current);
      }, MAX_DELAY_MS);
    } else {
      timeoutId = setTimeout(() => {
        const options: { appName: string; title: string; message?: string } = {
          appName: this.appName,
          title: notification.title,
        };
        if (notification.body !== undefined) options.message = notification.body;
        notify(options);
        void this.clearNotification(notification.id);
      }, interval);
    }

    this.notifications[notification.id] = { ...notification }; // ok: stop-on-evict
    this.notifications[notification.id].timeoutId = timeoutId;
  }
}
