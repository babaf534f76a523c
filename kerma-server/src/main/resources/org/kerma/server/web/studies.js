'use strict';
Kerma.page(async user => {
  const {el, api, fmt, fill, table} = Kerma;
  const form = document.getElementById('filters');
  const names = ['from', 'to', 'modality', 'device', 'patientId', 'accession'];
  const pageSize = 50;
  let offset = Number(Kerma.param('offset') || 0);
  if (!user.seesPatientIdentifiers) {
    document.getElementById('patientIdLabel').remove();
  }
  const devices = await api('/api/devices').catch(() => ({devices: []}));
  const select = form.elements.device;
  for (const d of devices.devices) {
    select.append(el('option', {value: d.id}, [d.manufacturer, d.modelName, d.stationName].filter(Boolean).join(' ') || ('device ' + d.id)));
  }
  const query = new URLSearchParams(location.search);
  for (const n of names) {
    if (form.elements[n] && query.get(n)) form.elements[n].value = query.get(n);
  }

  function filters() {
    const q = new URLSearchParams();
    for (const n of names) {
      const v = form.elements[n] ? form.elements[n].value.trim() : '';
      if (v) q.set(n, v);
    }
    return q;
  }

  const doseColumns = [
    {label: 'DAP (Gy·cm²)', num: true, value: s => fmt.dap(s.dose.dapGym2)},
    {label: 'RP air kerma (mGy)', num: true, value: s => fmt.kerma(s.dose.rpAirKermaGy)},
    {label: 'Fluoro time (min:s)', num: true, value: s => fmt.minSec(s.dose.fluoroTimeS)},
    {label: 'DLP (mGy·cm)', num: true, value: s => fmt.dlp(s.dose.dlpMGyCm)},
    {label: 'CTDIvol max (mGy)', num: true, value: s => fmt.mgy(s.dose.ctdiVolMaxMGy)},
  ];

  async function load() {
    const q = filters();
    history.replaceState(null, '', '?' + new URLSearchParams([...q, ['offset', offset]]));
    document.getElementById('csv').href = '/api/exports/studies.csv?' + q;
    document.getElementById('xlsx').href = '/api/exports/studies.xlsx?' + q;
    document.getElementById('events-csv').href = '/api/exports/events.csv?' + q;
    document.getElementById('events-xlsx').href = '/api/exports/events.xlsx?' + q;
    q.set('offset', offset);
    q.set('limit', pageSize);
    let page;
    try {
      page = await api('/api/studies?' + q);
    } catch (e) {
      fill('studies', Kerma.message(e.message, 'error'));
      return;
    }
    const columns = [
      {label: 'Date', value: s => el('a', {href: '/study.html?uid=' + encodeURIComponent(s.studyInstanceUid)}, fmt.date(s.studyDate))},
      {label: 'Time', value: s => fmt.time(s.studyTime)},
    ];
    if (user.seesPatientIdentifiers) {
      columns.push({label: 'Patient ID', value: s => s.patientId || ''},
        {label: 'Patient name', value: s => s.patientName || ''});
    }
    columns.push({label: 'Accession', value: s => s.accessionNumber || ''},
      {label: 'Description', wrap: true, value: s => s.studyDescription || ''},
      {label: 'Modalities', value: s => s.modalities.join(' ')},
      {label: 'Series', num: true, value: s => s.series},
      {label: 'Instances', num: true, value: s => s.instances});
    if (page.items.some(s => s.dose)) {
      columns.push(...doseColumns.map(c => ({...c, value: s => s.dose ? c.value(s) : fmt.none})));
    }
    const last = Math.min(offset + page.items.length, page.total);
    fill('count', page.total === 0 ? 'No study matches.' : `Studies ${offset + 1}–${last} of ${page.total}`);
    document.getElementById('prev').disabled = offset === 0;
    document.getElementById('next').disabled = last >= page.total;
    fill('studies', table(null, columns, page.items));
  }

  form.addEventListener('submit', e => { e.preventDefault(); offset = 0; load(); });
  document.getElementById('clear').addEventListener('click', () => { form.reset(); offset = 0; load(); });
  document.getElementById('prev').addEventListener('click', () => { offset = Math.max(0, offset - pageSize); load(); });
  document.getElementById('next').addEventListener('click', () => { offset += pageSize; load(); });
  await load();
});
