// Inlined into index.html's <head> by scripts/post_build.py, before anything is drawn: the first
// screen index.html carries is the plain timeline in English, so any other address hides it
// (the same rule as the app's language: ?lang=, else the browser's).
(function () {
  var base = new URL(document.baseURI).pathname;
  var lang = (navigator.language || '').toLowerCase();
  if (location.search || location.pathname !== base || lang === 'fr' || lang.indexOf('fr-') === 0) {
    document.documentElement.setAttribute('data-first-screen', 'hidden');
  }
})();
