// A program over source texts held in memory (`/project/…`), on the real lib files of this TypeScript.
import ts from 'typescript';

export function inMemoryProgram(files: ReadonlyMap<string, string>, overrides: ts.CompilerOptions = {}): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    ...overrides,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? read(name);
  host.fileExists = (name) => files.has(name) || exists(name);
  host.directoryExists = (name) => name === '/project' || ts.sys.directoryExists(name);
  host.getSourceFile = ((getSourceFile) => (name, languageVersion, onError) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, languageVersion, true) : getSourceFile(name, languageVersion, onError);
  })(host.getSourceFile.bind(host));
  return ts.createProgram([...files.keys()], options, host);
}
