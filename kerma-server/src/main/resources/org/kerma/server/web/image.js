'use strict';
Kerma.page(async user => {
  const {el, api, fmt, fill, table, message} = Kerma;
  const uid = Kerma.param('uid');
  let instance;
  try {
    instance = await api('/api/instances/' + encodeURIComponent(uid || ''));
  } catch (e) {
    fill('answer', message(e.message, 'error'));
    return;
  }
  fill('back', el('a', {href: '/study.html?uid=' + encodeURIComponent(instance.studyInstanceUid)}, '← back to the study'));
  fill('instance', el('dl', {class: 'facts'}, [
    ['SOP Instance UID', instance.sopInstanceUid], ['Kind', instance.objectClass], ['Instance number', instance.instanceNumber || fmt.none],
    ['Series', instance.seriesInstanceUid], ['Received from', instance.senderAe || fmt.none], ['Received at', fmt.millis(instance.receivedAt)],
    ['File size (bytes)', fmt.num(instance.fileSize, 0)],
  ].map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    user.seesPatientIdentifiers ? el('p', {}, el('a', {href: '/api/instances/' + encodeURIComponent(uid) + '/file'}, 'Download the DICOM file')) : null);

  let d;
  try {
    d = await api('/api/instances/' + encodeURIComponent(uid) + '/dose');
  } catch (e) {
    fill('answer', message(e.routeMissing ? 'This node does not serve dose data yet (no /api/instances/{uid}/dose).' : e.message, 'warn'));
    return;
  }
  const t = d.technique;
  const events = d.events || [];
  fill('answer', el('p', {class: 'message', id: 'this-image'}, sentence(t, events)));
  if (t) {
    fill('technique', el('dl', {class: 'facts'}, [
      ['Acquired at', fmt.dateTime(t.acquiredAt)], ['Protocol', t.protocolName || fmt.none], ['Body part', t.bodyPart || fmt.none],
      ['kVp (kV)', fmt.num(t.kvpKv, 0)], ['Tube current (mA)', fmt.num(t.tubeCurrentMa, 1)], ['Exposure time (ms)', fmt.ms(t.exposureTimeS)],
      ['Exposure (mAs)', fmt.num(t.exposureMas, 2)], ['DAP (Gy·cm²)', fmt.dap(t.dapGym2)], ['Entrance dose (mGy)', fmt.mgy(t.entranceDoseMGy)],
      ['Exposure index', fmt.num(t.exposureIndex, 0)], ['Primary / secondary angle (°)', fmt.num(t.primaryAngleDeg, 1) + ' / ' + fmt.num(t.secondaryAngleDeg, 1)],
      ['SID (mm)', fmt.num(t.sidMm, 0)], ['Frames', t.numberOfFrames ?? fmt.none], ['CTDIvol (mGy)', fmt.mgy(t.ctdiVolMGy)],
      ['Irradiation Event UID', t.irradiationEventUid || fmt.none],
    ].map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  } else {
    fill('technique', message('No image technique (a dose report lists its events below).'));
  }
  fill('events', events.length === 0 ? message('No irradiation event is linked to this image.', 'warn') : table(null, [
    {label: 'Type', value: e => fmt.code(e.type)},
    {label: 'Time', value: e => fmt.dateTime(e.startedAt)},
    {label: 'Protocol', wrap: true, value: e => e.protocol || fmt.none},
    {label: 'kVp (kV)', num: true, value: e => fmt.num(e.kvpKv, 0)},
    {label: 'Tube current (mA)', num: true, value: e => fmt.num(e.tubeCurrentMa, 1)},
    {label: 'Pulses', num: true, value: e => fmt.num(e.pulses, 0)},
    {label: 'DAP (Gy·cm²)', num: true, value: e => fmt.dap(e.dapGym2)},
    {label: 'RP air kerma (mGy)', num: true, value: e => fmt.kerma(e.rpAirKermaGy)},
    {label: 'CTDIvol (mGy)', num: true, value: e => fmt.mgy(e.ctdiVolMGy)},
    {label: 'DLP (mGy·cm)', num: true, value: e => fmt.dlp(e.dlpMGyCm)},
    {label: 'Linked by', value: e => e.method ? e.method + (e.timeDifferenceS !== null && e.timeDifferenceS !== undefined ? ' (' + fmt.num(e.timeDifferenceS, 2) + ' s)' : '') : fmt.none},
    {label: 'Event UID', value: e => e.eventUid},
  ], events));

  /** "This image: event of 10:22:31, Stationary Acquisition, 80 kV, 12.5 mA, DAP 1.50 Gy·cm², RP air kerma 0.15 mGy". */
  function sentence(t, events) {
    const e = events[0];
    if (!e) {
      return 'This image is not linked to an irradiation event.';
    }
    const parts = ['event of ' + fmt.dateTime(e.startedAt)];
    if (e.type) parts.push(e.type.meaning || e.type.code);
    if (e.kvpKv !== null && e.kvpKv !== undefined) parts.push(fmt.num(e.kvpKv, 0) + ' kV');
    if (e.tubeCurrentMa !== null && e.tubeCurrentMa !== undefined) parts.push(fmt.num(e.tubeCurrentMa, 1) + ' mA');
    if (e.dapGym2 !== null && e.dapGym2 !== undefined) parts.push('DAP ' + fmt.dap(e.dapGym2) + ' Gy·cm²');
    if (e.rpAirKermaGy !== null && e.rpAirKermaGy !== undefined) parts.push('RP air kerma ' + fmt.kerma(e.rpAirKermaGy) + ' mGy');
    if (e.ctdiVolMGy !== null && e.ctdiVolMGy !== undefined) parts.push('CTDIvol ' + fmt.mgy(e.ctdiVolMGy) + ' mGy');
    if (e.dlpMGyCm !== null && e.dlpMGyCm !== undefined) parts.push('DLP ' + fmt.dlp(e.dlpMGyCm) + ' mGy·cm');
    return (events.length > 1 ? 'This dose report: ' + events.length + ' events; the first: ' : 'This image: ') + parts.join(', ') + '.';
  }
});
