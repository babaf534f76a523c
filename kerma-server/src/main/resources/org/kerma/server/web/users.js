'use strict';
Kerma.page(async user => {
  const {el, api, fmt, fill, table, message} = Kerma;
  if (user.role !== 'admin') {
    fill('users', message('Only admins manage users.', 'warn'));
    document.getElementById('add').remove();
    return;
  }

  async function load() {
    const [users, audit] = await Promise.all([api('/api/users'), api('/api/audit?limit=100')]);
    fill('users', table(null, [
      {label: 'Name', value: u => u.name},
      {label: 'Role', value: u => {
        const select = el('select', {'aria-label': 'role of ' + u.name, disabled: u.name === user.name},
          ['viewer', 'physicist', 'admin'].map(r => el('option', {value: r, selected: r === u.role}, r)));
        select.addEventListener('change', () => change(u.name, {role: select.value}));
        return select;
      }},
      {label: 'Added', value: u => fmt.millis(u.createdAt)},
      {label: '', value: u => u.name === user.name ? '' : el('button', {type: 'button', class: 'secondary',
        onclick: () => remove(u.name)}, 'Remove ' + u.name)},
    ], users.users));
    fill('audit', table(null, [
      {label: 'When', value: a => fmt.millis(a.at)}, {label: 'User', value: a => a.userName || ''},
      {label: 'Action', value: a => a.action}, {label: 'Detail', wrap: true, value: a => a.detail || ''},
      {label: 'From', value: a => a.remote || ''},
    ], audit.entries));
  }

  async function change(name, body) {
    try {
      await api('/api/users/' + encodeURIComponent(name), {method: 'PUT', body});
      fill('add-result', message('Changed ' + name + '.'));
    } catch (e) {
      fill('add-result', message(e.message, 'error'));
    }
    await load();
  }

  async function remove(name) {
    if (!confirm('Remove ' + name + '?')) return;
    try {
      await api('/api/users/' + encodeURIComponent(name), {method: 'DELETE'});
    } catch (e) {
      fill('add-result', message(e.message, 'error'));
    }
    await load();
  }

  const form = document.getElementById('add');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const u = await api('/api/users', {method: 'POST', body: {name: form.elements.name.value, role: form.elements.role.value,
        password: form.elements.password.value}});
      form.reset();
      fill('add-result', message('Added ' + u.name + ' as ' + u.role + '.'));
    } catch (err) {
      fill('add-result', message(err.message, 'error'));
    }
    await load();
  });
  await load();
});
