/*
 * What every console page shares: calls to the operator API, the header and its navigation,
 * what viewers do not see, and small helpers to build elements and plots. No framework: the
 * pages are plain HTML that a Spring engineer reads without a build step.
 */
const FS = (() => {
  const PAGES = [
    ['index.html', 'Overview'], ['runs.html', 'Runs'], ['records.html', 'Records'], ['matching.html', 'Matching'],
    ['connection.html', 'Connection'], ['settings.html', 'Settings'], ['reports.html', 'Reports'],
    ['notifications.html', 'Notifications']];

  /** An API answer other than 2xx: the API's own words, and the field it names (settings). */
  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.error) || ('HTTP ' + status));
      this.status = status;
      this.body = body || {};
      this.field = this.body.field;
    }
  }

  /**
   * Calls the operator API with the session. Changes carry X-Requested-By, which a page of
   * another site cannot send (see CrossSiteRequests); an ended session goes to the login page.
   */
  async function api(path, options = {}) {
    const headers = { 'Accept': options.accept || 'application/json', 'X-Requested-By': 'fieldsync' };
    let body = options.body;
    if (body !== undefined && typeof body !== 'string') {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    const answer = await fetch(path, { method: options.method || 'GET', headers, body, credentials: 'same-origin' });
    if (answer.status === 401) {
      location.href = 'login.html?next=' + encodeURIComponent(location.pathname + location.search);
      throw new ApiError(401, { error: 'Logged out' });
    }
    const text = await answer.text();
    const type = answer.headers.get('Content-Type') || '';
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    if (!answer.ok) {
      throw new ApiError(answer.status, typeof parsed === 'object' ? parsed : { error: text || answer.statusText });
    }
    return options.withHeaders ? { body: parsed, headers: answer.headers } : parsed;
  }

  let who = null;

  /** The header, the navigation and the user; hides [data-operator] from viewers. Resolves to the user. */
  async function page() {
    who = await api('/api/me');
    const here = location.pathname.split('/').pop() || 'index.html';
    const header = el('header', { class: 'top' },
      el('span', { class: 'brand' }, 'FieldSync'),
      el('nav', {}, ...PAGES.map(([href, label]) =>
        el('a', { href, class: href === here ? 'here' : '' }, label))),
      el('span', { class: 'who' }, who.name + ' (' + (who.operator ? 'operator' : 'viewer') + ')',
        el('button', { class: 'secondary', id: 'logout', onclick: logout }, 'Log out')));
    document.body.prepend(header);
    if (!who.operator) {
      document.body.classList.add('viewer');
      document.querySelectorAll('[data-operator]').forEach(e => e.remove());
    }
    return who;
  }

  async function logout() {
    await fetch('/logout', { method: 'POST', headers: { 'X-Requested-By': 'fieldsync' }, credentials: 'same-origin' });
    location.href = 'login.html';
  }

  /** el('a', {href: 'x'}, 'text', child...): attributes starting with "on" are listeners. */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
      else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false) {
        element.append(child instanceof Node ? child : String(child));
      }
    }
    return element;
  }

  /** Replaces what #id holds. */
  function fill(id, ...children) {
    const target = document.getElementById(id);
    target.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null));
    return target;
  }

  /** A notice under the page title that says what happened; errors in the API's words. */
  function notice(message, kind = 'ok') {
    const box = document.getElementById('notice') || document.querySelector('main').prepend(el('div', { id: 'notice' })) || document.getElementById('notice');
    box.replaceChildren(el('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, message));
  }

  /** An instant as the browser's local date and time, year first (no locale reads 08/12 as 12 August). */
  function when(instant) {
    if (!instant) return '';
    const d = new Date(instant);
    const two = n => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  }

  function status(text) {
    return el('span', { class: 'status ' + text }, text);
  }

  /** Clears svg to a width × height view and answers add(tag, attributes, text), which draws into it. */
  function drawOn(svg, width, height) {
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.replaceChildren();
    return (tag, attrs, text) => {
      const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
      Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
      if (text !== undefined) node.textContent = text;
      svg.append(node);
      return node;
    };
  }

  /**
   * Stacked bars, one per label: series is [{name, cssClass, values[]}]; labels under every
   * few bars. Drawn as SVG so the console needs no chart library.
   */
  function bars(svg, labels, series) {
    const width = 800, height = 170, bottom = 20, left = 30;
    const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
    const most = Math.max(1, ...totals);
    const step = (width - left) / Math.max(1, labels.length);
    const add = drawOn(svg, width, height);
    const ns = 'http://www.w3.org/2000/svg';
    add('text', { x: 0, y: 10 }, String(most));
    labels.forEach((label, i) => {
      let y = height - bottom;
      for (const s of series) {
        const value = s.values[i] || 0;
        const h = value / most * (height - bottom - 15);
        if (h > 0) {
          const bar = add('rect', { x: left + i * step + 1, y: y - h, width: Math.max(1, step - 2), height: h, class: s.cssClass });
          const title = document.createElementNS(ns, 'title');
          title.textContent = `${label}: ${value} ${s.name}`;
          bar.append(title);
        }
        y -= h;
      }
      if (labels.length <= 12 || i % Math.ceil(labels.length / 10) === 0) {
        add('text', { x: left + i * step, y: height - 5 }, label);
      }
    });
  }

  /**
   * A page of a list the API pages (records): the body and the paging headers, as
   * {items, total, page, pages}; X-Total-Count and X-Page-Count say how much is beyond this page.
   */
  async function apiPage(path) {
    const { body, headers } = await api(path, { withHeaders: true });
    const number = name => headers.get(name) === null ? null : Number(headers.get(name));
    return { items: body, total: number('X-Total-Count'), page: number('X-Page'), pages: number('X-Page-Count') };
  }

  /**
   * Asks before a change that cannot be taken back or touches many records: a modal dialog with
   * the question in words, and optionally a text to type (a reason). Resolves to true, the text,
   * or null when the person cancels.
   */
  function ask({ title, text, ok = 'OK', danger = false, input = null }) {
    return new Promise(resolve => {
      const field = input ? el('textarea', { id: 'ask-input', rows: 3, placeholder: input, required: true }) : null;
      const dialog = el('dialog', { class: 'ask', id: 'ask' },
        el('h2', {}, title), el('p', {}, text), field,
        el('div', { class: 'ask-buttons' },
          el('button', { class: 'secondary', id: 'ask-cancel', type: 'button', onclick: () => close(null) }, 'Cancel'),
          el('button', { class: danger ? 'danger' : '', id: 'ask-ok', type: 'button', onclick: () => {
            if (field && !field.value.trim()) {
              field.classList.add('invalid');
              field.focus();
              return;
            }
            close(field ? field.value.trim() : true);
          } }, ok)));
      const close = value => {
        dialog.close();
        dialog.remove();
        resolve(value);
      };
      dialog.addEventListener('cancel', () => close(null));
      document.body.append(dialog);
      dialog.showModal();
      (field || dialog.querySelector('#ask-ok')).focus();
    });
  }

  /** A duration in seconds as a person says it: 45 s, 3 min 20 s, 1 h 5 min. */
  function duration(seconds) {
    if (seconds === null || seconds === undefined || isNaN(seconds)) return '';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return s + ' s';
    if (s < 3600) return (Math.floor(s / 60) + ' min ' + (s % 60 ? (s % 60) + ' s' : '')).trim();
    return Math.floor(s / 3600) + ' h ' + Math.round((s % 3600) / 60) + ' min';
  }

  return { api, apiPage, ask, duration, page, el, fill, notice, when, status, bars, drawOn, ApiError, get who() { return who; } };
})();
