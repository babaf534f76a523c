'use strict';
Kerma.page(async () => {
  const {el, api, fmt, fill, table, message} = Kerma;
  const [devices, node] = await Promise.all([api('/api/devices'), api('/api/nodes')]);
  fill('devices', devices.devices.length === 0 ? message('No device has sent anything yet.') : table(null, [
    {label: 'Manufacturer', value: d => d.manufacturer || fmt.none},
    {label: 'Model', value: d => d.modelName || fmt.none},
    {label: 'Serial number', value: d => d.serialNumber || fmt.none},
    {label: 'Station', value: d => d.stationName || fmt.none},
    {label: 'Sent from AE', value: d => d.senderAes.join(', ') || fmt.none},
    {label: 'Series', num: true, value: d => d.series},
    {label: 'Instances', num: true, value: d => d.instances},
    {label: 'Last contact', value: d => fmt.millis(d.lastReceivedAt)},
    {label: 'Studies', value: d => el('a', {href: '/?device=' + encodeURIComponent(d.id)}, 'list')},
  ], devices.devices));
  fill('nodes', el('dl', {class: 'facts'},
    el('dt', {}, 'AE title'), el('dd', {}, node.aeTitle || fmt.none),
    el('dt', {}, 'DICOM port'), el('dd', {}, node.dicomPort || fmt.none),
    el('dt', {}, 'Callers accepted'), el('dd', {}, node.acceptAnyCaller ? 'any calling AE title' : 'only the trusted nodes')),
  node.trustedNodes.length === 0 ? message('No trusted node is configured.') : table(null, [
    {label: 'AE title', value: n => n.aeTitle}, {label: 'Host', value: n => n.host}, {label: 'Port', num: true, value: n => n.port},
  ], node.trustedNodes));
});
