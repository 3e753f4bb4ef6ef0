// history: codesandbox/sandpack a7334adfb712 — https://github.com/codesandbox/sandpack/commit/a7334adfb712abd2342c3fa949f72f201c7ba2c4 (diff read)
// leaked: while Sandpack was running, registerBundler() stored the newly created client in clients.current[clientId] over the client already kept for that id without destroy() (only runSandpack() destroyed first), so each re-registration — e.g. every client's iframe registered again when the template environment changed — left the previous bundler client and its listeners alive.
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
  startRoute?: string;
  showOpenInCodeSandbox?: boolean;
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
interface ClientPropsOverride {
  startRoute?: string;
}

export function useClient(files: SandboxSetup['files'], options: { bundlerURL?: string; bundlerTimeOut?: number }) {
  const [state, setState] = useState<{ status: SandpackStatus }>({ status: 'initial' });

  const preregisteredIframes = useRef<Record<string, { iframe: HTMLIFrameElement; clientPropsOverride?: ClientPropsOverride }>>({});
  const clients = useRef<Record<string, SandpackClient>>({});
  const timeoutHook = useRef<number | null>(null);
  const unsubscribe = useRef<UnsubscribeFunction | undefined>(undefined);

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
    async (iframe: HTMLIFrameElement, clientId: string, clientPropsOverride?: ClientPropsOverride): Promise<SandpackClient> => {
      if (timeoutHook.current) {
        window.clearTimeout(timeoutHook.current);
      }
      timeoutHook.current = window.setTimeout(() => {
        unregisterAllClients();
        setState(() => ({ status: 'timeout' }));
      }, options.bundlerTimeOut ?? 40_000);

      const client = await loadSandpackClient(
        iframe,
        { files },
        { bundlerURL: options.bundlerURL, showOpenInCodeSandbox: false, ...clientPropsOverride },
      );

      // the first client carries the context-wide subscription
      if (typeof unsubscribe.current !== 'function') {
        unsubscribe.current = client.listen(handleMessage);
      }
      return client;
    },
    [files],
  );

  const runSandpack = useCallback(async (): Promise<void> => {
    await Promise.all(
      Object.keys(preregisteredIframes.current).map(async (clientId) => {
        if (clients.current[clientId]) {
          clients.current[clientId].destroy();
        }
        const { iframe, clientPropsOverride = {} } = preregisteredIframes.current[clientId];
        clients.current[clientId] = await createClient(iframe, clientId, clientPropsOverride);
      }),
    );
    setState(() => ({ status: 'running' }));
  }, [createClient]);

  const registerBundler = useCallback(
    async (iframe: HTMLIFrameElement, clientId: string, clientPropsOverride?: ClientPropsOverride): Promise<void> => {
      if (state.status === 'running') {
        clients.current[clientId] = await createClient(iframe, clientId, clientPropsOverride); // expect: stop-on-evict
      } else {
        preregisteredIframes.current[clientId] = { iframe, clientPropsOverride };
      }
    },
    [createClient, state.status],
  );

  // a template switch rebuilds every running client on its existing iframe
  const prevEnvironment = useRef<string | undefined>(undefined);
  const watchEnvironment = (environment: string): void => {
    if (state.status !== 'running' || prevEnvironment.current === environment) return;
    prevEnvironment.current = environment;
    Object.entries(clients.current).forEach(([key, client]) => {
      void registerBundler(client.iframe, key);
    });
  };

  const dispatchMessage = (message: SandpackMessage): void => {
    Object.values(clients.current).forEach((client) => client.dispatch(message));
  };

  return { state, runSandpack, registerBundler, unregisterBundler, watchEnvironment, dispatchMessage };
}
