'use strict';
/* Reference level packs (GET /api/reference-levels) and alert rules (GET /api/alert-rules), values in display units. */
Kerma.page(async () => {
  const {el, api, fmt, fill, table, message} = Kerma;
  const modalities = m => (Array.isArray(m) ? m.join(', ') : m) || 'any';
  const [levels, rules] = await Promise.all([api('/api/reference-levels'), api('/api/alert-rules')]);
  fill('packs', levels.packs.length === 0 ? message('No reference level pack is installed.') : levels.packs.map(p =>
    el('section', {class: 'pack', 'data-pack': p.id + ' ' + p.version},
      el('h3', {}, p.jurisdiction + ': ' + p.name + ', version ' + p.version + ' ',
        el('span', {class: 'badge'}, p.origin === 'LOCAL' ? 'local' : 'shipped')),
      el('dl', {class: 'facts'},
        el('dt', {}, 'Pack id'), el('dd', {}, p.id),
        el('dt', {}, 'Valid'), el('dd', {}, (p.validFrom || fmt.none) + ' to ' + (p.validTo || 'open end')),
        el('dt', {}, 'Source'), el('dd', {class: 'source'}, p.source || fmt.none)),
      table(null, [
        {label: 'Exam', value: l => l.exam},
        {label: 'Modality', value: l => modalities(l.modality)},
        {label: 'Quantity', value: l => l.quantity},
        {label: 'Level', num: true, value: l => Kerma.quantity(l.value, l.unit)},
        {label: 'Matches', wrap: true, value: l => (l.match || 'any study') + (l.exclude ? ', not ' + l.exclude : '')},
        {label: 'Note', wrap: true, value: l => l.note || ''},
      ], p.levels))));
  fill('rules', rules.rules.length === 0 ? message('No alert rule.') : table(null, [
    {label: 'Rule', value: r => r.name},
    {label: 'Origin', value: r => r.origin === 'DEFAULT' ? el('span', {class: 'badge warn'}, 'default, review locally') : 'local'},
    {label: 'Enabled', value: r => r.enabled ? 'yes' : 'no'},
    {label: 'Modality', value: r => modalities(r.modality)},
    {label: 'Applies to', wrap: true, value: r => [r.device ? 'device ' + r.device : null, r.match ? 'matching ' + r.match : null,
      r.exclude ? 'not ' + r.exclude : null].filter(x => x).join(', ') || 'any study'},
    {label: 'Quantity', value: r => r.quantity},
    {label: 'Threshold', num: true, value: r => Kerma.quantity(r.threshold, r.unit)},
    {label: 'Window', value: r => r.windowDays > 0 ? r.windowDays + ' days, cumulative' : 'study'},
    {label: 'Source', wrap: true, value: r => r.source || fmt.none},
  ], rules.rules));
});
