// <trimova-article>: Trimova's article viewer as a custom element, for a newsroom's own pages.
//
//   <script type="module" src="https://static.example.org/trimova/embed.js"></script>
//   <trimova-article article="some-article-id" lang="uk"></trimova-article>
//
// The build (scripts/post-build.mjs) writes this file to dist/embed.js, a name that never changes,
// with ASSETS naming the content-hashed files beside it and their integrity. Everything is drawn
// by the app's wasm inside an open shadow root, so the host's styles and the viewer's stay apart;
// nothing outside the element (URL, history, <html lang>, title, meta) is touched. No inline
// script or style is used: it runs under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.

const ASSETS = /* filled in by the build */ null;
const folder = new URL('.', import.meta.url);
const asset = (name) => new URL(ASSETS[name].file, folder).href;

// Imports a wasm-bindgen module (`glue`) and instantiates its wasm, checking both against their
// integrity. A module preload link is how a dynamic import gets its integrity checked; it goes
// again once the module is in, so the host's <head> ends as it was. The browser remembers a
// module that failed to load for good, so a later attempt asks for it under another URL.
const attempts = new Map();
async function load(glue, wasm) {
  const attempt = (attempts.get(glue) ?? 0) + 1;
  attempts.set(glue, attempt);
  const href = attempt > 1 ? `${asset(glue)}?attempt=${attempt}` : asset(glue);
  const preload = Object.assign(document.createElement('link'), {
    rel: 'modulepreload', href, integrity: ASSETS[glue].integrity, crossOrigin: 'anonymous',
  });
  document.head.append(preload);
  try {
    const bindings = await import(href);
    await bindings.default({
      module_or_path: fetch(asset(wasm), { integrity: ASSETS[wasm].integrity, credentials: 'same-origin' }),
    });
    return bindings;
  } finally {
    preload.remove();
  }
}

// Each module is loaded once for every element on the page: the viewer when the first element
// starts, machine translation when one first shows a machine edition. A failed load is tried
// again by the next element that asks.
const once = (glue, wasm) => {
  let loading;
  return () => (loading ??= load(glue, wasm).catch((error) => { loading = undefined; throw error; }));
};
const loadApp = once('glue', 'wasm');
const loadMachine = once('machineGlue', 'machineWasm');

// The stylesheet, a <link> in each shadow root: the browser fetches and parses it once.
function stylesheet() {
  return Object.assign(document.createElement('link'), {
    rel: 'stylesheet', href: asset('css'), integrity: ASSETS.css.integrity, crossOrigin: 'anonymous',
  });
}

class TrimovaArticle extends HTMLElement {
  static observedAttributes = ['article', 'src', 'lang', 'config'];

  #viewer = null;
  #root = null;
  // Counts starts, so that one overtaken by a later start (or a removal) gives up.
  #run = 0;

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#stop();
  }

  attributeChangedCallback(name, before, value) {
    if (before === value || !this.isConnected) return;
    if (name === 'lang') {
      // The viewer sets `lang` itself when the reader switches; it ignores its own echo.
      this.#viewer?.setLang(value);
    } else {
      this.#start();
    }
  }

  async #start() {
    this.#stop();
    const run = this.#run;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    let sheet = shadow.querySelector('link[rel=stylesheet]');
    const styled = sheet
      ? Promise.resolve()
      : new Promise((done) => {
        sheet = stylesheet();
        // Unstyled text must not flash: the viewer waits for its styles (or their failure).
        sheet.addEventListener('load', done, { once: true });
        sheet.addEventListener('error', done, { once: true });
        shadow.append(sheet);
      });
    let bindings;
    try {
      [bindings] = await Promise.all([loadApp(), styled]);
    } catch (error) {
      if (run === this.#run) this.#fail(error);
      return;
    }
    if (run !== this.#run || !this.isConnected) return;
    this.#root = Object.assign(document.createElement('div'), { className: 'trimova-embed' });
    shadow.append(this.#root);
    const config = this.getAttribute('config');
    const src = this.getAttribute('src');
    this.#viewer = new bindings.Viewer(this, this.#root, {
      article: this.getAttribute('article'),
      src: src && new URL(src, document.baseURI).href,
      lang: this.getAttribute('lang'),
      base: folder.href,
      config: new URL(config || 'config.json', config ? document.baseURI : folder).href,
    }, loadMachine);
  }

  // Unmounts the viewer: its requests are aborted and its translation cancelled.
  #stop() {
    this.#run += 1;
    this.#viewer?.free();
    this.#viewer = null;
    this.#root?.remove();
    this.#root = null;
  }

  #fail(error) {
    console.error('trimova-article: the viewer could not be loaded', error);
    this.dispatchEvent(new CustomEvent('trimova:error', {
      bubbles: true, composed: true, detail: { kind: 'network', message: String(error?.message ?? error) },
    }));
  }
}

if (!customElements.get('trimova-article')) {
  customElements.define('trimova-article', TrimovaArticle);
}
