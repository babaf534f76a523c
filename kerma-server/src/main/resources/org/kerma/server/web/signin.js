'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('signin');
  const problem = document.getElementById('problem');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.hidden = true;
    const r = await fetch('/api/auth/signin', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({name: form.elements.name.value, password: form.elements.password.value}),
    });
    if (r.ok) {
      const next = new URLSearchParams(location.search).get('next');
      // only a path on this site: never an address elsewhere
      location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
      return;
    }
    const body = await r.json().catch(() => ({}));
    problem.textContent = body.message || ('sign-in failed: ' + r.status);
    problem.hidden = false;
    form.elements.password.value = '';
    form.elements.password.focus();
  });
});
