// history: sourcegraph/cody 7764c4d2e962 — https://github.com/sourcegraph/cody/commit/7764c4d2e96240b5a53e87267e3c231ba05140e7 (diff read)
// leaked: on a configuration change ChatViewManager pruned panel providers whose webview was gone by deleting them from chatPanelProviders without disposing them, so each pruned ChatPanelProvider kept its listeners and subscriptions alive.
// covers: container=map drop=delete resource=custom born=constructor
interface Disposable {
  dispose(): void;
}

interface Event<T> {
  (listener: (e: T) => unknown): Disposable;
}

interface WebviewPanel {
  readonly visible: boolean;
  onDidDispose: Event<void>;
  reveal(): void;
}

interface PanelOptions {
  extensionUri: string;
  isPanelEnabled(): boolean;
  onConfigurationChange: Event<void>;
}

declare class ChatPanelProvider implements Disposable {
  constructor(options: PanelOptions);
  webviewPanel: WebviewPanel | undefined;
  readonly currentChatID: string;
  createWebviewPanel(): Promise<WebviewPanel | undefined>;
  restoreSession(chatID: string): Promise<void>;
  dispose(): void;
}

export class ChatViewManager implements Disposable {
  private chatPanelProviders: Map<string, ChatPanelProvider> = new Map();
  private currentProvider: ChatPanelProvider | undefined;
  private readonly configListener: Disposable;

  constructor(private readonly options: PanelOptions) {
    this.configListener = options.onConfigurationChange(async () => {
      if (!options.isPanelEnabled()) {
        this.disposePanels();
        return;
      }
      // drop the providers whose panel went away
      this.chatPanelProviders.forEach((provider, id) => {
        if (!provider.webviewPanel) {
          provider.dispose();
          this.chatPanelProviders.delete(id); // ok: stop-on-evict
        }
      });
    });
  }

  async createWebviewPanel(chatID?: string): Promise<ChatPanelProvider | undefined> {
    if (!this.options.isPanelEnabled()) {
      return undefined;
    }
    const provider = new ChatPanelProvider(this.options);
    if (chatID) {
      await provider.restoreSession(chatID);
    }
    const panel = await provider.createWebviewPanel();
    if (!panel) {
      provider.dispose();
      return undefined;
    }
    const sessionID = chatID || provider.currentChatID;
    this.currentProvider = provider;
    this.chatPanelProviders.set(sessionID, provider);

    panel.onDidDispose(() => {
      const existing = this.chatPanelProviders.get(sessionID);
      existing?.dispose();
      this.chatPanelProviders.delete(sessionID);
    });
    return provider;
  }

  private disposePanels(): void {
    this.chatPanelProviders.forEach((provider) => provider.dispose());
    this.chatPanelProviders.clear();
    this.currentProvider = undefined;
  }

  dispose(): void {
    this.disposePanels();
    this.configListener.dispose();
  }
}
