// Types of harness.mjs (plain JavaScript, so that compat/run.mjs runs it on Node without a build).
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
export interface Installed extends Run {
  seconds: number;
  specs: string[];
}
export interface Summary {
  findings: string[];
  linted: string[];
  fatal: string[];
}
export declare const repo: string;
export declare const fixture: string;
export declare const expected: { findings: string[]; linted: string[] };
export declare const peers: string[];
export declare const offline: RegExp;
export declare function run(command: string, args: string[], options?: import('node:child_process').ExecFileOptions): Promise<Run>;
export declare function pack(destination: string): string;
export declare function repoVersion(name: string): string;
export declare function install(dir: string, tarball: string, packages: Record<string, string>): Promise<Installed>;
export declare function inspect(project: string): Promise<{ versions: Record<string, string>; problems: string[] }>;
export declare function typecheck(project: string): Promise<{ code: number; errors: string[]; files: string[] }>;
export declare function eslint(project: string, args: string[], options?: import('node:child_process').ExecFileOptions): Promise<Run>;
export declare function summarize(project: string, result: Run): Summary;
export declare function codeBlocks(markdown: string): { lang: string; code: string }[];
export declare function stagedGlob(pattern: string): RegExp;
