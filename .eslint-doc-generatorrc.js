// eslint-doc-generator settings (https://github.com/eslint-community/eslint-doc-generator).
// Run `npm run build` first: the generator loads the built plugin through package.json `exports`.
//   npx eslint-doc-generator --check   fails when a rule page header or the README rule list is stale
/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  // `all` holds every rule and `disable-type-checked` turns every rule off: neither says anything
  // about one rule, so the headers and the rule list name `recommended` only.
  ignoreConfig: ['all', 'disable-type-checked'],
  // "# <description> (`unstopped/<rule>`)", the title the rule pages use.
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  // The header notices, in the order the pages show them.
  ruleDocNotices: ['configs', 'requiresTypeChecking', 'hasSuggestions'],
  // Every page keeps the sections the docs tests and the issue ask for.
  ruleDocSectionInclude: ['Examples', 'Options', 'When not to use it'],
  ruleListColumns: ['name', 'description', 'configsError', 'requiresTypeChecking', 'hasSuggestions'],
};

export default config;
