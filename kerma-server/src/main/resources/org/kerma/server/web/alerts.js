'use strict';
/* The alert inbox: GET /api/alerts filtered by state; physicists and admins acknowledge with a comment. */
Kerma.page(async user => {
  const {el, api, fmt, fill, table, message} = Kerma;
  const mayAcknowledge = user.role === 'physicist' || user.role === 'admin';
  const stateField = document.getElementById('state');
  const initial = Kerma.param('state');
  stateField.value = initial === null ? 'OPEN' : initial.toUpperCase();
  document.getElementById('filter').addEventListener('submit', e => {
    e.preventDefault();
    history.replaceState(null, '', '?state=' + encodeURIComponent(stateField.value));
    load();
  });
  await load();

  async function load() {
    const state = stateField.value;
    const a = await api('/api/alerts?limit=500' + (state ? '&state=' + encodeURIComponent(state) : ''));
    fill('count', a.total + ' ' + (state ? state.toLowerCase() + ' ' : '') + (a.total === 1 ? 'alert' : 'alerts')
      + (a.total > a.alerts.length ? ', newest ' + a.alerts.length + ' shown' : ''));
    fill('alerts', a.alerts.length === 0 ? message('No alert.') : table(null, [
      {label: 'Study date', value: x => fmt.date(x.studyDate)},
      {label: 'Study', value: x => el('a', {href: '/study.html?uid=' + encodeURIComponent(x.studyInstanceUid)}, x.studyInstanceUid)},
      {label: 'Rule', value: x => x.rule},
      {label: 'Value', num: true, value: x => Kerma.quantity(x.value, x.unit)},
      {label: 'Threshold', num: true, value: x => Kerma.quantity(x.threshold, x.unit)},
      {label: 'Window', value: x => x.windowDays > 0 ? x.windowDays + ' days' : 'study'},
      {label: 'Raised at', value: x => fmt.instant(x.raisedAt)},
      {label: 'State', value: x => x.state === 'OPEN' ? el('span', {class: 'badge warn'}, 'open') : 'acknowledged'},
      {label: 'Acknowledged', wrap: true, value: x => x.state === 'OPEN' ? (mayAcknowledge ? acknowledgeForm(x) : fmt.none)
        : (x.acknowledgedBy || '') + ', ' + fmt.instant(x.acknowledgedAt) + (x.comment ? ': ' + x.comment : '')},
    ], a.alerts));
  }

  /** A comment field and a button; POST /api/alerts/{id}/acknowledge (with the CSRF token, see Kerma.api). */
  function acknowledgeForm(alert) {
    const id = 'comment-' + alert.id;
    const comment = el('input', {id, type: 'text', required: true, size: 18});
    const status = el('span', {role: 'status'});
    return el('form', {class: 'acknowledge', 'data-alert': alert.id, onsubmit: async e => {
      e.preventDefault();
      try {
        await api('/api/alerts/' + alert.id + '/acknowledge', {method: 'POST', body: {comment: comment.value}});
        await load();
      } catch (err) {
        status.replaceChildren(message(err.message, 'error'));
      }
    }}, el('label', {for: id, class: 'visually-hidden'}, 'Comment on alert ' + alert.id), comment, ' ',
    el('button', {type: 'submit'}, 'Acknowledge'), status);
  }
});
