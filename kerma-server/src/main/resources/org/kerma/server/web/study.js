'use strict';
/* Fluoroscopy as an Irradiation Event Type (CID 10002): SNOMED CT 44491008, SRT P5-06000. Compared by code. */
const FLUORO_CODES = new Set(['44491008', 'P5-06000']);

Kerma.page(async user => {
  const {el, api, fmt, fill, table, message} = Kerma;
  const uid = Kerma.param('uid');
  if (!uid) {
    fill('header', message('No study given (study.html?uid=...).', 'error'));
    return;
  }
  let study;
  try {
    study = await api('/api/studies/' + encodeURIComponent(uid));
  } catch (e) {
    fill('header', message(e.message, 'error'));
    return;
  }
  document.title = 'Study ' + fmt.date(study.studyDate) + ' · Kerma';
  fill('title', 'Study ' + fmt.date(study.studyDate) + (study.studyDescription ? ' — ' + study.studyDescription : ''));
  const facts = [
    ['Study date', fmt.date(study.studyDate) + ' ' + fmt.time(study.studyTime)],
    ['Accession number', study.accessionNumber || fmt.none],
    ['Study ID', study.studyId || fmt.none],
    ['Modalities', study.modalities.join(' ')],
    ['Series / instances', study.series + ' / ' + study.instances],
    ['Study Instance UID', study.studyInstanceUid],
  ];
  if (user.seesPatientIdentifiers) {
    facts.unshift(['Patient', el('span', {id: 'patient-name'}, study.patientName || fmt.none)],
      ['Patient ID', study.patientId ? el('a', {href: '/patient.html?id=' + encodeURIComponent(study.patientId)}, study.patientId) : fmt.none]);
  }
  fill('header', el('dl', {class: 'facts'}, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));

  await Promise.all([series(), dose(), findings(), studyAlerts(), referenceLevels()]);

  /** The study's alerts from /api/alerts?study=UID (any state). */
  async function studyAlerts() {
    let a;
    try {
      a = await api('/api/alerts?study=' + encodeURIComponent(uid));
    } catch (e) {
      fill('study-alerts', message(e.routeMissing ? 'This node does not serve alerts yet.' : e.message, 'warn'));
      return;
    }
    fill('study-alerts', a.alerts.length === 0 ? message('No alert for this study.') : table('Alerts', [
      {label: 'Rule', value: x => x.rule},
      {label: 'Value', num: true, value: x => Kerma.quantity(x.value, x.unit)},
      {label: 'Threshold', num: true, value: x => Kerma.quantity(x.threshold, x.unit)},
      {label: 'Window', value: x => x.windowDays > 0 ? x.windowDays + ' days' : 'study'},
      {label: 'Raised at', value: x => fmt.instant(x.raisedAt)},
      {label: 'State', wrap: true, value: x => x.state === 'OPEN' ? el('a', {href: '/alerts.html?state=OPEN'}, 'open')
        : 'acknowledged by ' + x.acknowledgedBy + ', ' + fmt.instant(x.acknowledgedAt) + (x.comment ? ': ' + x.comment : '')},
    ], a.alerts));
  }

  /** The comparison with the reference levels valid at the study date, from /api/studies/{uid}/reference-levels. */
  async function referenceLevels() {
    let r;
    try {
      r = await api('/api/studies/' + encodeURIComponent(uid) + '/reference-levels');
    } catch (e) {
      fill('reference-levels', message(e.routeMissing ? 'This node does not serve reference levels yet.' : e.message, 'warn'));
      return;
    }
    fill('reference-levels', r.comparisons.length === 0 ? message('No reference level applies to this study.') : table('Reference levels', [
      {label: 'Pack', wrap: true, value: c => c.jurisdiction + ' ' + c.pack + ' ' + c.version},
      {label: 'Exam', value: c => c.exam},
      {label: 'Quantity', value: c => c.quantity},
      {label: 'Level', num: true, value: c => Kerma.quantity(c.level, c.unit)},
      {label: 'Value', num: true, value: c => Kerma.quantity(c.value, c.unit)},
      {label: 'Ratio', num: true, value: c => fmt.num(c.ratio, 2)},
      {label: 'Exceeded', value: c => c.exceeded ? el('span', {class: 'badge warn'}, 'exceeded') : 'no'},
    ], r.comparisons, c => c.exceeded ? 'exceeded' : null));
  }

  /** Every finding recorded against the study's objects (IOD validation, extraction), from /api/studies/{uid}/findings. */
  async function findings() {
    let f;
    try {
      f = await api('/api/studies/' + encodeURIComponent(uid) + '/findings');
    } catch (e) {
      fill('findings', message(e.routeMissing ? 'This node does not serve findings yet.' : e.message, 'warn'));
      return;
    }
    const rows = f.instances.flatMap(i => i.findings.map(x => ({...x, sopInstanceUid: i.sopInstanceUid, modality: i.modality})));
    fill('findings', rows.length === 0 ? message('No finding: every object read and validated without remark.') : table(null, [
      {label: 'Severity', value: x => x.severity},
      {label: 'Source', value: x => x.source},
      {label: 'Object', value: x => el('a', {href: '/image.html?uid=' + encodeURIComponent(x.sopInstanceUid)}, (x.modality || '') + ' ' + shortUid(x.sopInstanceUid))},
      {label: 'Module', value: x => x.module || ''},
      {label: 'Where', value: x => x.location || ''},
      {label: 'Message', wrap: true, value: x => x.message},
    ], rows));
  }

  async function series() {
    const s = await api('/api/studies/' + encodeURIComponent(uid) + '/series');
    const blocks = [];
    for (const se of s.series) {
      const list = await api('/api/studies/' + encodeURIComponent(uid) + '/series/' + encodeURIComponent(se.seriesInstanceUid) + '/instances');
      blocks.push(el('details', {open: s.series.length <= 3},
        el('summary', {}, `Series ${se.seriesNumber || '?'} · ${se.modality || '?'} · ${se.seriesDescription || ''} (${se.instances} instances)`),
        table(null, [
          {label: 'Instance', value: i => el('a', {href: '/image.html?uid=' + encodeURIComponent(i.sopInstanceUid)}, i.instanceNumber || i.sopInstanceUid)},
          {label: 'Kind', value: i => i.objectClass},
          {label: 'SOP Instance UID', value: i => i.sopInstanceUid},
          {label: 'Received from', value: i => i.senderAe || ''},
        ], list.instances)));
    }
    fill('series', blocks);
  }

  async function dose() {
    let d;
    try {
      d = await api('/api/studies/' + encodeURIComponent(uid) + '/dose');
    } catch (e) {
      const text = e.routeMissing ? 'This node does not serve dose data yet (no /api/studies/{uid}/dose).' : e.message;
      fill('dose-summary', message(text, 'warn'));
      fill('events', message('No irradiation events to show.', 'warn'));
      fill('reports', '');
      return;
    }
    const s = d.summary || {};
    const card = (label, value, id) => el('div', {class: 'card'}, el('div', {class: 'value', id}, value), el('div', {class: 'label'}, label));
    fill('dose-summary', el('div', {class: 'cards'},
      card('DAP (Gy·cm²)', fmt.dap(s.dapGym2), 'sum-dap'),
      card('RP air kerma (mGy)', fmt.kerma(s.rpAirKermaGy), 'sum-kerma'),
      card('Fluoro time (min:s)', fmt.minSec(s.fluoroTimeS), 'sum-fluoro'),
      card('DLP (mGy·cm)', fmt.dlp(s.dlpMGyCm), 'sum-dlp'),
      card('CTDIvol max (mGy)', fmt.mgy(s.ctdiVolMaxMGy), 'sum-ctdi'),
      card('Irradiation events', s.eventCount === null || s.eventCount === undefined ? fmt.none : s.eventCount, 'sum-events')));
    fill('accumulated', d.accumulated.length === 0 ? message('No accumulated dose recorded.') : table('Accumulated per plane', [
      {label: 'Plane', value: a => a.plane ? fmt.code(a.plane) : 'all'},
      {label: 'DAP (Gy·cm²)', num: true, value: a => fmt.dap(a.dapGym2)},
      {label: 'RP air kerma (mGy)', num: true, value: a => fmt.kerma(a.rpAirKermaGy)},
      {label: 'Fluoro DAP (Gy·cm²)', num: true, value: a => fmt.dap(a.fluoroDapGym2)},
      {label: 'Fluoro RP air kerma (mGy)', num: true, value: a => fmt.kerma(a.fluoroRpAirKermaGy)},
      {label: 'Fluoro time (min:s)', num: true, value: a => fmt.minSec(a.fluoroTimeS)},
      {label: 'Acquisition DAP (Gy·cm²)', num: true, value: a => fmt.dap(a.acquisitionDapGym2)},
      {label: 'Acquisition RP air kerma (mGy)', num: true, value: a => fmt.kerma(a.acquisitionRpAirKermaGy)},
      {label: 'Acquisition time (s)', num: true, value: a => fmt.num(a.acquisitionTimeS, 1)},
      {label: 'DLP total (mGy·cm)', num: true, value: a => fmt.dlp(a.dlpTotalMGyCm)},
      {label: 'Events', num: true, value: a => a.eventCount ?? fmt.none},
      {label: 'Source', value: a => a.source === 'IMAGES' ? 'summed from images' : 'dose report'},
    ], d.accumulated));
    events(d);
    reports(d);
    timeline(d);
  }

  function events(d) {
    if (d.events.length === 0) {
      fill('events', message('No irradiation event is recorded for this study.'));
      return;
    }
    const ct = d.events.some(e => e.ctdiVolMGy !== null || e.dlpMGyCm !== null);
    const columns = [
      {label: '#', num: true, value: e => d.events.indexOf(e) + 1},
      {label: 'Type', value: e => fmt.code(e.type)},
      {label: 'Time', value: e => fmt.dateTime(e.startedAt)},
      {label: 'Plane', value: e => e.plane ? fmt.code(e.plane) : fmt.none},
      {label: 'Protocol', wrap: true, value: e => e.protocol || fmt.none},
      {label: 'kVp (kV)', num: true, value: e => fmt.num(e.kvpKv, 0)},
      {label: 'Tube current (mA)', num: true, value: e => fmt.num(e.tubeCurrentMa, 1)},
      {label: 'Exposure time (ms)', num: true, value: e => fmt.ms(e.exposureTimeS)},
      {label: 'Pulses', num: true, value: e => fmt.num(e.pulses, 0)},
      {label: 'DAP (Gy·cm²)', num: true, value: e => fmt.dap(e.dapGym2)},
      {label: 'RP air kerma (mGy)', num: true, value: e => fmt.kerma(e.rpAirKermaGy)},
      {label: 'Primary angle (°)', num: true, value: e => fmt.num(e.primaryAngleDeg, 1)},
      {label: 'Secondary angle (°)', num: true, value: e => fmt.num(e.secondaryAngleDeg, 1)},
      {label: 'SID (mm)', num: true, value: e => fmt.num(e.sidMm, 0)},
      {label: 'Field area (cm²)', num: true, value: e => fmt.cm2(e.collimatedFieldAreaM2)},
    ];
    if (ct) {
      columns.push({label: 'CTDIvol (mGy)', num: true, value: e => fmt.mgy(e.ctdiVolMGy)},
        {label: 'DLP (mGy·cm)', num: true, value: e => fmt.dlp(e.dlpMGyCm)});
    }
    columns.push({label: 'Images (link method)', wrap: true, value: e => e.images.length === 0
      ? el('span', {class: 'badge warn'}, 'no stored image')
      : e.images.map(i => el('span', {}, el('a', {href: '/image.html?uid=' + encodeURIComponent(i.sopInstanceUid)}, shortUid(i.sopInstanceUid)),
        ' ', el('span', {class: 'badge', title: method(i)}, i.method), ' '))});
    const without = new Set(d.eventsWithoutImages || []);
    fill('events',
      without.size ? message(without.size + ' of ' + d.events.length + ' events have no stored image (marked).', 'warn') : null,
      table(null, columns, d.events, e => without.has(e.eventUid) || e.images.length === 0 ? 'no-image' : null),
      (d.imagesWithoutEvent || []).length ? message((d.imagesWithoutEvent.length) + ' images are not linked to any event.', 'warn') : null);
  }

  function method(i) {
    const how = {EVENT_UID: 'the image names the event UID', SR_REFERENCE: 'the dose report references the image',
      TIME_WINDOW: 'acquired within ' + fmt.num(i.timeDifferenceS, 2) + ' s of the event'};
    return how[i.method] || i.method;
  }

  function shortUid(u) {
    return u.length > 18 ? '…' + u.slice(-16) : u;
  }

  function reports(d) {
    const parts = [];
    if (d.reports.length) {
      parts.push(table('Dose reports', [
        {label: 'SOP Instance UID', value: r => r.sopInstanceUid},
        {label: 'Template', value: r => 'TID ' + r.template},
        {label: 'Status', value: r => r.status === 'REPLACED' ? 'replaced by ' + r.replacedBy : 'standing'},
        {label: 'Device', wrap: true, value: r => [r.manufacturer, r.model].filter(Boolean).join(' ') || fmt.none},
      ], d.reports));
    }
    if ((d.findings || []).length) {
      parts.push(table('Findings', [
        {label: 'Severity', value: f => f.severity},
        {label: 'Source', value: f => f.source},
        {label: 'Where', value: f => f.path || ''},
        {label: 'Message', wrap: true, value: f => f.message},
      ], d.findings));
    }
    fill('reports', parts.length ? parts : message('No dose report and no finding.'));
  }

  function timeline(d) {
    const points = d.events.filter(e => e.startedAt);
    if (points.length === 0) return;
    document.getElementById('timeline-section').hidden = false;
    const ct = points.every(e => e.dapGym2 === null && e.dlpMGyCm !== null);
    const value = e => ct ? e.dlpMGyCm : (e.dapGym2 === null ? null : e.dapGym2 * 1e4);
    const unit = ct ? 'DLP (mGy·cm)' : 'DAP (Gy·cm²)';
    const isFluoro = e => e.type && FLUORO_CODES.has(e.type.code);
    Kerma.chart('timeline', {
      type: 'bar',
      data: {
        labels: points.map(e => fmt.dateTime(e.startedAt).slice(11)),
        datasets: [
          {label: 'Fluoroscopy', data: points.map(e => isFluoro(e) ? value(e) : null), backgroundColor: '#e69f00'},
          {label: ct ? 'CT acquisition' : 'Acquisition', data: points.map(e => isFluoro(e) ? null : value(e)), backgroundColor: '#0b3d91'},
        ],
      },
      options: {scales: {x: {stacked: true, title: {display: true, text: 'event start (time of day)'}},
        y: {stacked: true, title: {display: true, text: unit}}}},
    }, unit + ' per irradiation event over time, fluoroscopy and acquisition');
  }
});
