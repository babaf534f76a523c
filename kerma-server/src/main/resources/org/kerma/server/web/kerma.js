'use strict';
/*
 * Kerma dashboard: what every page shares. Every value from the API is put into the page as text (textContent,
 * createTextNode), never as HTML, so names with markup in them are shown, not run.
 */
const Kerma = (() => {
  let mePromise = null;

  function signInUrl() {
    return '/signin.html?next=' + encodeURIComponent(location.pathname + location.search);
  }

  /** The signed-in user {name, role, seesPatientIdentifiers, csrfToken}; sends the browser to sign-in if none. */
  function me() {
    if (!mePromise) {
      mePromise = fetch('/api/auth/me', {headers: {Accept: 'application/json'}}).then(r => {
        if (r.status === 401) {
          location.href = signInUrl();
          throw new Error('not signed in');
        }
        return r.json();
      });
    }
    return mePromise;
  }

  /** An error from the API: its HTTP status and message. */
  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
    /** The route does not exist on this node (as opposed to a thing it does not hold). */
    get routeMissing() { return this.status === 404 && this.message.startsWith('no such resource'); }
  }

  /** Calls the API; JSON in and out; CSRF token on every change. */
  async function api(path, options = {}) {
    const method = options.method || 'GET';
    const headers = {Accept: 'application/json'};
    let body;
    if (method !== 'GET') {
      headers['X-CSRF-Token'] = (await me()).csrfToken;
    }
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const r = await fetch(path, {method, headers, body, credentials: 'same-origin'});
    if (r.status === 401) {
      location.href = signInUrl();
      throw new ApiError(401, 'not signed in');
    }
    if (r.status === 204) {
      return null;
    }
    const data = await r.json().catch(() => null);
    if (!r.ok) {
      throw new ApiError(r.status, data && data.message ? data.message : r.status + ' ' + r.statusText);
    }
    return data;
  }

  /** An element; attributes by name (on* are listeners); children are nodes or text (never parsed as HTML). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /** Replaces the children of the element with this id. */
  function fill(id, ...children) {
    const target = document.getElementById(id);
    target.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false)
      .map(c => c instanceof Node ? c : document.createTextNode(String(c))));
    return target;
  }

  function message(text, kind) {
    return el('p', {class: 'message' + (kind ? ' ' + kind : ''), role: kind === 'error' ? 'alert' : 'status'}, text);
  }

  /**
   * A table: columns are {label, value(row) -> text or node, num: right-aligned, wrap}; rowClass(row) optional.
   */
  function table(caption, columns, rows, rowClass) {
    return el('div', {class: 'table-wrap'}, el('table', {},
      caption ? el('caption', {}, caption) : null,
      el('thead', {}, el('tr', {}, columns.map(c => el('th', {scope: 'col', class: c.num ? 'num' : (c.wrap ? 'wrap' : null)}, c.label)))),
      el('tbody', {}, rows.map(r => el('tr', {class: rowClass ? rowClass(r) : null},
        columns.map(c => {
          const value = c.value(r);
          // a cut-off text keeps its whole value as a tooltip
          return el('td', {class: c.num ? 'num' : (c.wrap ? 'wrap' : null), title: typeof value === 'string' && value.length > 30 ? value : null}, value);
        }))))));
  }

  /** Display units: canonical values in, conventional text out; null is an em dash (never 0). */
  const fmt = {
    none: '\u2014',
    num(v, digits) {
      return v === null || v === undefined ? fmt.none : Number(v).toLocaleString('en-GB', {minimumFractionDigits: digits, maximumFractionDigits: digits});
    },
    /** DAP: Gy·m² to Gy·cm². */
    dap(gym2) { return gym2 === null || gym2 === undefined ? fmt.none : fmt.num(gym2 * 1e4, 2); },
    /** Air kerma: Gy to mGy. */
    kerma(gy) { return gy === null || gy === undefined ? fmt.none : fmt.num(gy * 1e3, 2); },
    mgy(v) { return fmt.num(v, 2); },
    dlp(v) { return fmt.num(v, 1); },
    /** Seconds to m:ss. */
    minSec(s) {
      if (s === null || s === undefined) return fmt.none;
      const total = Math.round(Number(s));
      return Math.floor(total / 60) + ':' + String(total % 60).padStart(2, '0');
    },
    /** Seconds to ms. */
    ms(s) { return s === null || s === undefined ? fmt.none : fmt.num(s * 1e3, 1); },
    /** m² to cm². */
    cm2(m2) { return m2 === null || m2 === undefined ? fmt.none : fmt.num(m2 * 1e4, 1); },
    /** YYYYMMDD to YYYY-MM-DD. */
    date(d) { return d && /^\d{8}$/.test(d) ? d.slice(0, 4) + '-' + d.slice(4, 6) + '-' + d.slice(6) : (d || fmt.none); },
    /** HHMMSS.F to HH:MM:SS. */
    time(t) { return t && /^\d{6}/.test(t) ? t.slice(0, 2) + ':' + t.slice(2, 4) + ':' + t.slice(4, 6) : (t || ''); },
    /** ISO local date-time to "YYYY-MM-DD HH:MM:SS". */
    dateTime(t) { return t ? String(t).replace('T', ' ').replace(/\.\d+$/, '') : fmt.none; },
    /** A coded concept: its meaning, with code and scheme as a tooltip. */
    code(c) { return c ? el('span', {title: c.code + ' (' + c.scheme + ')'}, c.meaning || c.code) : fmt.none; },
    /** An ISO instant ("2024-03-15T10:12:01.5Z") as "YYYY-MM-DD HH:MM:SS UTC". */
    instant(t) { return t ? fmt.millis(Date.parse(t)) : fmt.none; },
    millis(ms) { return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : fmt.none; },
  };

  /** The top bar: brand, links by role, who is signed in, sign-out. */
  function header(user) {
    const links = [['/', 'Studies'], ['/alerts.html', 'Alerts'], ['/analytics.html', 'Analytics'], ['/reference.html', 'Reference levels'],
      ['/patient.html', 'Patient dose', 'physicist'], ['/devices.html', 'Devices and nodes'], ['/standard.html', 'Standard'],
      ['/users.html', 'Users', 'admin']];
    const rank = {viewer: 0, physicist: 1, admin: 2};
    const here = location.pathname === '/index.html' ? '/' : location.pathname;
    const nav = el('nav', {'aria-label': 'Main'}, el('ul', {}, links
      .filter(l => !l[2] || rank[user.role] >= rank[l[2]])
      .map(l => el('li', {}, el('a', {href: l[0], 'aria-current': here === l[0] ? 'page' : null}, l[1])))));
    const signOut = el('button', {type: 'button', onclick: async () => {
      await api('/api/auth/signout', {method: 'POST'});
      location.href = '/signin.html';
    }}, 'Sign out');
    const who = el('span', {class: 'who'}, el('span', {id: 'who'}, user.name + ' (' + user.role + ')'), signOut);
    document.body.prepend(el('a', {class: 'skip', href: '#main'}, 'Skip to content'),
      el('header', {class: 'top'}, el('span', {class: 'brand'}, 'Kerma'), nav, who));
  }

  /** Runs a page: header first, then render(user); a failure is shown on the page. */
  function page(render) {
    document.addEventListener('DOMContentLoaded', async () => {
      let user;
      try {
        user = await me();
      } catch (e) {
        return;
      }
      header(user);
      try {
        await render(user);
      } catch (e) {
        document.getElementById('main').append(message(e.message, 'error'));
      }
    });
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  /** A line or bar chart (Chart.js from the WebJar), with an accessible label; the table beside it has the values. */
  function chart(canvasId, config, label) {
    const canvas = document.getElementById(canvasId);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    if (typeof Chart === 'undefined') {
      canvas.replaceWith(message('The chart library did not load; the table has the same values.', 'warn'));
      return null;
    }
    config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false}, config.options || {});
    return new Chart(canvas, config);
  }

  /**
   * A value in the canonical UCUM unit the API names (alerts, rules, reference levels) in display units: Gy.m2 as
   * Gy·cm², Gy as mGy, s as min:s, mGy and mGy.cm as they are. The unit is part of the text. For charts, axis
   * names the unit of value × factor (seconds as minutes).
   */
  const displayUnits = {
    'Gy.m2': {unit: 'Gy·cm²', text: v => fmt.dap(v), axis: 'Gy·cm²', factor: 1e4},
    'Gy': {unit: 'mGy', text: v => fmt.kerma(v), axis: 'mGy', factor: 1e3},
    's': {unit: 'min:s', text: v => fmt.minSec(v), axis: 'min', factor: 1 / 60},
    'mGy': {unit: 'mGy', text: v => fmt.mgy(v), axis: 'mGy', factor: 1},
    'mGy.cm': {unit: 'mGy·cm', text: v => fmt.dlp(v), axis: 'mGy·cm', factor: 1},
  };
  function quantity(value, unit) {
    if (value === null || value === undefined) return fmt.none;
    const d = displayUnits[unit];
    return d ? d.text(value) + ' ' + d.unit : fmt.num(value, 3) + ' ' + unit;
  }

  return {api, me, el, fill, message, table, fmt, page, param, chart, quantity, displayUnits, ApiError};
})();
