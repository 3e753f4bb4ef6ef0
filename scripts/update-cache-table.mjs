// Rewrites the generated table of docs/cache-libraries.md from the built data (run `npm run build` first).
import { readFileSync, writeFileSync } from 'node:fs';

import { withCacheTable } from '../dist/analysis/caches/table.js';

const page = new URL('../docs/cache-libraries.md', import.meta.url);
writeFileSync(page, withCacheTable(readFileSync(page, 'utf8')));
console.log(`updated ${page.pathname}`);
