'use strict';
Kerma.page(async user => {
  const {el, api, fmt, fill, table, message} = Kerma;
  const form = document.getElementById('window');
  if (!user.seesPatientIdentifiers) {
    form.remove();
    fill('totals', message('The ' + user.role + ' role does not see patient identifiers, so it has no patient view.', 'warn'));
    return;
  }
  const iso = d => d.toISOString().slice(0, 10);
  form.elements.id.value = Kerma.param('id') || '';
  form.elements.to.value = Kerma.param('to') || iso(new Date());
  form.elements.from.value = Kerma.param('from') || iso(new Date(Date.now() - 365 * 864e5));
  form.elements.span.addEventListener('change', () => {
    const days = Number(form.elements.span.value);
    if (days) {
      const to = form.elements.to.value ? new Date(form.elements.to.value) : new Date();
      form.elements.from.value = iso(new Date(to.getTime() - days * 864e5));
    }
  });
  let chart = null;

  async function load() {
    const id = form.elements.id.value.trim();
    if (!id) return;
    const q = new URLSearchParams({from: form.elements.from.value, to: form.elements.to.value});
    history.replaceState(null, '', '?' + new URLSearchParams({id, from: q.get('from'), to: q.get('to')}));
    let d;
    try {
      d = await api('/api/patients/' + encodeURIComponent(id) + '/dose?' + q);
    } catch (e) {
      fill('totals', message(e.routeMissing ? 'This node does not serve dose data yet (no /api/patients/{id}/dose).' : e.message, e.routeMissing ? 'warn' : 'error'));
      fill('studies', '');
      return;
    }
    const t = d.totals;
    const card = (label, value) => el('div', {class: 'card'}, el('div', {class: 'value'}, value), el('div', {class: 'label'}, label));
    fill('totals', el('p', {}, `Patient ${d.patientId}, ${d.from} to ${d.to}: ${t.studyCount} studies.`), el('div', {class: 'cards'},
      card('DAP (Gy·cm²)', fmt.dap(t.dapGym2)), card('RP air kerma (mGy)', fmt.kerma(t.rpAirKermaGy)),
      card('Fluoro time (min:s)', fmt.minSec(t.fluoroTimeS)), card('DLP (mGy·cm)', fmt.dlp(t.dlpMGyCm))));
    fill('studies', table('Studies in the window', [
      {label: 'Date', value: s => el('a', {href: '/study.html?uid=' + encodeURIComponent(s.studyInstanceUid)}, s.studyDate)},
      {label: 'Modalities', value: s => s.modalities.join(' ')},
      {label: 'DAP (Gy·cm²)', num: true, value: s => fmt.dap(s.dapGym2)},
      {label: 'RP air kerma (mGy)', num: true, value: s => fmt.kerma(s.rpAirKermaGy)},
      {label: 'Fluoro time (min:s)', num: true, value: s => fmt.minSec(s.fluoroTimeS)},
      {label: 'DLP (mGy·cm)', num: true, value: s => fmt.dlp(s.dlpMGyCm)},
      {label: 'CTDIvol max (mGy)', num: true, value: s => fmt.mgy(s.ctdiVolMaxMGy)},
    ], d.studies));
    document.getElementById('chart-box').hidden = d.studies.length === 0;
    const cumulative = key => { let sum = 0; return d.studies.map(s => (sum += s[key] || 0)); };
    if (chart) chart.destroy();
    chart = Kerma.chart('cumulative', {
      type: 'line',
      data: {labels: d.studies.map(s => s.studyDate), datasets: [
        {label: 'cumulative DAP (Gy·cm²)', data: cumulative('dapGym2').map(v => v * 1e4), borderColor: '#0b3d91', yAxisID: 'y'},
        {label: 'cumulative RP air kerma (mGy)', data: cumulative('rpAirKermaGy').map(v => v * 1e3), borderColor: '#e69f00', yAxisID: 'y'},
        {label: 'cumulative DLP (mGy·cm)', data: cumulative('dlpMGyCm'), borderColor: '#009e73', yAxisID: 'y1'},
      ]},
      options: {scales: {y: {beginAtZero: true, title: {display: true, text: 'Gy·cm² / mGy'}}, y1: {beginAtZero: true, position: 'right', title: {display: true, text: 'mGy·cm'}, grid: {drawOnChartArea: false}}}},
    }, 'cumulative dose of patient ' + d.patientId + ' over the window');
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  await load();
});
