// history: codesandbox/sandpack 04298bef19e8 — https://github.com/codesandbox/sandpack/commit/04298bef19e838d641dfb7e3a455dd190093cbb1 (diff read)
// leaked: useClient's runSandpack() stored each newly loaded bundler client in clients.current[clientId], and when Sandpack was run again for an id that already had a client the old one was overwritten without destroy(), so its iframe message channel and listeners stayed alive.
// covers: container=object-map drop=overwrite resource=custom born=factory env=browser

// Shaped like @codesandbox/sandpack-client's typings (only the members used here).
interface SandpackMessage {
  type: string;
  [key: string]: unknown;
}
type ListenerFunction = (msg: SandpackMessage) => void;
type UnsubscribeFunction = () => void;
interface SandboxSetup {
  files: Record<string, { code: string }>;
  template?: string;
}
interface ClientOptions {
  bundlerURL?: string;
  showOpenInCodeSandbox?: boolean;
  showLoadingScreen?: boolean;
}
declare class SandpackClient {
  iframe: HTMLIFrameElement;
  updateSandbox(sandboxSetup?: SandboxSetup): void;
  destroy(): void;
  dispatch(message: SandpackMessage): void;
  listen(listener: ListenerFunction): UnsubscribeFunction;
}
declare function loadSandpackClient(
  iframeSelector: string | HTMLIFrameElement,
  sandboxSetup: SandboxSetup,
  options?: ClientOptions,
): Promise<SandpackClient>;

// Shaped like @types/react (only the members used here).
interface MutableRefObject<T> {
  current: T;
}
declare function useRef<T>(initialValue: T): MutableRefObject<T>;
declare function useCallback<T extends (...args: never[]) => unknown>(callback: T, deps: readonly unknown[]): T;
declare function useState<S>(initial: S): [S, (update: (prev: S) => S) => void];

type SandpackStatus = 'initial' | 'idle' | 'running' | 'timeout';

export function useClient(files: SandboxSetup['files'], options: { bundlerURL?: string; bundlerTimeOut?: number }) {
  const [state, setState] = useState<{ status: SandpackStatus }>({ status: 'initial' });

  const preregisteredIframes = useRef<Record<string, HTMLIFrameElement>>({});
  const clients = useRef<Record<string, SandpackClient>>({});
  const timeoutHook = useRef<number | null>(null);
  const unsubscribe = useRef<UnsubscribeFunction | undefined>(undefined);
  const unsubscribeClientListeners = useRef<Record<string, Record<string, UnsubscribeFunction>>>({});
  const queuedListeners = useRef<Record<string, ListenerFunction>>({});

  const handleMessage = (msg: SandpackMessage): void => {
    if (msg.type === 'done' && timeoutHook.current) {
      window.clearTimeout(timeoutHook.current);
    }
  };

  const unregisterBundler = (clientId: string): void => {
    const client = clients.current[clientId];
    if (client) {
      client.destroy();
      client.iframe.removeAttribute('src');
      delete clients.current[clientId];
    } else {
      delete preregisteredIframes.current[clientId];
    }
    if (timeoutHook.current) {
      window.clearTimeout(timeoutHook.current);
    }
    Object.values(unsubscribeClientListeners.current[clientId] ?? {}).forEach((off) => off());
    const status = Object.keys(clients.current).length > 0 ? 'running' : 'idle';
    setState(() => ({ status }));
  };

  const unregisterAllClients = useCallback((): void => {
    Object.keys(clients.current).forEach(unregisterBundler);
    if (typeof unsubscribe.current === 'function') {
      unsubscribe.current();
      unsubscribe.current = undefined;
    }
  }, []);

  const createClient = useCallback(
    async (iframe: HTMLIFrameElement, clientId: string): Promise<SandpackClient> => {
      if (timeoutHook.current) {
        window.clearTimeout(timeoutHook.current);
      }
      timeoutHook.current = window.setTimeout(() => {
        unregisterAllClients();
        setState(() => ({ status: 'timeout' }));
      }, options.bundlerTimeOut ?? 40_000);

      const client = await loadSandpackClient(iframe, { files }, { bundlerURL: options.bundlerURL, showOpenInCodeSandbox: false });

      // the first client carries the context-wide subscription
      if (typeof unsubscribe.current !== 'function') {
        unsubscribe.current = client.listen(handleMessage);
      }

      unsubscribeClientListeners.current[clientId] = unsubscribeClientListeners.current[clientId] || {};
      for (const [listenerId, listener] of Object.entries(queuedListeners.current)) {
        unsubscribeClientListeners.current[clientId][listenerId] = client.listen(listener);
      }
      return client;
    },
    [files],
  );

  const runSandpack = useCallback(async (): Promise<void> => {
    await Promise.all(
      Object.keys(preregisteredIframes.current).map(async (clientId) => {
        const iframe = preregisteredIframes.current[clientId];
        clients.current[clientId] = await createClient(iframe, clientId); // expect: stop-on-evict
      }),
    );
    setState(() => ({ status: 'running' }));
  }, [createClient]);

  const registerBundler = (iframe: HTMLIFrameElement, clientId: string): void => {
    preregisteredIframes.current[clientId] = iframe;
  };

  const dispatchMessage = (message: SandpackMessage): void => {
    Object.values(clients.current).forEach((client) => client.dispatch(message));
  };

  return { state, runSandpack, registerBundler, unregisterBundler, dispatchMessage };
}
