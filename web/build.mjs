// @ts-check
/**
 * Builds the browser code into dist/web (not committed): the GraphiQL IDE with its Monaco workers
 * and the dashboard, bundled from npm so the pages load nothing from anywhere but this server.
 * Type-checking is tsc's job (`tsc -p web/tsconfig.json`, in `npm run build`); esbuild only bundles.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(web, '..', 'dist', 'web');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  target: 'es2022',
  legalComments: 'external',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  // Monaco's icon font is imported from its CSS; it ships next to the stylesheet.
  loader: { '.ttf': 'file' },
};

const monaco = (/** @type {string} */ file) => path.join(web, '..', 'node_modules', file);

fs.rmSync(out, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: [path.join(web, 'ide', 'main.tsx')], outdir: path.join(out, 'ide'), format: 'esm' }),
  // Classic (non-module) workers, one file each, started by ide/workers.ts.
  build({
    ...common,
    entryPoints: {
      'editor.worker': monaco('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': monaco('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': monaco('monaco-graphql/esm/graphql.worker.js'),
    },
    outdir: path.join(out, 'ide'),
    format: 'iife',
  }),
  build({ ...common, entryPoints: [path.join(web, 'dashboard', 'main.ts')], outdir: path.join(out, 'dashboard'), format: 'esm' }),
]);
for (const page of ['ide', 'dashboard']) fs.copyFileSync(path.join(web, page, 'index.html'), path.join(out, page, 'index.html'));
fs.copyFileSync(path.join(web, 'shared', 'favicon.svg'), path.join(out, 'favicon.svg'));

const sizes = fs
  .readdirSync(out, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(js|css|ttf)$/.test(file))
  .map((file) => `${file} ${Math.round(fs.statSync(path.join(out, file)).size / 1024)} kB`);
if (process.env.CAIRN_BUILD_SIZES) console.log(sizes.join('\n'));
