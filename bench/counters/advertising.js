// Stand-in for a third-party advertising pixel: marks that it ran and makes one "hit" request.
(function () {
  window.__benchCounters = window.__benchCounters || [];
  window.__benchCounters.push('advertising');
  fetch('/bench/hit?c=advertising', { cache: 'no-store', keepalive: true }).catch(function () {});
})();
