// history: RooCodeInc/Roo-Code b89c6465d4a1 — https://github.com/RooCodeInc/Roo-Code/commit/b89c6465d4a1861c1231e30193079c77f1f61197 (diff read)
// leaked: when a task was rehydrated in place, ClineProvider overwrote the top of clineStack with the new Task after only unhooking its own listeners, never calling abortTask on the old one, so its pause interval, ignore-file watcher and terminals kept running.
// covers: container=array drop=overwrite resource=custom born=factory
import { EventEmitter } from 'node:events';

interface Disposable {
  dispose(): void;
}

interface HistoryItem {
  id: string;
  mode?: string;
}

declare function watchIgnoreFile(cwd: string, onChange: () => void): Disposable;
declare function releaseTerminalsForTask(taskId: string): void;

type TaskEvents = {
  taskFocused: [];
  taskAborted: [];
  taskCompleted: [taskId: string];
};

class Task extends EventEmitter<TaskEvents> {
  readonly taskId: string;
  abort = false;
  abandoned = false;
  private pauseInterval: NodeJS.Timeout | undefined;
  private ignoreController: Disposable | undefined;

  constructor(historyItem: HistoryItem, cwd: string) {
    super();
    this.taskId = historyItem.id;
    this.ignoreController = watchIgnoreFile(cwd, () => this.emit('taskFocused'));
  }

  waitForSubtask(): void {
    this.pauseInterval = setInterval(() => {
      if (this.abort) return;
    }, 1000);
  }

  async abortTask(isAbandoned = false): Promise<void> {
    if (isAbandoned) {
      this.abandoned = true;
    }
    this.abort = true;
    this.emit('taskAborted');
    this.dispose();
  }

  dispose(): void {
    this.removeAllListeners();
    if (this.pauseInterval) {
      clearInterval(this.pauseInterval);
      this.pauseInterval = undefined;
    }
    releaseTerminalsForTask(this.taskId);
    this.ignoreController?.dispose();
    this.ignoreController = undefined;
  }
}

export class ClineProvider {
  private clineStack: Task[] = [];
  private taskEventListeners = new WeakMap<Task, Array<() => void>>();

  constructor(private readonly cwd: string) {}

  getCurrentTask(): Task | undefined {
    return this.clineStack[this.clineStack.length - 1];
  }

  async addClineToStack(task: Task): Promise<void> {
    this.clineStack.push(task);
    task.emit('taskFocused');
    this.prepare(task);
  }

  async removeClineFromStack(): Promise<void> {
    const task = this.clineStack.pop();
    if (!task) return;
    try {
      await task.abortTask(true);
    } catch (e) {
      console.log(`abortTask() failed for ${task.taskId}: ${String(e)}`);
    }
    const cleanups = this.taskEventListeners.get(task);
    if (cleanups) {
      cleanups.forEach((cleanup) => cleanup());
      this.taskEventListeners.delete(task);
    }
  }

  async createTaskWithHistoryItem(historyItem: HistoryItem): Promise<Task> {
    const currentTask = this.getCurrentTask();
    const isRehydratingCurrentTask = currentTask !== undefined && currentTask.taskId === historyItem.id;

    if (!isRehydratingCurrentTask) {
      await this.removeClineFromStack();
    }

    const task = new Task(historyItem, this.cwd);

    if (isRehydratingCurrentTask) {
      // swap the task in place so the webview never sees an empty stack
      const stackIndex = this.clineStack.length - 1;
      const oldTask = this.clineStack[stackIndex];
      const cleanups = this.taskEventListeners.get(oldTask);
      if (cleanups) {
        cleanups.forEach((cleanup) => cleanup());
        this.taskEventListeners.delete(oldTask);
      }

      this.clineStack[stackIndex] = task; // expect: stop-on-evict
      task.emit('taskFocused');
      this.prepare(task);
    } else {
      await this.addClineToStack(task);
    }
    return task;
  }

  private prepare(task: Task): void {
    const onCompleted = (taskId: string) => console.log(`task ${taskId} completed`);
    task.on('taskCompleted', onCompleted);
    this.taskEventListeners.set(task, [() => task.off('taskCompleted', onCompleted)]);
  }
}
