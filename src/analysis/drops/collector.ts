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

/** One site to analyze in one function: the drop itself, or a direct call of the callback it runs in. */
interface SiteEntry {
  site: DropSite;
  candidate: number;
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
    if (candidate.site.slots.length > 0) this.#addSite(candidate.site, index);
    for (const call of candidate.directCalls?.calls ?? []) {
      // The call runs the drop: judged where it is made, with what that function did before it.
      this.#addSite({ ...candidate.site, node: call, slots: candidate.directCalls!.slots, storesNewValue: false, result: 'none', storedAs: undefined }, index);
    }
  }

  #addSite(site: DropSite, candidate: number): void {
    const body = enclosingBody(site.node);
    const list = this.#byBody.get(body);
    if (list) list.push({ site, candidate });
    else this.#byBody.set(body, [{ site, candidate }]);
  }

  /**
   * Verdicts for every collected drop. `untrustedLookups` names containers whose
   * `has()`/`get()` miss does not prove a key empty (a cache whose look-ups drop expired
   * entries without the hook).
   */
  *verdicts(untrustedLookups: ReadonlySet<string> = new Set()): Generator<{ candidate: DropCandidate; extra: Extra; verdict: DropVerdict }> {
    const merged: DropVerdict[] = this.#candidates.map(() => ({ unreleasedSlots: [], owedAtDrop: false, releasedOnSomePath: false }));
    for (const [body, entries] of this.#byBody) {
      const resources = entries.map((entry) => this.#candidates[entry.candidate]!.candidate.resource);
      const base = flowOptionsFor(resources, this.session, this.releaseFunctions);
      const options = untrustedLookups.size > 0 ? { ...base, untrustedLookups } : base;
      const verdicts = analyzeDrops(
        body,
        entries.map((entry) => entry.site),
        options,
        this.session,
      );
      for (const [index, entry] of entries.entries()) mergeInto(merged[entry.candidate]!, verdicts[index]!);
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
}
