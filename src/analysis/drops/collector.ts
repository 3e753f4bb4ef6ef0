/**
 * Collects the drops a rule finds in one file, grouped by the function they run in,
 * and analyzes each function once at the end of the file.
 */
import ts from 'typescript';

import { analyzeDrops, type DropSite, type DropVerdict } from '../flow/index.js';
import type { AnalysisSession } from '../session.js';
import { enclosingBody } from '../syntax/expressions.js';
import type { DropCandidate } from './candidate.js';
import { flowOptionsFor } from './flowOptions.js';
import { callDiscardingResult, isDroppedWhole, isSettled, returnsValue } from './handedBack.js';

/** One site to analyze in one function: the drop itself, or a direct call of the callback it runs in. */
interface SiteEntry {
  site: DropSite;
  candidate: number;
  /** A direct call of the callback the drop runs in, or the drop asked for every slot in that callback itself. */
  role?: 'call' | 'within';
}

export class DropCollector<Extra = unknown> {
  readonly #candidates: { candidate: DropCandidate; extra: Extra }[] = [];
  readonly #byBody = new Map<ts.Node, SiteEntry[]>();

  constructor(
    readonly session: AnalysisSession,
    readonly releaseFunctions: ReadonlySet<string> = new Set(),
  ) {}

  add(candidate: DropCandidate, extra: Extra): void {
    const index = this.#candidates.push({ candidate, extra }) - 1;
    const direct = candidate.directCalls;
    if (!direct) {
      if (candidate.site.slots.length > 0) this.#addSite(candidate.site, index);
      return;
    }
    // In a timer callback the code also calls directly, the drop is asked for every slot: what it
    // owes itself (the slots beside the fired timer) is read from that answer, and when it releases
    // everything first, no caller owes anything.
    this.#addSite({ ...candidate.site, slots: direct.slots }, index, 'within');
    for (const call of direct.calls) {
      // The call runs the drop: judged where it is made, with what that function did before it.
      this.#addSite({ ...candidate.site, node: call, slots: direct.slots, storesNewValue: false, result: 'none', storedAs: undefined }, index, 'call');
    }
  }

  #addSite(site: DropSite, candidate: number, role?: SiteEntry['role']): void {
    const body = enclosingBody(site.node);
    const entry: SiteEntry = { site, candidate, ...(role && { role }) };
    const list = this.#byBody.get(body);
    if (list) list.push(entry);
    else this.#byBody.set(body, [entry]);
  }

  /**
   * Verdicts for every collected drop. `untrustedLookups` names containers whose
   * `has()`/`get()` miss does not prove a key empty (a cache whose look-ups drop expired
   * entries without the hook).
   */
  *verdicts(untrustedLookups: ReadonlySet<string> = new Set()): Generator<{ candidate: DropCandidate; extra: Extra; verdict: DropVerdict }> {
    const merged: DropVerdict[] = this.#candidates.map(() => ({ unreleasedSlots: [], owedAtDrop: false, releasedOnSomePath: false }));
    const judged: { entry: SiteEntry; verdict: DropVerdict }[] = [];
    for (const [body, entries] of this.#byBody) {
      const resources = entries.map((entry) => this.#candidates[entry.candidate]!.candidate.resource);
      const base = flowOptionsFor(resources, this.session, this.releaseFunctions);
      const options = untrustedLookups.size > 0 ? { ...base, untrustedLookups } : base;
      const sites = entries.map((entry) => entry.site);
      const verdicts = analyzeDrops(body, sites, options, this.session);
      // A value settled only by being returned is dropped where a caller throws the result away.
      const discardedBy = verdicts.some(isSettled) && returnsValue(body) ? callDiscardingResult(body, this.session) : undefined;
      const unreturned = discardedBy && analyzeDrops(body, sites, options, this.session, false);
      for (const [index, entry] of entries.entries()) {
        const verdict = verdicts[index]!;
        const kept = unreturned?.[index];
        judged.push({ entry, verdict: isSettled(verdict) && kept && isDroppedWhole(kept, entry.site) ? { ...kept, discardedBy } : verdict });
      }
    }
    const releasedWithin = new Set(judged.filter(({ entry, verdict }) => entry.role === 'within' && isSettled(verdict)).map(({ entry }) => entry.candidate));
    for (const { entry, verdict } of judged) {
      if (entry.role === 'call' && releasedWithin.has(entry.candidate)) continue;
      if (entry.role === 'within') {
        const own = this.#candidates[entry.candidate]!.candidate.site.slots;
        mergeInto(merged[entry.candidate]!, { ...verdict, unreleasedSlots: verdict.unreleasedSlots.filter((slot) => own.includes(slot)) });
      } else mergeInto(merged[entry.candidate]!, verdict);
    }
    for (const [index, { candidate, extra }] of this.#candidates.entries()) yield { candidate, extra, verdict: merged[index]! };
  }
}

/** A drop with several sites is released only if every site is. */
function mergeInto(into: DropVerdict, verdict: DropVerdict): void {
  for (const slot of verdict.unreleasedSlots) if (!into.unreleasedSlots.includes(slot)) into.unreleasedSlots.push(slot);
  into.owedAtDrop ||= verdict.owedAtDrop;
  into.releasedOnSomePath ||= verdict.releasedOnSomePath;
  if (!into.missedWhen && verdict.missedWhen) into.missedWhen = verdict.missedWhen;
  if (!into.racedAt && verdict.racedAt) into.racedAt = verdict.racedAt;
  if (!into.discardedBy && verdict.discardedBy) into.discardedBy = verdict.discardedBy;
}
