/**
 * What the analysis keeps for the life of one program: helper summaries, resolved
 * callees and release vocabularies. Shared by every rule and file linted with it.
 */
import ts from 'typescript';

import { isFunctionLike, skipOuter } from './expressions.js';
import { SummaryCache, type CalleeResolver, type ReleaseVocabulary } from './paths.js';
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

import { defaultResourceRuleOptions } from '../util/resourceOptions.js';
import { getTypedServices } from '../util/typedServices.js';
import type { DropContext } from './drops.js';
import { getResourceOracle, releaseNames, type Resource, type ResourceTypeOption } from './resources.js';

export interface AnalysisSession {
  summaries: SummaryCache;
  resolver: CalleeResolver;
  /** Every method and function that releases one of these resources. */
  vocabularyFor(resources: readonly Resource[]): ReleaseVocabulary;
}

const sessions = new WeakMap<ts.Program, AnalysisSession>();

export function getAnalysisSession(program: ts.Program): AnalysisSession {
  let session = sessions.get(program);
  if (!session) {
    session = createSession(program);
    sessions.set(program, session);
  }
  return session;
}

function createSession(program: ts.Program): AnalysisSession {
  const checker = program.getTypeChecker();
  const resolved = new WeakMap<ts.CallExpression, ts.FunctionLikeDeclaration | null>();
  const vocabularies = new Map<string, ReleaseVocabulary>();
  return {
    summaries: new SummaryCache(),
    resolver: {
      resolve(call) {
        const cached = resolved.get(call);
        if (cached !== undefined) return cached ?? undefined;
        const result = resolveCallee(call, checker, program) ?? null;
        resolved.set(call, result);
        return result ?? undefined;
      },
    },
    vocabularyFor(resources) {
      const methods = new Set<string>();
      const functions = new Set<string>();
      for (const resource of resources) {
        const names = releaseNames(resource.release);
        names.methods.forEach((name) => methods.add(name));
        names.functions.forEach((name) => functions.add(name));
      }
      const key = `${[...methods].sort().join(',')}|${[...functions].sort().join(',')}`;
      let vocabulary = vocabularies.get(key);
      if (!vocabulary) {
        vocabulary = { methods, functions };
        vocabularies.set(key, vocabulary);
      }
      return vocabulary;
    },
  };
}

/** The declaration with a body that a call runs: a function, a method, an arrow stored in a const or field. */
function resolveCallee(call: ts.CallExpression, checker: ts.TypeChecker, program: ts.Program): ts.FunctionLikeDeclaration | undefined {
  const callee = skipOuter(call.expression);
  const location = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = checker.getSymbolAtLocation(location);
  if (!symbol) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol.declarations ?? []) {
    if (declaration.getSourceFile().isDeclarationFile || program.isSourceFileFromExternalLibrary(declaration.getSourceFile())) continue;
    if (isFunctionLike(declaration) && declaration.body) return declaration;
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
      const initializer = skipOuter(declaration.initializer);
      if ((ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) && initializer.body) return initializer;
    }
  }
  return undefined;
}

/**
 * What a rule needs to ask about drops in one file: the typed parser services (or the plugin's
 * own error when there are none), and the program's shared oracle and session.
 */
export function dropAnalysisFor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: { resources?: readonly ResourceTypeOption[]; nameRules?: boolean; inference?: boolean },
): { services: ParserServicesWithTypeInformation; session: AnalysisSession; dropContext: DropContext } {
  const services = getTypedServices(context);
  const { program } = services;
  const defaults = defaultResourceRuleOptions;
  const resources = getResourceOracle(program, {
    resources: options.resources ?? defaults.resources,
    nameRules: options.nameRules ?? defaults.nameRules,
    inference: options.inference ?? defaults.inference,
  });
  const session = getAnalysisSession(program);
  return { services, session, dropContext: { checker: program.getTypeChecker(), program, resources, session } };
}
