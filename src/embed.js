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
// Whatever the element holds (a CMS puts a link to the article there) is shown only when the
// viewer cannot start, under a message in the page's language.

import { once } from './loader.js';

const ASSETS = /* filled in by the build */ null;
const folder = new URL('.', import.meta.url);
const asset = (name) => new URL(ASSETS[name].file, folder).href;

// Each module is loaded once for every element on the page (`once`: src/loader.js): the viewer when
// the first element starts, machine translation when one first shows a machine edition.
const loadOnce = (glue, wasm) => once(
  { href: asset(glue), integrity: ASSETS[glue].integrity },
  { href: asset(wasm), integrity: ASSETS[wasm].integrity },
);
const loadApp = loadOnce('glue', 'wasm');
const loadMachine = loadOnce('machineGlue', 'machineWasm');

// When the viewer cannot start: the message above what the element holds, in the page's language.
// The WordPress plugin's fallback.js says the same when this file cannot load; change both together.
const CANNOT_START = {
  uk: 'Статтю не вдалося показати тут.',
  en: 'The article could not be shown here.',
  ru: 'Статью не удалось показать здесь.',
};
const NO_ARTICLE = {
  uk: 'Тут мала бути стаття, але не вказано, яка.',
  en: 'An article belongs here, but none is named.',
  ru: 'Здесь должна быть статья, но не указано какая.',
};
const inPageLanguage = (texts) => texts[(document.documentElement.lang || 'en').slice(0, 2).toLowerCase()] ?? texts.en;

// The stylesheet, a <link> in each shadow root: the browser fetches and parses it once.
function stylesheet() {
  return Object.assign(document.createElement('link'), {
    rel: 'stylesheet', href: asset('css'), integrity: ASSETS.css.integrity, crossOrigin: 'anonymous',
  });
}

class TrimovaArticle extends HTMLElement {
  static observedAttributes = ['article', 'src', 'lang', 'config', 'reader-controls'];

  #viewer = null;
  #root = null;
  #failure = null;
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
    if (!this.getAttribute('article') && !this.getAttribute('src')) {
      this.#fail('missing', 'neither article nor src is given', NO_ARTICLE);
      return;
    }
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
      if (run === this.#run) this.#fail('network', String(error?.message ?? error), CANNOT_START);
      return;
    }
    if (run !== this.#run || !this.isConnected) return;
    this.#root = Object.assign(document.createElement('div'), { className: 'trimova-embed' });
    // Sizes inside are the reader's default font size (what `medium` is in this browser), never
    // the host page's root: measured once, inside the shadow root where the host cannot restyle.
    const probe = Object.assign(document.createElement('span'), { className: 'tm-probe' });
    shadow.append(probe);
    this.#root.style.setProperty('--tm-medium', getComputedStyle(probe).fontSize);
    probe.remove();
    shadow.append(this.#root);
    const config = this.getAttribute('config');
    const src = this.getAttribute('src');
    this.#failure?.remove();
    this.#failure = null;
    this.#viewer = new bindings.Viewer(this, this.#root, {
      article: this.getAttribute('article'),
      src: src && new URL(src, document.baseURI).href,
      lang: this.getAttribute('lang'),
      base: folder.href,
      config: new URL(config || 'config.json', config ? document.baseURI : folder).href,
      readerControls: this.getAttribute('reader-controls'),
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

  // Says why nothing else is shown, keeps what the element holds (its link) in view, and tells
  // the host page.
  #fail(kind, message, texts) {
    console.error(`trimova-article: ${message}`);
    const shadow = this.shadowRoot;
    this.#failure?.remove();
    this.#failure = Object.assign(document.createElement('div'), { className: 'tm-failed' });
    const note = Object.assign(document.createElement('p'), { textContent: inPageLanguage(texts) });
    note.setAttribute('role', 'alert');
    this.#failure.append(note, document.createElement('slot'));
    shadow.append(this.#failure);
    this.dispatchEvent(new CustomEvent('trimova:error', {
      bubbles: true, composed: true, detail: { kind, message },
    }));
  }
}

if (!customElements.get('trimova-article')) {
  customElements.define('trimova-article', TrimovaArticle);
}
