// Applies the reader's "Версия для слабовидящих" settings and interface language before the
// first paint, so a page never flashes in the ordinary version first. The app (src/pwa.rs,
// core::prefs, src/lang.rs) writes them; this file only copies known-shaped data-vi-*
// attributes onto <html>, and follows the system's dark mode. Not in widgets: a host page
// chooses their theme.
(function () {
  try {
    if (/\/embed\//.test(location.pathname)) return;
    var saved = JSON.parse(localStorage.getItem('vestnik.vi') || '{}');
    var root = document.documentElement;
    // The interface language the reader chose (the app writes it; src/lang.rs).
    if (/^en/i.test(localStorage.getItem('vestnik.lang') || '')) root.setAttribute('lang', 'en');
    Object.keys(saved).forEach(function (name) {
      var value = saved[name];
      if (/^data-vi-[a-z]+$/.test(name) && typeof value === 'string' && /^[a-z0-9-]{1,20}$/.test(value)) {
        root.setAttribute(name, value);
      }
    });
    // The system's dark mode, unless the reader chose a colour scheme of their own.
    if (!root.hasAttribute('data-vi-scheme') && window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches) {
      root.setAttribute('data-theme', 'dark');
    }
  } catch (e) {
    // No storage (private mode, blocked): the ordinary version.
  }
})();
