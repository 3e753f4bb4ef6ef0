// history: beekeeper-studio/beekeeper-studio 5cb49747a7504b2348bd57c67fcf556e822fb604 — https://github.com/beekeeper-studio/beekeeper-studio/commit/5cb49747a7504b2348bd57c67fcf556e822fb604 (diff read)
// leaked: the utility process keeps each session's temp files in a Map whose entries receive an fs FileHandle after insertion ('temp/open'), and both 'temp/delete' (tempFiles.delete) and session teardown (states.delete) dropped those entries without closing the handle, leaving file descriptors open.
// covers: container=map drop=delete resource=custom born=after-insert
import fs from 'node:fs';

// shaped like @types/tmp (only the members used)
interface FileResult {
  name: string;
  fd: number;
  removeCallback(): void;
}
declare const tmp: { fileSync(options?: { postfix?: string }): FileResult };

declare function uuidv4(): string;

// shaped like electron's MessagePortMain (only the members used)
declare class MessagePortMain {
  on(event: 'message', listener: (messageEvent: { data: any }) => void): this;
  start(): void;
  close(): void;
}

declare function runHandler(id: string, name: string, args: unknown): Promise<void>;

export interface TempFile {
  fileObject: FileResult;
  fileHandle: fs.promises.FileHandle | null;
}

class State {
  port: MessagePortMain | null = null;
  tempFiles: Map<string, TempFile> = new Map();
}

const states = new Map<string, State>();

export function state(id: string): State {
  return states.get(id)!;
}

export function newState(id: string): void {
  states.set(id, new State());
}

export async function removeState(id: string): Promise<void> {
  const state = states.get(id);
  if (!state) return;
  for (const file of state.tempFiles.values()) {
    if (file.fileHandle) {
      await file.fileHandle.close().catch();
    }

    if (file.fileObject) {
      try {
        file.fileObject.removeCallback();
      } catch {}
    }
  }
  state.tempFiles.clear();
  states.delete(id);
}

export const TempHandlers = {
  'temp/create': async function ({ sId }: { sId: string }) {
    const id = uuidv4();

    const fileObject = tmp.fileSync({ postfix: '.txt' });
    state(sId).tempFiles.set(id, {
      fileObject,
      fileHandle: null,
    });

    return { id, name: fileObject.name };
  },
  'temp/open': async function ({ id, sId }: { id: string; sId: string }) {
    const fileObject = state(sId).tempFiles.get(id)?.fileObject;

    if (!fileObject) throw new Error('Could not find file');
    const fileHandle = await fs.promises.open(fileObject.name, 'w+');

    state(sId).tempFiles.get(id)!.fileHandle = fileHandle;
  },
  'temp/write': async function ({ id, content, sId }: { id: string; content: string; sId: string }) {
    const file = state(sId).tempFiles.get(id);

    if (!file) throw new Error('Could not find file');

    await file.fileHandle!.write(content);
  },
  'temp/delete': async function ({ id, sId }: { id: string; sId: string }) {
    const file = state(sId).tempFiles.get(id);

    if (!file) throw new Error('Could not find file');
    if (file.fileHandle) {
      await file.fileHandle.close().catch();
    }
    file.fileObject.removeCallback();
    state(sId).tempFiles.delete(id);
  },
};

async function initState(sId: string, port: MessagePortMain): Promise<void> {
  newState(sId);
  state(sId).port = port;
  state(sId).port!.on('message', ({ data }) => {
    const { id, name, args } = data;
    runHandler(id, name, args);
  });
  state(sId).port!.start();
}

// the utility process's handler for messages from the main process
export async function onParentMessage(data: { type: string; sId: string }, ports: MessagePortMain[]): Promise<void> {
  const { type, sId } = data;
  switch (type) {
    case 'init':
      await initState(sId, ports[0]);
      break;
    case 'close':
      state(sId).port!.close();
      await removeState(sId);
      break;
    default:
      console.error('UNRECOGNIZED MESSAGE TYPE RECEIVED FROM MAIN PROCESS');
  }
}
