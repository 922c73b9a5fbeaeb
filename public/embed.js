/*! Vestnik embed loader: news widgets for other sites. No dependencies.
 *
 * <div data-vestnik="feed" data-limit="5"></div>
 * <div data-vestnik="calendar"></div>
 * <div data-vestnik="article" data-id="10564"></div>
 * <script src="https://press.example/embed.js" async></script>
 *
 * Options (data-*): limit, rubric, thumbs, summary, theme, lang, target, title.
 * Each widget becomes a sandboxed, lazily loaded <iframe> whose height follows its content:
 * the widget posts its height, and only messages from the Vestnik origin, from that very
 * frame, are believed. Widgets added to the page later are found too.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  // Loaded twice, it runs once. A symbol: a host element's id becomes a window property of
  // that name (`<div id="__vestnikEmbed">`), never a symbol.
  var ONCE = Symbol.for('vestnik.embed');
  if (!script || window[ONCE]) return;
  window[ONCE] = true;
  var base = new URL('.', script.src);
  var KINDS = { feed: 'Новости пресс-службы', calendar: 'Архив новостей', article: 'Новость пресс-службы' };
  var OPTIONS = ['limit', 'rubric', 'thumbs', 'summary', 'theme', 'lang', 'target'];
  var frames = {};
  var count = 0;

  function mount(el) {
    if (el.__vestnik) return;
    var kind = el.getAttribute('data-vestnik');
    if (!Object.prototype.hasOwnProperty.call(KINDS, kind)) return;
    el.__vestnik = true;
    count += 1;
    var id = 'vestnik-' + count + '-' + Math.random().toString(36).slice(2, 8);
    var path = 'embed/' + kind + (kind === 'article' ? '/' + encodeURIComponent(el.getAttribute('data-id') || '') : '');
    var url = new URL(path, base);
    OPTIONS.forEach(function (name) {
      var value = el.getAttribute('data-' + name);
      if (value !== null) url.searchParams.set(name, value);
    });
    url.searchParams.set('frame', id);
    url.searchParams.set('host', location.origin);
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = el.getAttribute('data-title') || KINDS[kind];
    frame.loading = 'lazy';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation');
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;height:' + (kind === 'calendar' ? 420 : 320) + 'px;border:0;overflow:hidden';
    frames[id] = frame;
    el.appendChild(frame);
  }

  function scan(root) {
    if (root.nodeType !== 1 && root !== document) return;
    if (root.matches && root.matches('[data-vestnik]')) mount(root);
    var found = root.querySelectorAll('[data-vestnik]');
    for (var i = 0; i < found.length; i += 1) mount(found[i]);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== base.origin) return;
    var data = event.data;
    if (!data || data.type !== 'vestnik:height' || typeof data.frame !== 'string') return;
    var frame = frames[data.frame];
    if (!frame || event.source !== frame.contentWindow) return;
    var height = Number(data.height);
    if (isFinite(height) && height > 0 && height < 20000) frame.style.height = Math.ceil(height) + 'px';
  });

  scan(document);
  new MutationObserver(function (mutations) {
    mutations.forEach(function (m) { m.addedNodes.forEach(scan); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
