// history: BonBon-exchange/bonbon-browser 5111ff471c6a (PR #191) — https://github.com/BonBon-exchange/bonbon-browser/commit/5111ff471c6aab5913c05f5fe2201c68fd485069 (diff read)
// leaked: the 'tab-purge' IPC handler deleted the closed tab's BrowserView from the views record without destroying its webContents, so every closed board kept its renderer process (and whatever it was playing) alive until the app quit.
// covers: container=object-map drop=delete resource=custom born=factory
// Electron is not installed here: the members below follow electron.d.ts of that era (v19), where
// WebContents has no typed destroy(), which is why the real fix casts the view to any.

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

declare class WebContents {
  readonly id: number;
  send(channel: string, ...args: any[]): void;
  on(event: 'dom-ready', listener: Function): this;
  focus(): void;
  loadURL(url: string): Promise<void>;
  toggleDevTools(): void;
}

declare class BrowserView {
  constructor(options?: { webPreferences?: { partition?: string; sandbox?: boolean; webviewTag?: boolean; preload?: string } });
  webContents: WebContents;
  setBounds(bounds: Rectangle): void;
  setAutoResize(options: { width?: boolean; height?: boolean }): void;
}

declare class BrowserWindow {
  addBrowserView(browserView: BrowserView): void;
  setTopBrowserView(browserView: BrowserView): void;
  getSize(): number[];
  isMaximized(): boolean;
}

interface IpcMainEvent {
  sender: WebContents;
}

declare const ipcMain: {
  on(channel: string, listener: (event: IpcMainEvent, ...args: any[]) => void): unknown;
};

declare function resolveHtmlPath(htmlFileName: string): string;

// --- browser.ts ---
let selectedView: BrowserView | null = null;
let mainWindow: BrowserWindow | null = null;

export const getSelectedView = (): BrowserView | null => selectedView;
export const setSelectedView = (view: BrowserView): void => {
  selectedView = view;
};
export const getMainWindow = (): BrowserWindow | null => mainWindow;
export const setMainWindow = (win: BrowserWindow): void => {
  mainWindow = win;
};

export const setBrowserViewBonds = (view: BrowserView): void => {
  const [width = 0, height = 0] = mainWindow?.getSize() ?? [];
  view.setBounds({ x: 0, y: 30, width, height: mainWindow?.isMaximized() ? height - 45 : height - 30 });
};

export const createBrowserView = (): BrowserView => {
  const view = new BrowserView({
    webPreferences: { partition: 'persist:user-partition', sandbox: true, webviewTag: true, preload: 'appPreload.js' },
  });
  mainWindow?.addBrowserView(view);
  setBrowserViewBonds(view);
  view.setAutoResize({ width: true, height: true });
  void view.webContents.loadURL(resolveHtmlPath('index.html'));
  view.webContents.focus();
  return view;
};

// --- ipcMainEvents.ts ---
const views: Record<string, BrowserView> = {};

export const makeIpcMainEvents = (): void => {
  ipcMain.on('tab-select', (_event, args: { tabId: string }) => {
    const viewToShow: BrowserView = views[args.tabId] ? views[args.tabId] : createBrowserView();
    views[args.tabId] = viewToShow;
    getMainWindow()?.setTopBrowserView(viewToShow);
    viewToShow.webContents.on('dom-ready', () => viewToShow.webContents.send('load-board', { boardId: args.tabId }));
    setSelectedView(viewToShow);
    getSelectedView()?.webContents.focus();
  });

  ipcMain.on('open-board', (_event, args: { id: string; boardId: string }) => {
    const viewToShow: BrowserView = views[args.boardId] ? views[args.boardId] : createBrowserView();
    views[args.boardId] = viewToShow;
    getMainWindow()?.setTopBrowserView(viewToShow);
    viewToShow.webContents.on('dom-ready', () => {
      viewToShow.webContents.send('load-board', { boardId: args.id });
    });
    setSelectedView(viewToShow);
    getSelectedView()?.webContents.focus();
  });

  ipcMain.on('tab-purge', (_event, args: { tabId: string }) => {
    const view = views[args.tabId] as any;
    if (view) {
      view.webContents.send('purge');
      view.webContents.destroy();
    }
    delete views[args.tabId];
  });

  ipcMain.on('save-tab', (_event, args: { tabId: string }) => {
    const view = views[args.tabId];
    if (view) view.webContents.send('save-board');
  });

  ipcMain.on('rename-tab', (_event, args: { tabId: string; label: string }) => {
    const view = views[args.tabId];
    if (view) view.webContents.send('rename-board', { label: args.label });
  });
};
