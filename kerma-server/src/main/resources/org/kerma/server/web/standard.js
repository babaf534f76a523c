'use strict';
Kerma.page(async () => {
  const {el, api, fill, table, message} = Kerma;
  const iods = await api('/api/std/iods');
  const search = document.getElementById('search');

  function list() {
    const q = search.value.trim().toLowerCase();
    const shown = iods.filter(i => !q || i.name.toLowerCase().includes(q) || i.id.toLowerCase().includes(q)
      || i.sopClassUids.some(u => u.includes(q)));
    fill('iods', shown.map(i => el('li', {}, el('a', {href: '#iod=' + encodeURIComponent(i.id), onclick: e => { e.preventDefault(); iod(i.id); }}, i.name),
      ' ', el('span', {class: 'muted'}, i.section))));
  }

  async function iod(id) {
    try {
      const d = await api('/api/std/iods/' + encodeURIComponent(id));
      fill('detail', el('h3', {}, d.name + ' (' + d.section + ')'),
        el('p', {}, d.sopClasses.map(s => s.name + ' ' + s.uid).join('; ')),
        table('Modules', [
          {label: 'Entity', value: m => m.informationEntity},
          {label: 'Module', value: m => el('a', {href: '#module=' + encodeURIComponent(m.module), onclick: e => { e.preventDefault(); module(m.module); }}, m.name || m.module)},
          {label: 'Usage', value: m => m.usage},
          {label: 'Section', value: m => m.section},
          {label: 'Condition', wrap: true, value: m => m.condition || ''},
        ], d.modules));
      document.getElementById('h-detail').focus();
    } catch (e) {
      fill('detail', message(e.message, 'error'));
    }
  }

  async function module(id) {
    try {
      const m = await api('/api/std/modules/' + encodeURIComponent(id));
      fill('detail', el('h3', {}, m.name + ' (' + m.section + ')'), table('Attributes', [
        {label: 'Attribute', wrap: true, value: a => '>'.repeat(a.depth) + ' ' + a.name},
        {label: 'Tag', value: a => '(' + a.tag.slice(0, 4) + ',' + a.tag.slice(4) + ')'},
        {label: 'Keyword', value: a => a.keyword},
        {label: 'Type', value: a => a.type},
        {label: 'VR', value: a => a.vr},
        {label: 'VM', value: a => a.vm},
        {label: 'Condition', wrap: true, value: a => a.condition || ''},
      ], m.attributes));
    } catch (e) {
      fill('detail', message(e.message, 'error'));
    }
  }

  document.getElementById('tag-form').addEventListener('submit', async e => {
    e.preventDefault();
    const q = document.getElementById('tag').value.trim();
    if (!q) return;
    try {
      const r = await api('/api/std/tags/' + encodeURIComponent(q));
      const rows = Array.isArray(r) ? r : [r];
      fill('tag-result', table('Attributes', [
        {label: 'Tag', value: a => '(' + a.tag.slice(0, 4) + ',' + a.tag.slice(4) + ')'},
        {label: 'Name', value: a => a.name}, {label: 'Keyword', value: a => a.keyword},
        {label: 'VR', value: a => a.vr}, {label: 'VM', value: a => a.vm}, {label: 'Retired', value: a => a.retired ? 'yes' : ''},
      ], rows));
    } catch (err) {
      fill('tag-result', message(err.message, 'error'));
    }
  });
  document.getElementById('h-detail').setAttribute('tabindex', '-1');
  search.addEventListener('input', list);
  list();
});
