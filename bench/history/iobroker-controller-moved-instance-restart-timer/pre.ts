// history: ioBroker/ioBroker.js-controller f4c2b663cc77 — https://github.com/ioBroker/ioBroker.js-controller/commit/f4c2b663cc77a5d34803c370bc00cace48fd832a (diff read)
// leaked: when an adapter instance object was deleted or moved to another host, the controller's object-change handler deleted the instance record from procs while the record could still hold a pending restartTimer (crash restart or staggered start), so the timer later fired startInstance for an instance this host no longer managed.
// covers: container=object-map drop=delete resource=timer born=after-insert
import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

interface InstanceObject {
  _id: string;
  common: {
    enabled: boolean;
    host: string | null;
    mode: 'daemon' | 'schedule' | 'subscribe' | 'once' | 'none';
    webExtension?: boolean;
  };
  native: { webInstance?: boolean };
  deleted?: boolean;
}

interface InstanceProc {
  config: InstanceObject;
  process?: ChildProcess;
  stopping?: boolean;
  restartTimer?: NodeJS.Timeout;
}

const EXIT_RESTART_IMMEDIATELY = 156;
const hostname = os.hostname();
const adaptersDir = '/opt/iobroker/node_modules';

// every adapter instance this host is responsible for, keyed by object id
const procs: Record<string, InstanceProc> = {};
let started = false;
let isStopping = false;

declare function getIPs(): string[];

function belongsToThisHost(config: InstanceObject): boolean {
  return getIPs().includes(config.common.host ?? '') || config.common.host === hostname;
}

function shouldRun(config: InstanceObject): boolean {
  return config.common.enabled && (!config.common.webExtension || !config.native.webInstance);
}

export function initInstances(list: InstanceObject[]): void {
  for (const obj of list) {
    if (belongsToThisHost(obj)) {
      // a record already there (and its timer) is kept, as checkAndAddInstance does (main.js:2164 at f4c2b663)
      procs[obj._id] = procs[obj._id] || { config: obj };
    }
  }
  // staggered start: one instance every two seconds
  let seconds = 0;
  for (const id of Object.keys(procs)) {
    const proc = procs[id];
    if (!shouldRun(proc.config)) {
      continue;
    }
    if (proc.process) {
      continue; // still running, it restarts itself when it ends
    }
    if (proc.restartTimer) {
      clearTimeout(proc.restartTimer);
    }
    proc.restartTimer = setTimeout((_id: string) => startInstance(_id), 1000 * seconds, id);
    seconds += 2;
  }
  started = true;
}

function startInstance(id: string, wakeUp = false): void {
  if (!procs[id]) {
    console.error(`host.${hostname} startInstance ${id}: object not found!`);
    return;
  }
  if (procs[id].restartTimer) {
    clearTimeout(procs[id].restartTimer);
    delete procs[id].restartTimer;
  }
  const instance = procs[id].config;
  if (instance.common.mode !== 'daemon' && !wakeUp) {
    return;
  }
  if (procs[id].process) {
    return; // already running
  }

  const name = id.split('.')[2];
  const args = [id.split('.').pop() ?? '0', 'info'];
  const child = fork(path.join(adaptersDir, `iobroker.${name}`, 'main.js'), args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  procs[id].process = child;
  child.on('exit', (code: number | null) => {
    if (procs[id]) {
      delete procs[id].stopping;
      delete procs[id].process;
    }
    if (!wakeUp && !isStopping && procs[id] && shouldRun(procs[id].config)) {
      if (procs[id].restartTimer) {
        clearTimeout(procs[id].restartTimer);
      }
      procs[id].restartTimer = setTimeout(
        (_id: string) => startInstance(_id),
        code === EXIT_RESTART_IMMEDIATELY ? 1000 : 30000,
        id,
      );
    }
  });
}

function stopInstance(id: string, callback: () => void): void {
  const proc = procs[id];
  if (!proc?.process) {
    callback();
    return;
  }
  proc.stopping = true;
  proc.process.kill();
  delete proc.process;
  callback();
}

export function onObjectChange(id: string, obj: InstanceObject | null): void {
  if (!started || !/^system\.adapter\.[a-zA-Z0-9-_]+\.[0-9]+$/.test(id)) {
    return;
  }
  if (procs[id]) {
    // known instance
    if (!obj) {
      procs[id].config.common.enabled = false;
      procs[id].config.common.host = null;
      procs[id].config.deleted = true;
    } else {
      procs[id].config = obj;
    }
    const mode = procs[id].config.common.mode;
    if (procs[id].process || mode === 'schedule' || mode === 'subscribe') {
      stopInstance(id, () => {
        if (belongsToThisHost(procs[id].config)) {
          if (shouldRun(procs[id].config)) {
            if (procs[id].restartTimer) clearTimeout(procs[id].restartTimer);
            procs[id].restartTimer = setTimeout((_id: string) => startInstance(_id), 2500, id);
          }
        } else {
          delete procs[id]; // expect: stop-on-evict
        }
      });
    } else if (belongsToThisHost(procs[id].config)) {
      if (shouldRun(procs[id].config)) {
        startInstance(id);
      }
    } else {
      delete procs[id]; // expect: stop-on-evict
    }
  } else if (obj && obj.common && belongsToThisHost(obj)) {
    // new instance on this host
    procs[id] = { config: obj };
    if (shouldRun(obj)) {
      startInstance(id);
    }
  }
}

export function stopController(): void {
  isStopping = true;
}
