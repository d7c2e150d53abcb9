// Stand-in for an ad pixel: it marks itself on the page and sets a cookie, as VK Ads would.
document.cookie = 'demo_ads=1; path=/; max-age=31536000';
document.querySelector('[data-demo="advertising"]').textContent = 'загружен';
document.querySelector('[data-demo="advertising"]').dataset.state = 'on';
