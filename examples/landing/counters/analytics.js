// Stand-in for an analytics counter: it marks itself on the page and sets a cookie, as Metrica would.
document.cookie = 'demo_stats=1; path=/; max-age=31536000';
document.querySelector('[data-demo="analytics"]').textContent = 'загружена';
document.querySelector('[data-demo="analytics"]').dataset.state = 'on';
