// What every suggestion must be, checked the same way on the labelled collection, the real fixes
// and real repositories: applied to its file it parses, and it never calls the function it is
// inserted into.
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
