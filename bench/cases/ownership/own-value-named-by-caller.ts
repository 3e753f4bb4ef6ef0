// Shape (must report): a list that holds only values its own code makes, and a public method that
// removes the one its caller names without releasing it. The caller holds a reference the list
// handed out, not a value of its own, and no caller in the program releases it after the call.
// Reduced from grafana's DashboardModel.removePanel (PR #77017), in our own words.
import { interval, type Subscription } from 'rxjs';

class Tile {
  private readonly refresh: Subscription;
  constructor(readonly title: string) {
    this.refresh = interval(5_000).subscribe(() => this.redraw());
  }
  redraw(): void {}
  destroy(): void {
    this.refresh.unsubscribe();
  }
}

export class Board {
  tiles: Tile[];

  constructor(titles: string[]) {
    this.tiles = titles.map((title) => new Tile(title));
  }

  addTile(title: string): Tile {
    const tile = new Tile(title);
    this.tiles.push(tile);
    return tile;
  }

  removeTile(tile: Tile): void {
    this.tiles = this.tiles.filter((item) => item !== tile); // expect: stop-on-evict
  }

  closeTile(tile: Tile): void {
    const index = this.tiles.indexOf(tile);
    if (index >= 0) this.tiles.splice(index, 1); // ok: stop-on-evict
    tile.destroy();
  }
}
