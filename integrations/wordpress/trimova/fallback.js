// Trimova's fallback on a WordPress page, served by the plugin from the site itself: when
// embed.js (loaded from Trimova's origin) cannot start at all (a wrong origin, no CORS header, a
// security policy that blocks it), every <trimova-article> says so in the page's language above
// the link to the article it holds, and fires `trimova:error` as the viewer would.
(function () {
  // The same words as embed.js's CANNOT_START (src/embed.js): this copy runs exactly when that
  // file could not be had, so it cannot be shared; change both together.
  const messages = {
    uk: 'Статтю не вдалося показати тут.',
    en: 'The article could not be shown here.',
    ru: 'Статью не удалось показать здесь.',
  };
  const lang = (document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
  function explain() {
    if (customElements.get('trimova-article')) return;
    for (const host of document.querySelectorAll('trimova-article:not([data-trimova-failed])')) {
      host.setAttribute('data-trimova-failed', '');
      const note = document.createElement('p');
      note.className = 'trimova-failed';
      note.setAttribute('role', 'alert');
      note.textContent = messages[lang] || messages.en;
      host.prepend(note);
      host.dispatchEvent(new CustomEvent('trimova:error', {
        bubbles: true,
        composed: true,
        detail: { kind: 'network', message: 'embed.js could not be loaded from Trimova\'s origin' },
      }));
    }
  }
  // Module scripts have run (or failed) by the time the page has loaded.
  const check = () => setTimeout(explain, 0);
  if (document.readyState === 'complete') check();
  else addEventListener('load', check, { once: true });
}());
