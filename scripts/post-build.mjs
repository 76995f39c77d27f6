// Trunk post-build step (see Trunk.toml), run in Trunk's staging directory:
//  1. replaces Trunk's inline start-up script with src/boot.js (a content-hashed file), asked for by
//     src/paint-first.js, the one inline script, once the page has painted: on a pre-rendered page
//     the text comes first, and the app's code never competes with it for the network. The site
//     runs under a strict Content-Security-Policy naming that script by its hash, which never
//     changes with a build (`script-src 'self' 'wasm-unsafe-eval' 'sha256-…'`, no 'unsafe-inline');
//  2. writes embed.js (the <trimova-article> element, from src/embed.js) under a name that never
//     changes, naming the same hashed files with their integrity; both it and the start-up module
//     (src/boot.js) import src/loader.js, written as loader-<hash>.js;
//  3. copies index.html to 404.html, so that hosts serving 404.html for unknown paths serve the app
//     for any path, and writes the service worker (src/sw.js) with this build's files;
//  4. runs `trimova pages`, which pre-renders every human edition (`<lang>/<id>/index.html`) and
//     the lists (`index.html`, `<lang>/index.html`) with the app's own components, and writes the
//     sitemap and feeds; 404.html stays the bare app shell for everything else.
import { readFile, writeFile, rename } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const publicUrl = (process.env.TRUNK_PUBLIC_URL ?? '/').replace(/\/?$/, '/');
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
if (!inline.test(html)) throw new Error('no inline start-up script found in index.html');
const attr = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
const glueTag = html.match(/<link rel="modulepreload"[^>]*>/)?.[0];
const wasmTag = html.match(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/)?.[0];
if (!glueTag || !wasmTag) throw new Error('index.html lacks the modulepreload or the wasm preload Trunk writes');
const cssTag = html.match(/<link rel="stylesheet"[^>]*>/)?.[0];
if (!cssTag) throw new Error('index.html lacks the stylesheet Trunk writes');
const glue = { href: attr(glueTag, 'href'), integrity: attr(glueTag, 'integrity') };
const wasm = { href: attr(wasmTag, 'href'), integrity: attr(wasmTag, 'integrity') };
const css = { href: attr(cssTag, 'href'), integrity: attr(cssTag, 'integrity') };

// Every file the build adds is named by its content (a deploy never serves a stale copy from a
// cache) and carries its integrity: `{ href, integrity }`.
const sri = (data) => 'sha384-' + createHash('sha384').update(data).digest('base64');
const contentName = (name, ext, data) => `${name}-${createHash('sha256').update(data).digest('hex').slice(0, 16)}${ext}`;
async function written(name, ext, data) {
  const file = contentName(name, ext, data);
  await writeFile(join(dir, file), data);
  return { href: publicUrl + file, integrity: sri(data) };
}
// The modules loaded when first used (machine translation, search), which Trunk builds without a
// content hash in their names.
async function hashed(name, ext) {
  const data = await readFile(join(dir, name + ext));
  const file = contentName(name, ext, data);
  await rename(join(dir, name + ext), join(dir, file));
  return { href: publicUrl + file, integrity: sri(data) };
}
const machine = { glue: await hashed('trimova-machine', '.js'), wasm: await hashed('trimova-machine_bg', '.wasm') };
const search = { glue: await hashed('trimova-search', '.js'), wasm: await hashed('trimova-search_bg', '.wasm') };
// The file's name relative to the site (and to embed.js, which names files relative to itself,
// so the folder can be served from any path or host).
const relative = ({ href, integrity }) => ({ file: href.slice(publicUrl.length), integrity });
// The loader both start-up modules import.
const loader = await written('loader', '.js', await readFile(new URL('../src/loader.js', import.meta.url)));

// A module of src/ with its manifest filled in: ASSETS, and the loader's hashed name.
async function filled(source, assets) {
  const text = await readFile(new URL(`../src/${source}`, import.meta.url), 'utf8');
  const marker = '/* filled in by the build */ null';
  const specifier = "from './loader.js'";
  if (!text.includes(marker) || !text.includes(specifier)) throw new Error(`src/${source} lacks the ASSETS marker or the loader import`);
  return text.replace(marker, JSON.stringify(assets)).replace(specifier, `from './${relative(loader).file}'`);
}

// The start-up module: Trunk's work (load the glue, instantiate the wasm) with the files'
// integrity checked, and the app started once the page has painted (src/boot.js).
const boot = await written('boot', '.js', await filled('boot.js', {
  glue, wasm, machineGlue: machine.glue, machineWasm: machine.wasm, searchGlue: search.glue, searchWasm: search.wasm,
}));
// Trunk's inline script gives way to src/paint-first.js, which asks for the start-up module once
// the page has painted (pre-rendered pages keep it: crates/trimova-cli/src/shell.rs). Its text is
// inlined without comment lines or indentation, and never depends on the build's files (they are
// in the tag's data attributes), so its hash, which a Content-Security-Policy names, stays the same
// from build to build.
const paintFirst = (await readFile(new URL('../src/paint-first.js', import.meta.url), 'utf8'))
  .split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('//')).join('\n');
const paintFirstHash = `'sha256-${createHash('sha256').update(paintFirst).digest('base64')}'`;
html = html.replace(inline, () => `<script data-boot="${boot.href}" data-boot-integrity="${boot.integrity}" `
  + `data-loader="${loader.href}" data-loader-integrity="${loader.integrity}">${paintFirst}</script>`);

await writeFile(indexPath, html);

// The embed's stylesheet: the site's with every rem made the embed's own (--tm-rem, see the
// stylesheet), so that a host page's root font size never reaches into the element.
const embedCss = await written('embed', '.css', (await readFile(join(dir, relative(css).file), 'utf8'))
  .replace(/(\d*\.?\d+)rem\b/g, 'calc($1 * var(--tm-rem))'));

const assets = {
  glue: relative(glue), wasm: relative(wasm), css: relative(embedCss),
  machineGlue: relative(machine.glue), machineWasm: relative(machine.wasm),
};
await writeFile(join(dir, 'embed.js'), await filled('embed.js', assets));
await writeFile(join(dir, '404.html'), html);

// The service worker (src/sw.js), for reading without a network: this build's app files as one
// set, named by a version that changes whenever any of them does (their names are content-hashed;
// the shell is hashed in). Its own name never changes, so a browser finds the next build's.
const appFiles = [...[glue, wasm, css, loader, boot].map((f) => relative(f).file), '404.html'];
// The modules a page loads when first used: kept by the worker only then.
const moduleFiles = [machine.glue, machine.wasm, search.glue, search.wasm].map((f) => relative(f).file);
const version = createHash('sha256').update(JSON.stringify([appFiles, moduleFiles, html])).digest('hex').slice(0, 16);
const worker = (await readFile(new URL('../src/sw.js', import.meta.url), 'utf8'))
  .replace('/* filled in by the build */ null', JSON.stringify({ version, app: appFiles, modules: moduleFiles, shell: '404.html' }));
await writeFile(join(dir, 'sw.js'), worker);
console.log(`post-build: start-up module -> ${relative(boot).file}, loader -> ${relative(loader).file}; embed.js; index.html copied to 404.html; sw.js ${version}`);
console.log(`post-build: the pages' inline script is ${paintFirstHash} (script-src of a Content-Security-Policy)`);
execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'trimova-cli', '--bin', 'trimova', '--', 'pages', dir], { stdio: 'inherit' });
