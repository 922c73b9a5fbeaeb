// Applies the reader's "Версия для слабовидящих" settings and interface language before the
// first paint, so a page never flashes in the ordinary version first. The app (src/pwa.rs,
// core::prefs, src/lang.rs) writes them; this file only copies known-shaped data-vi-*
// attributes onto <html>, and follows the system's dark mode. Not in widgets: a host page
// chooses their theme.
(function () {
  try {
    if (/\/embed\//.test(location.pathname)) return;
    var root = document.documentElement;
    // The language switch is a plain link to this page with ?lang=en (src/lang.rs), so it
    // works before the app has started too: remember the choice, take the parameter out.
    var asked = /[?&]lang=(ru|en)(?:&|$)/.exec(location.search);
    if (asked) {
      var rest = location.search.slice(1).split('&').filter(function (pair) { return pair.split('=')[0] !== 'lang'; }).join('&');
      history.replaceState(history.state, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
      localStorage.setItem('vestnik.lang', asked[1]);
    }
    var saved = JSON.parse(localStorage.getItem('vestnik.vi') || '{}');
    // The interface language the reader chose (the app reads it too; src/lang.rs).
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
  // The first-screen snapshot (scripts/snapshot.mjs, src/snapshot.rs): the home page's or
  // an article's first screen as plain HTML while the wasm loads. Shown only where it is the
  // page the app will draw: its own page (data-path; the home page only with no query, which
  // would filter the feed), the Russian interface, younger than its maximum age, and not
  // when a service worker serves the page (the app then starts at once from its cache).
  try {
    var meta = document.querySelector('meta[name="vestnik-snapshot"]');
    if (!meta) return;
    var made = meta.content.split(';');
    var age = Date.now() - Number(made[0]);
    var path = meta.getAttribute('data-path') || '';
    // A page of the feed names its query (data-query: `page=3`, or empty for none), which
    // chooses what it shows; an article's shows whatever the query (a shared link's utm_…).
    var query = meta.getAttribute('data-query');
    var here = location.pathname === new URL(path, document.baseURI).pathname
      && (query === null ? (path || !location.search) : location.search === (query ? '?' + query : ''));
    var add = function (attributes) {
      var link = document.createElement('link');
      Object.keys(attributes).forEach(function (name) { link.setAttribute(name, attributes[name]); });
      document.head.appendChild(link);
    };
    if (here && age > -3600000 && age < Number(made[1])
        && document.documentElement.getAttribute('lang') !== 'en'
        && !(navigator.serviceWorker && navigator.serviceWorker.controller)) {
      document.documentElement.setAttribute('data-snapshot', 'on');
      // Nothing competes with what the snapshot shows: the app's code (its loader waits for
      // this) and the backend requests this screen makes (the app's own requests find them
      // under way; scripts/snapshot.mjs lists them) start once it has painted. A hidden tab
      // never paints: then at once; and never later than 3 s (the first of these resolves it).
      window.vestnikPainted = new Promise(function (start) {
        var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
        var type = types.indexOf('largest-contentful-paint') >= 0 ? 'largest-contentful-paint'
          : types.indexOf('paint') >= 0 ? 'paint' : null;
        if (document.visibilityState === 'hidden') start();
        else if (type) new PerformanceObserver(function (_, observer) { observer.disconnect(); start(); }).observe({ type: type, buffered: true });
        else addEventListener('load', start);
        setTimeout(start, 3000);
      });
      window.vestnikPainted.then(function () {
        (meta.getAttribute('data-preload') || '').split(' ').forEach(function (href) {
          if (!href) return;
          var url = new URL(href, document.baseURI);
          if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
          add({ rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: url.href });
        });
      });
    } else {
      // No snapshot here: the app's code is all this page will show, so it downloads at
      // once, as from a page without one (the preload links the snapshot set aside).
      JSON.parse(meta.getAttribute('data-app') || '[]').forEach(function (tag) {
        var attributes = {};
        tag.replace(/ ([a-z-]+)="([^"]*)"/g, function (_, name, value) { attributes[name] = value; });
        add(attributes);
      });
    }
  } catch (e) {
    // Anything unexpected: no snapshot, the page loads as it does without one.
  }
})();
