// What every suggestion must be, checked the same way on the labelled collection, the real fixes
// and real repositories: applied to its file it parses, and it never calls the function it is
// inserted into.
import path from 'node:path';

import ts from 'typescript';

/** Where a place of `text` (an offset outside every replaced range) is once `fix` is applied. */
export function offsetAfterFix(offset, fix) {
  const fixes = Array.isArray(fix) ? fix : [fix];
  let shift = 0;
  for (const { range, text: insert } of fixes) if (range[1] <= offset) shift += insert.length - (range[1] - range[0]);
  return offset + shift;
}

/** The offset of a 1-based line and column (ESLint's message positions). */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let at = 1; at < line; at++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** A suggestion's fix applied to the text (one or several ranges, applied from the end). */
export function applyFix(text, fix) {
  const fixes = Array.isArray(fix) ? [...fix] : [fix];
  fixes.sort((a, b) => b.range[0] - a.range[0]);
  let out = text;
  for (const { range, text: insert } of fixes) out = out.slice(0, range[0]) + insert + out.slice(range[1]);
  return out;
}

/**
 * The name of the function a suggestion is inserted into, when the inserted code calls it
 * (`unsubscribe() { … }` getting `sub.unsubscribe()`): such an edit recurses forever.
 */
export function callsEnclosingFunction(text, fix, fileName) {
  const first = Array.isArray(fix) ? fix[0] : fix;
  if (!first) return undefined;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  let enclosing;
  const visit = (node) => {
    if (node.pos > first.range[0] || node.end < first.range[0]) return;
    if (ts.isFunctionLike(node) && node.body) {
      const holder = ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? node.parent : node;
      // `handle.close = () => { … }`: the function is the member it is assigned to.
      const assigned = holder && ts.isBinaryExpression(holder) && holder.right === node ? holder.left : undefined;
      const target = assigned && ts.isPropertyAccessExpression(assigned) ? assigned.name : assigned;
      const named = target ?? holder?.name;
      const name = named && (ts.isIdentifier(named) || ts.isPrivateIdentifier(named)) ? named.text : undefined;
      if (name) enclosing = name;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!enclosing) return undefined;
  const inserted = (Array.isArray(fix) ? fix : [fix]).map((f) => f.text).join(' ');
  return new RegExp(`(^|[^\\w$])${enclosing.replace(/[$#]/g, '\\$&')}\\s*\\(`).test(inserted) ? enclosing : undefined;
}

/** The syntax errors of a file's text (parsed as TypeScript, no types asked). */
export function syntaxErrors(text, fileName) {
  const output = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { noEmit: false } });
  return (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

/**
 * The type errors an edit adds to its file, where the file's nearest tsconfig (or `projectConfig`)
 * type-checks it: a suggestion is code in someone's project, so it must compile where the code did.
 * One language service per tsconfig, the edited file swapped in and out; what the file had before
 * is asked once.
 */
export function createTypeCheck(projectConfig) {
  const services = new Map();
  const before = new Map();
  const serviceFor = (fileName) => {
    const configFile = projectConfig ?? ts.findConfigFile(path.dirname(fileName), ts.sys.fileExists);
    if (!configFile) return undefined;
    let entry = services.get(configFile);
    if (!entry) {
      const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      if (!parsed) return undefined;
      const texts = new Map();
      const versions = new Map();
      const host = {
        getScriptFileNames: () => parsed.fileNames,
        getScriptVersion: (file) => String(versions.get(file) ?? 0),
        getScriptSnapshot: (file) => {
          const text = texts.get(file) ?? ts.sys.readFile(file);
          return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
        },
        getCurrentDirectory: () => path.dirname(configFile),
        getCompilationSettings: () => parsed.options,
        getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
        fileExists: ts.sys.fileExists,
        readFile: ts.sys.readFile,
        readDirectory: ts.sys.readDirectory,
        directoryExists: ts.sys.directoryExists,
        getDirectories: ts.sys.getDirectories,
      };
      entry = {
        service: ts.createLanguageService(host, ts.createDocumentRegistry()),
        texts,
        versions,
        names: new Map(parsed.fileNames.map((name) => [path.resolve(name), name])),
      };
      services.set(configFile, entry);
    }
    return entry;
  };
  const setText = (entry, fileName, text) => {
    if (text === undefined) entry.texts.delete(fileName);
    else entry.texts.set(fileName, text);
    entry.versions.set(fileName, (entry.versions.get(fileName) ?? 0) + 1);
  };
  const errorsOf = (entry, fileName) =>
    entry.service.getSemanticDiagnostics(fileName).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
  return (file, fixed) => {
    const entry = serviceFor(file);
    // The program's own spelling of the file, or none: a file no tsconfig type-checks has nothing to add.
    const fileName = entry?.names.get(path.resolve(file));
    if (!fileName) return [];
    if (!before.has(fileName)) before.set(fileName, errorsOf(entry, fileName));
    setText(entry, fileName, fixed);
    const after = errorsOf(entry, fileName);
    setText(entry, fileName, undefined);
    // What the edit adds: each message as many times more as it now appears.
    const left = [...before.get(fileName)];
    return after.filter((message) => {
      const index = left.indexOf(message);
      if (index < 0) return true;
      left.splice(index, 1);
      return false;
    });
  };
}
