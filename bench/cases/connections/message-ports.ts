// Shapes: MessagePorts per channel name. Close then delete (must not report); drop without close
// (must report); reassigning the module-level container (must report).
import { MessageChannel, type MessagePort } from 'node:worker_threads';

let ports = new Map<string, MessagePort>();

export function open(name: string): MessagePort {
  const existing = ports.get(name);
  if (existing) return existing;
  const { port1, port2 } = new MessageChannel();
  ports.set(name, port1); // ok: stop-on-evict
  return port2;
}

export function closePort(name: string): void {
  ports.get(name)?.close();
  ports.delete(name); // ok: stop-on-evict
}

export function dropPort(name: string): void {
  ports.delete(name); // expect: stop-on-evict
}

export function resetPorts(): void {
  ports = new Map(); // expect: stop-on-evict
}
