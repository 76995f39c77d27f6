// Loading Trimova's wasm modules, shared by the site's start-up module (src/boot.js) and embed.js,
// which both import it (the build gives it a content-hashed name). `glue` and `wasm` are
// `{ href, integrity }` of a wasm-bindgen module's JavaScript and of its wasm.

// Imports the glue and instantiates the wasm, both checked against their integrity. A module
// preload link is how a dynamic import gets its integrity checked; it goes again once the module
// is in, so <head> ends as it was (a host page's, for the embed). The browser remembers a module
// that failed to load for good, so a later attempt asks for it under another URL.
const attempts = new Map();
export async function load(glue, wasm) {
  const attempt = (attempts.get(glue.href) ?? 0) + 1;
  attempts.set(glue.href, attempt);
  const href = attempt > 1 ? `${glue.href}?attempt=${attempt}` : glue.href;
  const preload = Object.assign(document.createElement('link'), {
    rel: 'modulepreload', href, integrity: glue.integrity, crossOrigin: 'anonymous',
  });
  document.head.append(preload);
  try {
    const bindings = await import(href);
    await bindings.default({
      module_or_path: fetch(wasm.href, { integrity: wasm.integrity, credentials: 'same-origin' }),
    });
    return bindings;
  } finally {
    preload.remove();
  }
}

// A function that loads the module once for the whole page, whoever asks first; after a failure
// the next caller tries again.
export function once(glue, wasm) {
  let loading;
  return () => (loading ??= load(glue, wasm).catch((error) => { loading = undefined; throw error; }));
}
