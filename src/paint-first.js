// The one inline script of every page, in <head> before the stylesheet: it asks for the start-up
// module (src/boot.js) only once the page has painted, so nothing of the app is requested on the
// way to the first paint (issue 26: Lighthouse counts every request in before the paint). The
// build (scripts/post-build.mjs) puts the start-up module's and its loader's names and integrity
// in the tag's data attributes; the text itself never changes with a build, so a host's
// Content-Security-Policy allows it by one hash (README, "Content-Security-Policy"). The build
// drops comment lines and indentation when it inlines this file.
//
// A pre-rendered page starts the app once it has painted its content, or after 3 s, or at once in
// a hidden tab (which paints nothing); a bare shell has nothing to show and starts as soon as it is
// parsed. Data blocks: src/api.rs, ARTICLE_DATA and LIST_DATA.
(() => {
  const tag = document.currentScript;
  let asked = false;
  const start = () => {
    if (asked) return;
    asked = true;
    const d = tag.dataset;
    // A module's static imports carry no integrity; the loader's preload is how it is checked.
    const loader = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: d.loader, integrity: d.loaderIntegrity });
    const boot = Object.assign(document.createElement('script'), { type: 'module', src: d.boot, integrity: d.bootIntegrity });
    document.head.append(loader, boot);
  };
  if (document.visibilityState !== 'visible') return start();
  setTimeout(start, 3000);
  addEventListener('DOMContentLoaded', () => {
    if (!document.querySelector('#trimova-article-data, #trimova-list-data')) start();
  });
  if (self.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); start(); }
    }).observe({ type: 'paint', buffered: true });
  } else {
    addEventListener('load', start);
  }
})();
