// The login form posts with the header every change of the console carries (see CrossSiteRequests).
document.getElementById('login').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new URLSearchParams(new FormData(event.target));
  const answer = await fetch('/login', {
    method: 'POST', body: form, credentials: 'same-origin',
    headers: { 'X-Requested-By': 'fieldsync', 'Content-Type': 'application/x-www-form-urlencoded' }
  });
  if (answer.ok) {
    const next = new URLSearchParams(location.search).get('next');
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  } else {
    const refused = document.getElementById('refused');
    refused.textContent = answer.status === 401 ? 'Wrong name or password.' : 'Login failed (HTTP ' + answer.status + ').';
    refused.hidden = false;
  }
});
