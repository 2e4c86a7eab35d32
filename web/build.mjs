// Bundles src/main.js (and the CSS it imports) into dist/assets/: a small entry app-HASH.js with
// its stylesheet, and chunks (pages, CodeMirror, each language's grammar) that the entry imports
// on demand (ES modules, esbuild's code splitting). Writes dist/index.html naming the entry, and
// a .gz and .br next to every compressible file, so that judged sends them precompressed.
// No CDN: the page works offline from judged itself.
import * as esbuild from 'esbuild';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(here, 'dist');
await fs.rm(dist, {recursive: true, force: true});

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: {app: 'src/main.js'},
  bundle: true,
  splitting: true,
  minify: process.env.NOMINIFY ? false : true,
  format: 'esm',
  target: ['chrome105', 'firefox110', 'safari16'],
  entryNames: 'assets/[name]-[hash]',
  chunkNames: 'assets/chunk-[hash]',
  assetNames: 'assets/[name]-[hash]',
  loader: {'.woff2': 'file', '.woff': 'file', '.ttf': 'file'},
  outdir: dist,
  metafile: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});

const rel = (f) => path.relative(dist, path.resolve(here, f));
const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'src/main.js');
const js = entry && rel(entry[0]);
const css = entry?.[1].cssBundle && rel(entry[1].cssBundle);
if (!js || !css) throw new Error('expected the entry script and its stylesheet');

const html = (await fs.readFile(path.join(here, 'index.html'), 'utf8'))
  .replace('%JS%', `/${js}`).replace('%CSS%', `/${css}`);
await fs.writeFile(path.join(dist, 'index.html'), html);
for (const f of await fs.readdir(path.join(here, 'public')))
  await fs.copyFile(path.join(here, 'public', f), path.join(dist, f));

/* KaTeX's stylesheet and fonts (woff2, which every browser the bundle targets reads), for the
   statements with math: src/math.js links /katex/katex.min.css when it typesets. */
const katexDist = path.join(here, 'node_modules/katex/dist');
await fs.mkdir(path.join(dist, 'katex/fonts'), {recursive: true});
await fs.copyFile(path.join(katexDist, 'katex.min.css'), path.join(dist, 'katex/katex.min.css'));
for (const f of await fs.readdir(path.join(katexDist, 'fonts')))
  if (f.endsWith('.woff2')) await fs.copyFile(path.join(katexDist, 'fonts', f), path.join(dist, 'katex/fonts', f));

/* Precompressed copies: best gzip and brotli, done once here instead of per request. */
const compressible = /\.(js|css|html|svg|json|map|txt)$/;
async function precompress(dir) {
  for (const d of await fs.readdir(dir, {withFileTypes: true})) {
    const f = path.join(dir, d.name);
    if (d.isDirectory()) { await precompress(f); continue; }
    if (!compressible.test(d.name)) continue;
    const buf = await fs.readFile(f);
    const gz = zlib.gzipSync(buf, {level: 9});
    const br = zlib.brotliCompressSync(buf, {params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length}});
    if (gz.length < buf.length) await fs.writeFile(`${f}.gz`, gz);
    if (br.length < buf.length) await fs.writeFile(`${f}.br`, br);
  }
}
await precompress(dist);

const kib = (n) => (n / 1024).toFixed(1);
let total = 0;
for (const f of [js, css]) {
  const buf = await fs.readFile(path.join(dist, f));
  console.log(`web: ${f} ${kib(buf.length)} KiB (${kib(zlib.gzipSync(buf).length)} KiB gzip)`);
}
for (const [f, o] of Object.entries(result.metafile.outputs)) if (f.endsWith('.js')) total += o.bytes;
console.log(`web: ${Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length} scripts, ${kib(total)} KiB in all`);
