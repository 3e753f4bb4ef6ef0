// history: grafana/grafana PR #77017 — https://github.com/grafana/grafana/pull/77017 (from the PR text)
// leaked: DashboardModel.removePanel() rebuilt its panels array with filter() without calling destroy() on the removed PanelModel, so its query runner kept the datasource subscription open.
// covers: container=array drop=filter resource=subscription born=constructor env=browser
import { Subject, type Observable, type Subscription } from 'rxjs';

interface PanelData {
  state: 'Loading' | 'Done' | 'Error';
  series: unknown[];
}

interface PanelJson {
  id: number;
  type: string;
  targets?: unknown[];
}

// Shaped like the @grafana/runtime data request entry point.
declare function runRequest(datasourceUid: string, targets: unknown[]): Observable<PanelData>;

declare class EventBusSrv {
  publish(event: { type: string }): void;
  removeAllListeners(): void;
}

class PanelQueryRunner {
  private readonly subject = new Subject<PanelData>();
  private subscription?: Subscription;

  run(datasourceUid: string, targets: unknown[]): void {
    this.subscription?.unsubscribe();
    this.subscription = runRequest(datasourceUid, targets).subscribe({
      next: (data) => this.subject.next(data),
    });
  }

  getData(): Observable<PanelData> {
    return this.subject.asObservable();
  }

  destroy(): void {
    this.subject.complete();
    this.subscription?.unsubscribe();
  }
}

export class PanelModel {
  readonly events = new EventBusSrv();
  private queryRunner?: PanelQueryRunner;

  constructor(readonly json: PanelJson) {}

  getQueryRunner(): PanelQueryRunner {
    if (!this.queryRunner) {
      this.queryRunner = new PanelQueryRunner();
    }
    return this.queryRunner;
  }

  refresh(datasourceUid: string): void {
    this.getQueryRunner().run(datasourceUid, this.json.targets ?? []);
  }

  destroy(): void {
    this.events.removeAllListeners();
    this.queryRunner?.destroy();
  }
}

export class DashboardModel {
  panels: PanelModel[];
  readonly events = new EventBusSrv();

  constructor(json: { panels?: PanelJson[] }) {
    this.panels = (json.panels ?? []).map((p) => new PanelModel(p));
  }

  addPanel(json: PanelJson): PanelModel {
    const panel = new PanelModel(json);
    this.panels.unshift(panel);
    this.events.publish({ type: 'dashboard-panels-changed' });
    return panel;
  }

  removePanel(panel: PanelModel): void {
    this.panels = this.panels.filter((item) => item !== panel);
    panel.destroy();
    this.events.publish({ type: 'dashboard-panels-changed' });
  }
}
