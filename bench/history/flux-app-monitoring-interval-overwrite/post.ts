// history: RunOnFlux/flux 398ae0e68dde5760a746e88c47d5b01e6ba355ec — https://github.com/RunOnFlux/flux/pull/1623 (diff read)
// leaked: startAppMonitoring replaced appsMonitored[appName] with a fresh object before clearing its oneMinuteInterval, so a restart of monitoring left the old per-minute interval running forever.
// covers: container=object-map drop=overwrite resource=interval born=start-method
import { setInterval, clearInterval } from 'node:timers';

interface StatSample {
  timestamp: number;
  data: Record<string, unknown>;
}

interface MonitoredApp {
  statsStore?: StatSample[];
  lastHourStatsStore?: StatSample[];
  run?: number;
  oneMinuteInterval?: NodeJS.Timeout;
}

type MonitoredApps = Record<string, MonitoredApp>;

declare function getContainer(appName: string): Promise<{ id: string } | null>;
declare function containerStats(appName: string): Promise<Record<string, unknown>>;
declare function logInfo(message: string): void;
declare function logError(message: unknown): void;

const globalMonitored: MonitoredApps = {};

const WEEK = 7 * 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

export function startAppMonitoring(appName: string, appsMonitored: MonitoredApps = globalMonitored): void {
  if (!appName) {
    throw new Error('No App specified');
  }
  logInfo('Initialize Monitoring...');
  const previous = appsMonitored[appName];
  if (previous && previous.oneMinuteInterval) {
    clearInterval(previous.oneMinuteInterval);
  }
  appsMonitored[appName] = {};
  const entry = appsMonitored[appName];
  if (!entry.statsStore) {
    entry.statsStore = [];
  }
  if (!entry.lastHourStatsStore) {
    entry.lastHourStatsStore = [];
  }
  entry.run = 0;
  entry.oneMinuteInterval = setInterval(async () => {
    try {
      const current = appsMonitored[appName];
      if (!current) {
        logError(`Monitoring of ${appName} already stopped`);
        return;
      }
      const container = await getContainer(appName);
      if (!container) {
        stopAppMonitoring(appName, true, appsMonitored);
        return;
      }
      current.run = (current.run ?? 0) + 1;
      const now = Date.now();
      const stats = await containerStats(appName);
      if (current.run % 3 === 0) {
        current.statsStore = (current.statsStore ?? []).concat({ timestamp: now, data: stats }).filter((s) => now - s.timestamp <= WEEK);
      }
      current.lastHourStatsStore = (current.lastHourStatsStore ?? []).concat({ timestamp: now, data: stats }).filter((s) => now - s.timestamp <= HOUR);
    } catch (error) {
      logError(error);
    }
  }, 60 * 1000);
}

export function stopAppMonitoring(appName: string, deleteData: boolean, appsMonitored: MonitoredApps = globalMonitored): void {
  const entry = appsMonitored[appName];
  if (entry) {
    clearInterval(entry.oneMinuteInterval);
    if (deleteData) {
      delete appsMonitored[appName];
    }
  }
}
