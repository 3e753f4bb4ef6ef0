// Lints the meter service with the plugin's `recommended` config (see eslint.config.js)
// and prints the findings. Exits with 1 when ESLint reports an error, 0 otherwise.
// Run it with `npm run example`, which builds the plugin into dist/ first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const exampleDir = path.dirname(fileURLToPath(import.meta.url));

const eslint = new ESLint({ cwd: exampleDir });
const results = await eslint.lintFiles(['src/**/*.ts']);
const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);

const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
const files = results.length;
if (output) console.log(output);
else console.log(`No problems in ${files} file${files === 1 ? '' : 's'}.`);

process.exitCode = errors > 0 ? 1 : 0;
