// Bundles src/main.js (and the CSS it imports) into dist/assets/app-HASH.{js,css} and writes
// dist/index.html naming them. One bundle, no CDN: the page works offline from judged itself.
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
  minify: process.env.NOMINIFY ? false : true,
  format: 'iife',
  target: ['chrome105', 'firefox110', 'safari16'],
  entryNames: 'assets/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  outdir: dist,
  metafile: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((f) => path.relative(dist, path.resolve(here, f)));
const js = outputs.find((f) => f.endsWith('.js'));
const css = outputs.find((f) => f.endsWith('.css'));
if (!js || !css) throw new Error(`expected one .js and one .css, got ${outputs.join(', ')}`);

const html = (await fs.readFile(path.join(here, 'index.html'), 'utf8'))
  .replace('%JS%', `/${js}`).replace('%CSS%', `/${css}`);
await fs.writeFile(path.join(dist, 'index.html'), html);
for (const f of await fs.readdir(path.join(here, 'public')))
  await fs.copyFile(path.join(here, 'public', f), path.join(dist, f));

for (const f of [js, css]) {
  const buf = await fs.readFile(path.join(dist, f));
  console.log(`web: ${f} ${(buf.length / 1024).toFixed(1)} KiB (${(zlib.gzipSync(buf).length / 1024).toFixed(1)} KiB gzip)`);
}
