// history: wavetermdev/waveterm 9f6cdfdbf685 (PR #1424) — https://github.com/wavetermdev/waveterm/commit/9f6cdfdbf685da36d702835cf1fb03b8a04d777c (diff read)
// leaked: closing a tab made WaveBrowserWindow.closeTab drop the tab's WaveTabView from allLoadedTabViews without destroying it, so the closed tab's WebContentsView (and its renderer) stayed attached to the window until the global tab cache happened to evict it.
// covers: container=map drop=delete resource=custom born=other-module
// Electron is not installed here: the members below follow electron.d.ts (v33) for the classes used.

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

declare class WebContents {
  readonly id: number;
  close(opts?: { waitForBeforeUnload?: boolean }): void;
  send(channel: string, ...args: any[]): void;
  focus(): void;
  loadFile(filePath: string): Promise<void>;
  on(event: 'destroyed', listener: () => void): this;
}

declare class View {
  setBounds(bounds: Rectangle): void;
  getBounds(): Rectangle;
  addChildView(view: View, index?: number): void;
  removeChildView(view: View): void;
}

declare class WebContentsView extends View {
  constructor(options?: { webPreferences?: { preload?: string; webviewTag?: boolean } });
  readonly webContents: WebContents;
}

declare class BaseWindow {
  constructor(options?: { width?: number; height?: number; show?: boolean });
  readonly contentView: View;
  getContentBounds(): Rectangle;
  close(): void;
  on(event: 'closed', listener: () => void): this;
}

interface CloseTabResult {
  closewindow: boolean;
  newactivetabid: string;
}

declare const WorkspaceService: {
  CloseTab(workspaceId: string, tabId: string, fromElectron: boolean): Promise<CloseTabResult | null>;
};

// --- emain-tabview.ts ---
const wcvCache = new Map<string, WaveTabView>();
export const waveWindowMap = new Map<string, WaveBrowserWindow>();

export class WaveTabView extends WebContentsView {
  waveWindowId = '';
  waveTabId = '';
  isActiveTab = false;
  lastUsedTs = Date.now();

  constructor() {
    super({ webPreferences: { preload: 'preload/index.cjs', webviewTag: true } });
    void this.webContents.loadFile('frontend/index.html');
    this.webContents.on('destroyed', () => {
      removeWaveTabView(this.waveTabId);
      this.isDestroyed = true;
    });
  }

  isDestroyed = false;

  destroy(): void {
    removeWaveTabView(this.waveTabId);
    if (!this.isDestroyed) {
      this.webContents.close();
    }
    this.isDestroyed = true;
  }
}

export function getOrCreateWebViewForTab(waveWindowId: string, tabId: string): WaveTabView {
  let tabView = wcvCache.get(tabId);
  if (tabView) {
    return tabView;
  }
  tabView = new WaveTabView();
  tabView.waveWindowId = waveWindowId;
  tabView.waveTabId = tabId;
  wcvCache.set(tabId, tabView);
  return tabView;
}

function removeWaveTabView(waveTabId: string): void {
  wcvCache.delete(waveTabId);
}

// --- emain-window.ts ---
export class WaveBrowserWindow extends BaseWindow {
  allLoadedTabViews = new Map<string, WaveTabView>();
  activeTabView: WaveTabView | null = null;

  constructor(readonly waveWindowId: string, public workspaceId: string) {
    super({ show: false });
    this.on('closed', () => {
      for (const tabView of this.allLoadedTabViews.values()) {
        tabView.destroy();
      }
      waveWindowMap.delete(this.waveWindowId);
    });
    waveWindowMap.set(waveWindowId, this);
  }

  async closeTab(tabId: string): Promise<void> {
    const rtn = await WorkspaceService.CloseTab(this.workspaceId, tabId, true);
    if (rtn == null) {
      return;
    }
    this.removeTabViewLater(tabId, 1000);
    if (rtn.closewindow) {
      this.close();
      return;
    }
    if (!rtn.newactivetabid) {
      return;
    }
    this.setActiveTab(rtn.newactivetabid);
  }

  removeTabViewLater(tabId: string, delayMs: number): void {
    setTimeout(() => {
      this.removeTabView(tabId, false);
    }, delayMs);
  }

  removeTabView(tabId: string, force: boolean): void {
    if (!force && this.activeTabView?.waveTabId === tabId) {
      return;
    }
    const tabView = this.allLoadedTabViews.get(tabId);
    if (tabView == null) {
      return;
    }
    this.contentView.removeChildView(tabView);
    this.allLoadedTabViews.delete(tabId);
    tabView.destroy();
  }

  switchWorkspace(workspaceId: string, activeTabId: string): void {
    for (const tab of this.allLoadedTabViews.values()) {
      this.contentView.removeChildView(tab);
      tab.destroy();
    }
    this.workspaceId = workspaceId;
    this.allLoadedTabViews = new Map();
    this.setActiveTab(activeTabId);
  }

  setActiveTab(tabId: string): void {
    const tabView = getOrCreateWebViewForTab(this.waveWindowId, tabId);
    if (this.activeTabView === tabView) {
      return;
    }
    if (this.activeTabView) {
      this.activeTabView.isActiveTab = false;
    }
    tabView.isActiveTab = true;
    tabView.lastUsedTs = Date.now();
    this.activeTabView = tabView;
    this.allLoadedTabViews.set(tabId, tabView);
    this.contentView.addChildView(tabView);
    tabView.setBounds({ ...this.getContentBounds(), x: 0, y: 0 });
    tabView.webContents.focus();
  }
}
