// `npm run openapi`: writes openapi.json from the SDK's schemas (a test fails when it is stale).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const out = '.cache/openapi-document.mjs';
await build({
  entryPoints: ['scripts/openapi-document.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const { buildOpenApi } = await import(`../${out}?${Date.now()}`);
writeFileSync('openapi.json', `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log('wrote openapi.json');
