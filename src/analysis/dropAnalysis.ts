/**
 * Collects the drops a rule finds in one file, grouped by the function they run in,
 * and analyzes each function once at the end of the file.
 */
import ts from 'typescript';

import type { DropCandidate } from './drops.js';
import { enclosingBody } from './expressions.js';
import { analyzeDrops, type DropVerdict } from './paths.js';
import type { AnalysisSession } from './session.js';

export class DropCollector<Extra = unknown> {
  readonly #byBody = new Map<ts.Node, { candidate: DropCandidate; extra: Extra }[]>();

  constructor(readonly session: AnalysisSession) {}

  add(candidate: DropCandidate, extra: Extra): void {
    const body = enclosingBody(candidate.site.node);
    const list = this.#byBody.get(body);
    if (list) list.push({ candidate, extra });
    else this.#byBody.set(body, [{ candidate, extra }]);
  }

  /**
   * Verdicts for every collected drop. `untrustedLookups` names containers whose
   * `has()`/`get()` miss does not prove a key empty (a cache whose look-ups drop expired
   * entries without the hook).
   */
  *verdicts(untrustedLookups: ReadonlySet<string> = new Set()): Generator<{ candidate: DropCandidate; extra: Extra; verdict: DropVerdict }> {
    for (const [body, entries] of this.#byBody) {
      const candidates = entries.map((entry) => entry.candidate);
      const verdicts = analyzeDrops(
        body,
        candidates.map((candidate) => candidate.site),
        {
          vocabulary: this.session.vocabularyFor(candidates.map((candidate) => candidate.resource)),
          resolver: this.session.resolver,
          untrustedLookups,
        },
        this.session.summaries,
      );
      for (const [index, entry] of entries.entries()) yield { ...entry, verdict: verdicts[index]! };
    }
  }
}
