import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

/**
 * The parser services with a type-checked program, or a clear error of this plugin's own
 * when the file was parsed without type information (another parser, or no project).
 */
export function getTypedServices(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ParserServicesWithTypeInformation {
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap || !services.tsNodeToESTreeNodeMap) {
    throw new Error(
      `${context.id || 'eslint-plugin-unstopped'} needs type information, and "${context.filename}" was linted without it. ` +
        'Parse TypeScript files with @typescript-eslint/parser and set `languageOptions.parserOptions.projectService: true` ' +
        '(with `tsconfigRootDir`). For JavaScript files without types, turn the rules off with the `unstopped` `disable-type-checked` config.',
    );
  }
  return services as ParserServicesWithTypeInformation;
}

/** Said once per program when Node's types are missing (TypeScript 6 loads no `@types` by default). */
export const MISSING_NODE_TYPES_MESSAGE =
  'No Node types in this program: timers, sockets and processes are `any` and go unchecked. Add "types": ["node"] to compilerOptions.';
