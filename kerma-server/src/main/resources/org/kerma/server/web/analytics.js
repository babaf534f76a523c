'use strict';
/*
 * Analytics: GET /api/analytics (median and quartiles per device, protocol or body part over a date range, workload
 * by weekday and hour). The chart draws floating bars p25 to p75 with the median and the reference level.
 */
Kerma.page(async () => {
  const {el, api, fmt, fill, table, message} = Kerma;
  const fields = ['from', 'to', 'groupBy', 'quantity'].map(id => document.getElementById(id));
  const [fromField, toField, groupField, quantityField] = fields;
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 364 * 86400000);
  fromField.value = Kerma.param('from') || yearAgo.toISOString().slice(0, 10);
  toField.value = Kerma.param('to') || today.toISOString().slice(0, 10);
  groupField.value = Kerma.param('groupBy') || 'device';
  quantityField.value = Kerma.param('quantity') || 'DAP';
  const charts = {};
  let answer = null;
  document.getElementById('filter').addEventListener('submit', e => {
    e.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams(fields.map(f => [f.id, f.value])).toString());
    load();
  });
  quantityField.addEventListener('change', () => answer && draw(answer));
  await load();

  async function load() {
    answer = await api('/api/analytics?' + new URLSearchParams({from: fromField.value, to: toField.value,
      groupBy: groupField.value}).toString());
    draw(answer);
  }

  function draw(a) {
    const name = quantityField.value;
    const label = quantityField.selectedOptions[0].textContent;
    const rows = a.groups.map(g => ({key: g.key, studies: g.studies, q: g.quantities.find(q => q.quantity === name)}))
      .filter(r => r.q);
    fill('count', a.studies + ' studies with dose from ' + a.from + ' to ' + a.to + '; ' + rows.length + ' of '
      + a.groups.length + ' groups have ' + label + '.');
    const unit = rows.length ? Kerma.displayUnits[rows[0].q.unit] : null;
    const v = x => x === null || x === undefined ? null : x * unit.factor;
    const axis = unit ? label + ' (' + unit.axis + ')' : label;
    replace('distribution', {
      type: 'bar',
      data: {labels: rows.map(r => r.key), datasets: [
        {label: 'p25 to p75', data: rows.map(r => [v(r.q.p25), v(r.q.p75)]), backgroundColor: '#8fb3e8', borderColor: '#0b3d91', borderWidth: 1, order: 2},
        {type: 'scatter', label: 'median', data: rows.map((r, i) => ({x: r.key, y: v(r.q.median)})), backgroundColor: '#1b1f24', pointRadius: 5, order: 0},
        {type: 'scatter', label: 'reference level', data: rows.filter(r => r.q.referenceLevel !== null)
          .map(r => ({x: r.key, y: v(r.q.referenceLevel)})), pointStyle: 'line', pointRadius: 40, borderWidth: 3,
          borderColor: '#a4161a', backgroundColor: '#a4161a', order: 1},
      ]},
      options: {scales: {y: {beginAtZero: true, title: {display: true, text: axis}}}},
    }, label + ' per group: interquartile range, median and reference level');
    fill('groups', rows.length === 0 ? message('No study of the range has ' + label + '.') : table(null, [
      {label: 'Group', value: r => r.key},
      {label: 'Studies', num: true, value: r => r.q.count},
      {label: 'p25', num: true, value: r => Kerma.quantity(r.q.p25, r.q.unit)},
      {label: 'Median', num: true, value: r => Kerma.quantity(r.q.median, r.q.unit)},
      {label: 'p75', num: true, value: r => Kerma.quantity(r.q.p75, r.q.unit)},
      {label: 'Min', num: true, value: r => Kerma.quantity(r.q.min, r.q.unit)},
      {label: 'Max', num: true, value: r => Kerma.quantity(r.q.max, r.q.unit)},
      {label: 'Reference level', num: true, value: r => Kerma.quantity(r.q.referenceLevel, r.q.unit)},
    ], rows));
    replace('weekday', {type: 'bar', data: {labels: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
      datasets: [{label: 'studies by weekday', data: a.byWeekday, backgroundColor: '#0b3d91'}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}}, 'Studies by weekday');
    replace('hour', {type: 'bar', data: {labels: a.byHour.map((_, h) => String(h).padStart(2, '0')),
      datasets: [{label: 'studies by hour of Study Time', data: a.byHour, backgroundColor: '#0b3d91'}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}}, 'Studies by hour of the day');
  }

  function replace(id, config, label) {
    if (charts[id]) charts[id].destroy();
    charts[id] = Kerma.chart(id, config, label);
  }
});
