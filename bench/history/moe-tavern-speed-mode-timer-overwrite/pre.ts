// history: yaront1111/Moe-s-Tavern 28cbdfe4d0ac — https://github.com/yaront1111/Moe-s-Tavern/commit/28cbdfe4d0acfb009ddc9bbccdc26d181b36811b (diff read)
// leaked: submitting a plan again for a task in SPEED approval mode stored the new auto-approval timeout in speedModeTimeouts over the previous one without clearing it, so the orphaned timer still fired, and its finally block deleted the successor's live entry, leaving that timer uncancellable by approve/reject/delete.
// covers: container=map drop=overwrite resource=timer
type TaskStatus = 'PLANNING' | 'AWAITING_APPROVAL' | 'WORKING';
type ApprovalMode = 'CONTROL' | 'SPEED' | 'TURBO';

interface Task {
  id: string;
  status: TaskStatus;
  planApprovedAt?: string;
}

interface PlanStep {
  stepId: string;
  description: string;
}

// the daemon's state store, reduced to what the plan tools touch
interface TaskState {
  getTask(taskId: string): Task | undefined;
  updateTask(taskId: string, patch: Partial<Task> & { plan?: PlanStep[] }, event: string): Promise<Task>;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  appendActivity(event: string, payload: Record<string, unknown>): void;
}

/** Pending SPEED-mode auto-approvals, one per task, so approve/reject can cancel them. */
const speedModeTimeouts = new Map<string, NodeJS.Timeout>();

export function cancelSpeedModeTimeout(taskId: string): void {
  const timeout = speedModeTimeouts.get(taskId);
  if (timeout) {
    clearTimeout(timeout);
    speedModeTimeouts.delete(taskId);
  }
}

export function clearAllSpeedModeTimeouts(): void {
  for (const timeout of speedModeTimeouts.values()) {
    clearTimeout(timeout);
  }
  speedModeTimeouts.clear();
}

export async function submitPlan(
  state: TaskState,
  settings: { approvalMode: ApprovalMode; speedModeDelayMs?: number },
  taskId: string,
  descriptions: string[],
): Promise<string> {
  const task = state.getTask(taskId);
  if (!task) throw new Error(`Task not found: ${taskId}`);
  const plan = descriptions.map((description, i) => ({ stepId: `step-${i + 1}`, description }));
  await state.updateTask(task.id, { plan, status: 'AWAITING_APPROVAL' }, 'PLAN_SUBMITTED');

  if (settings.approvalMode === 'TURBO') {
    await state.updateTask(task.id, { status: 'WORKING', planApprovedAt: new Date().toISOString() }, 'PLAN_AUTO_APPROVED');
    return 'Plan auto-approved.';
  }
  if (settings.approvalMode !== 'SPEED') {
    return 'Plan submitted. Awaiting human approval.';
  }

  const delayMs = settings.speedModeDelayMs || 2000;
  const timeoutId = setTimeout(async () => {
    try {
      await state.runExclusive(async () => {
        const current = state.getTask(task.id);
        if (!current || current.status !== 'AWAITING_APPROVAL') return;
        await state.updateTask(task.id, { status: 'WORKING', planApprovedAt: new Date().toISOString() }, 'PLAN_AUTO_APPROVED');
      });
    } catch (error) {
      state.appendActivity('TASK_BLOCKED', { taskId: task.id, reason: String(error) });
    } finally {
      speedModeTimeouts.delete(task.id); // expect: stop-on-evict
    }
  }, delayMs);
  speedModeTimeouts.set(task.id, timeoutId); // expect: stop-on-evict
  return `Plan submitted. Auto-approval in ${delayMs}ms.`;
}

export async function approveTask(state: TaskState, taskId: string): Promise<Task> {
  const task = state.getTask(taskId);
  if (!task || task.status !== 'AWAITING_APPROVAL') throw new Error(`Cannot approve ${taskId}`);
  cancelSpeedModeTimeout(taskId);
  return state.updateTask(taskId, { status: 'WORKING', planApprovedAt: new Date().toISOString() }, 'PLAN_APPROVED');
}

export async function rejectTask(state: TaskState, taskId: string): Promise<Task> {
  const task = state.getTask(taskId);
  if (!task || task.status !== 'AWAITING_APPROVAL') throw new Error(`Cannot reject ${taskId}`);
  cancelSpeedModeTimeout(taskId);
  return state.updateTask(taskId, { status: 'PLANNING' }, 'PLAN_REJECTED');
}
