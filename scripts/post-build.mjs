// Trunk post-build step (see Trunk.toml), run in Trunk's staging directory:
//  1. moves Trunk's inline start-up script into a content-hashed file, so the site runs under a
//     strict Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline');
//  2. copies index.html to 404.html, so that hosts serving 404.html for unknown paths serve the app
//     for any path;
//  3. runs `trimova pages`, which pre-renders every human edition (`<lang>/<id>/index.html`) and
//     the lists (`index.html`, `<lang>/index.html`) with the app's own components, and writes the
//     sitemap and feeds; 404.html stays the bare app shell for everything else.
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const publicUrl = (process.env.TRUNK_PUBLIC_URL ?? '/').replace(/\/?$/, '/');
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline start-up script found in index.html');
const code = match[1].trim() + '\n';
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
const file = `boot-${hash}.js`;
await writeFile(join(dir, file), code);
html = html.replace(inline, `<script type="module" src="${publicUrl}${file}" integrity="${integrity}"></script>`);

await writeFile(indexPath, html);
await writeFile(join(dir, '404.html'), html);
console.log(`post-build: start-up script -> ${file}; index.html copied to 404.html`);
execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'trimova-cli', '--bin', 'trimova', '--', 'pages', dir], { stdio: 'inherit' });
