// The host's own script: a small history router for its sections, as CMS front ends have. It
// changes the URL, <title> and heading itself; the embedded articles must leave all three alone.
const sections = { ausland: 'Ausland', kultur: 'Kultur' };

function show(route) {
  const name = sections[route] ?? sections.ausland;
  document.querySelector('.section-title').textContent = name;
  document.title = `Beispielzeitung – ${name}`;
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState({ route: link.dataset.route }, '', link.href);
  show(link.dataset.route);
});
addEventListener('popstate', (event) => show(event.state?.route));

// What a host does with Trimova's events: here, log them for its analytics.
for (const name of ['languagechange', 'translationstart', 'translationend', 'error']) {
  document.addEventListener(`trimova:${name}`, (event) => {
    console.info(`${event.target.id}: trimova:${name}`, JSON.stringify(event.detail));
  });
}
show(new URLSearchParams(location.search).get('rubrik'));
