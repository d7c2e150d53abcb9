// Stand-in for a third-party analytics counter: marks that it ran and makes one "hit" request.
(function () {
  window.__benchCounters = window.__benchCounters || [];
  window.__benchCounters.push('analytics');
  fetch('/bench/hit?c=analytics', { cache: 'no-store', keepalive: true }).catch(function () {});
})();
