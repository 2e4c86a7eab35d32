// The front end's delivery (issue 17, item 2): the catalogue loads a small entry (under 90 KiB
// of compressed script) and the editor comes on demand; assets are precompressed (gzip and
// brotli, with Vary: Accept-Encoding) and connections are kept alive.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {launch, newPage, ROOT, URL_} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/* The scripts a page loaded: [{url, encoded bytes, content-encoding}]. */
async function scripts(page) {
  const seen = [];
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname.endsWith('.js'))
      seen.push({url: r.url(), encoding: (await r.allHeaders())['content-encoding'] || '', vary: (await r.allHeaders()).vary || ''});
  });
  return seen;
}
const encodedScriptBytes = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => new URL(e.name).pathname.endsWith('.js')).reduce((n, e) => n + e.encodedBodySize, 0));

test('the catalogue loads a small, compressed entry; the editor only with a problem', async () => {
  const page = await newPage(browser);
  const seen = await scripts(page);
  await page.goto('/');
  await page.locator('a[href="/p/missing-number"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const catalogue = await encodedScriptBytes(page);
  assert.ok(catalogue > 0 && catalogue < 90 * 1024, `catalogue scripts: ${catalogue} bytes compressed`);
  assert.ok(seen.length >= 1 && seen.every((s) => /^(gzip|br)$/.test(s.encoding)), JSON.stringify(seen));
  assert.ok(seen.every((s) => /accept-encoding/i.test(s.vary)), 'Vary: Accept-Encoding');
  const before = seen.length;
  await page.locator('a[href="/p/missing-number"]').first().click();
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  assert.ok(seen.length > before, 'the editor came as further chunks');
  assert.ok(await encodedScriptBytes(page) > catalogue);
  await page.context().close();
});

/* One GET with node's http (no automatic decompression), through `agent`. */
function get(p, headers, agent) {
  return new Promise((resolve, reject) => {
    http.get(new URL(p, URL_), {headers, agent}, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({res, body: Buffer.concat(chunks), socket: res.socket}));
    }).on('error', reject);
  });
}

test('precompressed by coding, identity otherwise, the connection kept alive', async () => {
  const index = fs.readFileSync(path.join(ROOT, 'web/dist/index.html'), 'utf8');
  const js = index.match(/src="(\/assets\/[^"]+\.js)"/)[1];
  const plain = fs.readFileSync(path.join(ROOT, 'web/dist', js));
  const agent = new http.Agent({keepAlive: true, maxSockets: 1});
  const sockets = new Set();

  const br = await get(js, {'Accept-Encoding': 'gzip, deflate, br'}, agent);
  assert.equal(br.res.headers['content-encoding'], 'br');
  assert.equal(br.res.headers.vary, 'Accept-Encoding');
  assert.notEqual(br.res.headers.connection, 'close');
  assert.deepEqual(zlib.brotliDecompressSync(br.body), plain);
  sockets.add(br.socket);

  const gz = await get(js, {'Accept-Encoding': 'gzip;q=1.0, br;q=0'}, agent);
  assert.equal(gz.res.headers['content-encoding'], 'gzip');
  assert.deepEqual(zlib.gunzipSync(gz.body), plain);
  sockets.add(gz.socket);

  const id = await get(js, {'Accept-Encoding': 'identity'}, agent);
  assert.equal(id.res.headers['content-encoding'], undefined);
  assert.equal(Number(id.res.headers['content-length']), plain.length);
  assert.deepEqual(id.body, plain);
  sockets.add(id.socket);

  const page = await get('/', {'Accept-Encoding': 'gzip'}, agent);
  assert.equal(page.res.statusCode, 200);
  assert.equal(page.res.headers['content-encoding'], 'gzip');
  assert.match(page.res.headers['content-security-policy'], /script-src 'self'/);
  sockets.add(page.socket);
  assert.equal(sockets.size, 1, 'one connection for the four requests');
  agent.destroy();
});
