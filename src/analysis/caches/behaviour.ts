/**
 * What a library does on one eviction path under the options a cache was built with: which hooks
 * receive the dropped value, or that none does.
 */
import { EVICTION_PATHS, type CacheHook, type CacheLibrary, type EvictionPath, type PathCoverage, type ReturnsDropped } from './model.js';
import { NO_OPTIONS, testOption, type CacheOptions, type OptionValue, type TestResult } from './options.js';

// ---------------------------------------------------------------------------
// Questions a rule asks
// ---------------------------------------------------------------------------

export interface PathVerdict {
  path: EvictionPath;
  coverage: PathCoverage;
  /** Hooks that receive the dropped value on this path. */
  hooks: readonly string[];
  methods: readonly string[];
  /** The hook sees the dropped value (now, on access, or from a timer). */
  reachesHook: boolean;
  /** Options that would change the answer but could not be read; the default was assumed. */
  unknownOptions: readonly string[];
}

/**
 * What `path` does with the dropped value for `library`, given the construction
 * options and, for a method call, that call's options (which win where the
 * library allows per-call overrides).
 */
export function evictionPathBehaviour(
  library: CacheLibrary,
  path: EvictionPath,
  options: { construction?: CacheOptions; call?: CacheOptions } = {},
): PathVerdict {
  const behaviour = library.paths[path];
  const construction = options.construction ?? NO_OPTIONS;
  const unknownOptions: string[] = [];
  let coverage = behaviour.coverage;
  let hooks = behaviour.hooks;
  for (const optionCase of behaviour.when ?? []) {
    let result: TestResult = 'miss';
    const callValue = optionCase.perCall && options.call ? options.call.values.get(optionCase.option) : undefined;
    if (callValue && !(callValue.kind === 'literal' && callValue.value === undefined)) {
      result = testOption(callValue, false, optionCase.is);
    } else {
      result = testOption(construction.values.get(optionCase.option), construction.open, optionCase.is);
      if (result !== 'match' && optionCase.perCall && options.call?.open) result = 'unknown';
    }
    if (result === 'unknown') unknownOptions.push(optionCase.option);
    if (result === 'match') {
      coverage = optionCase.coverage;
      hooks = optionCase.hooks;
      break;
    }
  }
  return {
    path,
    coverage,
    hooks,
    methods: behaviour.methods,
    reachesHook: coverage === 'hook' || coverage === 'lazy' || coverage === 'timer',
    unknownOptions,
  };
}

/** Shortcut: does `path` hand the dropped value to a hook under these options? */
export function pathReachesHook(library: CacheLibrary, path: EvictionPath, options?: { construction?: CacheOptions; call?: CacheOptions }): boolean {
  return evictionPathBehaviour(library, path, options).reachesHook;
}

/** Paths a method call can take (`set` → overwrite, sameValue, sizeEviction; `del` → delete). */
export function pathsOfMethod(library: CacheLibrary, method: string): EvictionPath[] {
  return EVICTION_PATHS.filter((candidate) => library.paths[candidate].methods.includes(method));
}

/** A method that returns the value it drops (mnemonist `setpop`/`remove`, node-cache `take`). */
export function returnsDroppedValue(library: CacheLibrary, method: string): ReturnsDropped | undefined {
  return library.returnsDropped.find((entry) => entry.method === method);
}

/** Whether `get()` / hooks hand out copies under these construction options. */
export function valueCopies(library: CacheLibrary, construction: CacheOptions = NO_OPTIONS): { get: boolean; hooks: boolean; unknown: boolean } {
  const copies = library.copies;
  if (!copies) return { get: false, hooks: false, unknown: false };
  const result = testOption(construction.values.get(copies.option), construction.open, copies.offWhen);
  if (result === 'match') return { get: false, hooks: false, unknown: false };
  return { get: copies.get, hooks: copies.hooks, unknown: result === 'unknown' };
}

/** Whether entries can expire: `true`, `false`, or `undefined` when options cannot be read. */
export function canExpire(library: CacheLibrary, construction: CacheOptions = NO_OPTIONS): boolean | undefined {
  if (library.expiryOptions.length === 0) return false;
  let unknown = false;
  for (const option of library.expiryOptions) {
    const value = construction.values.get(option);
    if (!value) {
      if (construction.open) unknown = true;
      continue;
    }
    if (value.kind === 'expression') unknown = true;
    else if (typeof value.value === 'number' && value.value > 0 && Number.isFinite(value.value)) return true;
  }
  return unknown ? undefined : false;
}

/** The hook registered by a construction option (`dispose`, `onEviction`), if one is written there. */
export function hookInOptions(library: CacheLibrary, construction: CacheOptions): { hook: CacheHook; value: OptionValue } | undefined {
  for (const hook of library.hooks) {
    if (hook.registration.kind !== 'option') continue;
    const value = construction.values.get(hook.registration.option);
    if (value && !(value.kind === 'literal' && (value.value === undefined || value.value === null))) return { hook, value };
  }
  return undefined;
}
