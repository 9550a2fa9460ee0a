// Inlined into every page's <head> by scripts/post_build.py, before anything is drawn. A page
// written at build time shows its address without a query, in the language of its path
// (French under /fr/, English elsewhere). Any other view (a query, or an English page in a
// French browser, whose app shows French) hides it until the app draws its own.
(function () {
  var base = new URL(document.baseURI).pathname;
  var path = location.pathname.slice(base.length - 1);
  var french = path === '/fr' || path.indexOf('/fr/') === 0;
  var lang = (navigator.language || '').toLowerCase();
  var browserFrench = lang === 'fr' || lang.indexOf('fr-') === 0;
  if (location.search || (!french && browserFrench)) {
    document.documentElement.setAttribute('data-written-page', 'hidden');
  }
})();
