// Applies a reader's remembered reading settings (text size, width, spacing, font, theme) before a
// page's first paint. A classic script in <head>, fetched beside the stylesheet that the paint
// waits for anyway, so a pre-rendered page never shows the default look first; and a file, so the
// strict CSP (no inline script) stays. It copies the attributes the app remembered under
// STORAGE_KEY with ATTRIBUTE_PREFIX (crates/trimova-core/src/reading) and knows nothing of the
// settings themselves: the app decides them, the stylesheet draws them.
(function () {
  try {
    var stored = JSON.parse(localStorage.getItem('trimova.reading') || '{}');
    var root = document.documentElement;
    for (var name in stored) {
      var value = stored[name];
      if (/^[a-z]{1,16}$/.test(name) && typeof value === 'string' && /^[a-z0-9]{1,16}$/.test(value)) {
        root.setAttribute('data-tm-' + name, value);
      }
    }
  } catch (error) {
    // Storage refused (a private window, a sandboxed frame) or damaged: the default look.
  }
})();
