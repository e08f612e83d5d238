// Settings: every setting of GET /api/settings as a form, drawn from the declarations
// (GET /api/settings/descriptions); changed fields go back as one partial tree (PUT /api/settings).
// A refusal names its field: the error is shown there and nothing is changed. Also the schedule,
// the maintenance windows and the change log.
const { api, el, fill, notice, when } = FS;

const GROUPS = {
  invoices: ['Invoices', 'How field-service invoices become Xero invoices.'],
  entities: ['What syncs, and which way', 'Per record type: push to Xero, pull from Xero, both or off; and whose version wins where both changed.'],
  contacts: ['Customers and contacts', ''],
  items: ['Materials and items', ''],
  payments: ['Payments', 'Bank account for payments sent to Xero, card fees and surcharges.'],
  'tax-types': ['Tax types: sales', 'The Xero tax type of each field-service tax code on sales lines.'],
  'purchase-tax-types': ['Tax types: purchases', 'The Xero tax type of each field-service tax code on purchase orders and bills.'],
  schedule: ['Automatic sync', 'Start and interval, or a cron expression; the zone also applies to the maintenance windows.'],
  alerts: ['Alerts and reports', 'Who is told when records fail, and how mail is sent.'],
  attachments: ['Attachments', ''],
  sync: ['Sync runs', ''],
};
const HINTS = {
  duration: 'ISO-8601 duration: PT15M, PT6H, P1D',
  'local-date-time': 'ISO local date-time: 2026-12-01T06:00',
  'time-zone': 'a time zone: Australia/Sydney',
  'quartz-cron': 'Quartz cron: 0 0/30 7-18 ? * MON-FRI',
  'email-list': 'addresses, comma-separated',
  'file-types': 'extensions, comma-separated: pdf,png,jpg',
};

let descriptions = {};
let original = {};   // setting -> value as shown (string or boolean)
let operator = false;

function words(name) {
  const text = name.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The leaves of the tree as setting -> value, lists left out (the windows have their own editor). */
function leaves(tree, path = '', into = {}) {
  for (const [name, value] of Object.entries(tree)) {
    const setting = path ? path + '.' + name : name;
    if (Array.isArray(value)) continue;
    if (value !== null && typeof value === 'object') leaves(value, setting, into);
    else into[setting] = value;
  }
  return into;
}

function describe(setting) {
  // without declarations (an older API) every field is offered and the API says what it refuses
  return descriptions[setting] || { type: typeof original[setting] === 'boolean' ? 'boolean' : 'text', changeable: !Object.keys(descriptions).length };
}

function input(setting) {
  const d = describe(setting);
  const value = original[setting];
  const common = { id: 'setting-' + setting, name: setting, 'data-setting': setting, disabled: !d.changeable || !operator,
    'aria-describedby': 'error-' + setting, oninput: changed, onchange: changed };
  if (d.type === 'boolean') {
    return el('input', { ...common, type: 'checkbox', checked: value === true || value === 'true' });
  }
  if (d.values) {
    const choices = d.values.includes(String(value)) || value === '' ? d.values : [String(value), ...d.values];
    return el('select', common, ...choices.map(v => el('option', { value: v, selected: String(value).toLowerCase() === v.toLowerCase() }, v)));
  }
  return el('input', { ...common, type: 'text', value: value === undefined || value === null ? '' : String(value),
    placeholder: HINTS[d.type] || HINTS[d.format] || '', class: d.type === 'integer' ? 'narrow' : '' });
}

function current(field) {
  return field.type === 'checkbox' ? field.checked : field.value;
}

function field(setting, label) {
  const d = describe(setting);
  const hint = [HINTS[d.type] || HINTS[d.format], d.min !== undefined && d.max !== undefined ? `${d.min} to ${d.max}` : null,
    d.changeable ? null : 'read at start'].filter(Boolean).join(' · ');
  return el('div', { class: 'setting' + (d.type === 'boolean' ? ' check' : '') },
    el('label', { for: 'setting-' + setting }, label || words(setting.split('.').pop())),
    input(setting),
    hint ? el('div', { class: 'hint muted' }, hint) : null,
    el('div', { class: 'field-error', id: 'error-' + setting, role: 'alert' }));
}

/** entities.<entity>.direction/master as one table. */
function entityTable(settings) {
  const entities = [...new Set(settings.map(s => s.split('.')[1]))];
  return el('table', { class: 'compact' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Record type'), el('th', {}, 'Direction'), el('th', {}, 'Master'))),
    el('tbody', {}, entities.map(entity => el('tr', {},
      el('td', {}, words(entity)),
      ...['direction', 'master'].map(rule => {
        const setting = `entities.${entity}.${rule}`;
        return el('td', {}, original[setting] === undefined ? '' : [input(setting),
          el('div', { class: 'field-error', id: 'error-' + setting, role: 'alert' })]);
      })))));
}

function taxRow(setting) {
  return el('tr', {}, el('td', {}, el('code', {}, setting.split('.').pop())),
    el('td', {}, input(setting), el('div', { class: 'field-error', id: 'error-' + setting, role: 'alert' })));
}

/** FSM tax code -> Xero tax type; an operator adds a code the list lacks (saved with the other changes). */
function taxTable(settings, group) {
  const body = el('tbody', {}, settings.map(taxRow));
  const code = el('input', { placeholder: 'FSM code, e.g. GST', class: 'narrow', 'aria-label': 'New FSM tax code' });
  const add = () => {
    const setting = group + '.' + code.value.trim();
    if (!code.value.trim() || document.getElementById('setting-' + setting)) return;
    descriptions[setting] = { type: 'text', changeable: true };
    original[setting] = '';
    body.append(taxRow(setting));
    code.value = '';
    document.getElementById('setting-' + setting).focus();
  };
  return el('table', { class: 'compact' },
    el('thead', {}, el('tr', {}, el('th', {}, 'FSM tax code'), el('th', {}, 'Xero tax type'))), body,
    operator ? el('tfoot', {}, el('tr', {}, el('td', {}, code),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: add }, 'Add a tax code')))) : null);
}

function group(name, settings) {
  const [title, about] = GROUPS[name] || [words(name), ''];
  let body;
  if (name === 'entities') body = entityTable(settings);
  else if (name.endsWith('tax-types')) body = taxTable(settings, name);
  else body = el('div', { class: 'setting-grid' }, settings.map(s => field(s, s.split('.').slice(1).map(words).join(' · '))));
  return el('section', { class: 'card group', id: 'group-' + name },
    el('h2', {}, title), about ? el('p', { class: 'muted' }, about) : null, body);
}

function draw(tree) {
  original = leaves(tree);
  const byGroup = {};
  for (const setting of Object.keys(original)) {
    (byGroup[setting.split('.')[0]] = byGroup[setting.split('.')[0]] || []).push(setting);
  }
  const changeable = name => byGroup[name].some(s => describe(s).changeable);
  const order = Object.keys(byGroup).sort((a, b) => {
    const rank = n => (n in GROUPS ? Object.keys(GROUPS).indexOf(n) : 100) + (changeable(n) ? 0 : 1000);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  const editable = order.filter(changeable);
  const fixed = order.filter(n => !changeable(n));
  fill('groups', editable.map(n => group(n, byGroup[n])),
    el('details', { class: 'card', id: 'read-at-start' }, el('summary', {}, 'Read at start: set in the environment or application.yml'),
      fixed.map(n => group(n, byGroup[n]))));
  fill('toc', editable.map(n => el('a', { href: '#group-' + n }, (GROUPS[n] || [words(n)])[0])),
    el('a', { href: '#read-at-start', class: 'muted' }, 'Read at start'), el('a', { href: '#schedule-card' }, 'Schedule'));
  changed();
}

function fields() {
  return [...document.querySelectorAll('#groups [data-setting]')];
}

function changes() {
  return fields().filter(f => !f.disabled && String(current(f)) !== String(original[f.dataset.setting]));
}

function changed() {
  fields().forEach(f => f.classList.toggle('changed', !f.disabled && String(current(f)) !== String(original[f.dataset.setting])));
  const count = changes().length;
  const label = document.getElementById('changed-count');
  if (label) label.textContent = count === 0 ? 'No changes' : count === 1 ? '1 change' : count + ' changes';
  const save = document.getElementById('save');
  if (save) save.disabled = count === 0;
}

function clearErrors() {
  document.querySelectorAll('.field-error').forEach(e => e.textContent = '');
  document.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
}

/** The API's refusal at the field it names; false when the page has no such field. */
function showAtField(e) {
  const target = e.field && document.getElementById('error-' + e.field);
  if (!target) return false;
  target.textContent = e.message;
  const input = document.getElementById('setting-' + e.field);
  if (input) {
    input.classList.add('invalid');
    const folded = input.closest('details');
    if (folded) folded.open = true;
    input.scrollIntoView({ block: 'center' });
    input.focus();
  }
  return true;
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  const partial = {};
  const described = [];
  for (const f of changes()) {
    const path = f.dataset.setting.split('.');
    let node = partial;
    path.slice(0, -1).forEach(p => node = node[p] = node[p] || {});
    node[path[path.length - 1]] = current(f);
    described.push(`${f.dataset.setting} ${current(f)} (was ${original[f.dataset.setting] === '' ? 'not set' : original[f.dataset.setting]})`);
  }
  if (!described.length) return;
  try {
    const tree = await api('/api/settings', { method: 'PUT', body: partial });
    draw(tree);
    notice('Saved: ' + described.join('; ') + '.');
    showChanges();
    showSchedule();
  } catch (e) {
    showAtField(e);
    notice(el('span', {}, 'Not saved, nothing changed: ', el('strong', {}, e.message)), 'error');
  }
}

async function showSchedule() {
  try {
    const s = await api('/api/schedule');
    fill('schedule', el('dl', { class: 'facts' },
      el('dt', {}, 'Schedule'), el('dd', { id: 'schedule-text' }, s.schedule === 'none' ? 'No automatic sync' : s.schedule),
      el('dt', {}, 'Next run'), el('dd', {}, s.nextRun ? when(s.nextRun) : '—'),
      el('dt', {}, 'Now'), el('dd', {}, s.runningSyncId ? el('a', { href: 'run.html?id=' + s.runningSyncId }, 'Sync ' + s.runningSyncId + ' running')
        : s.maintenanceUntil ? 'In a maintenance window until ' + when(s.maintenanceUntil) : 'Idle', s.runOwed ? ' · a scheduled run is owed' : '')));
  } catch (e) {
    fill('schedule', el('span', { class: 'field-error' }, e.message));
  }
}

// Maintenance windows: once (start, end) or weekly (days, from, to); saved as the whole list.
let windows = [];

function windowRow(w, i) {
  const weekly = w.start === undefined && w.end === undefined && (w.from !== undefined || w.to !== undefined || w.days !== undefined);
  const cell = (name, placeholder) => el('td', {}, el('input', { value: w[name] || '', placeholder, disabled: !operator,
    'data-window': i, 'data-part': name, oninput: e => { w[name] = e.target.value; } }),
  el('div', { class: 'field-error', id: `error-maintenance-windows[${i}].${name}` }));
  return el('tr', {},
    el('td', {}, weekly ? 'Weekly' : 'Once'),
    weekly ? [cell('days', 'SAT,SUN (empty: every day)'), cell('from', '22:00'), cell('to', '02:00')]
      : [el('td', {}, ''), cell('start', '2026-12-24T18:00'), cell('end', '2026-12-27T08:00')],
    el('td', { 'data-operator': true }, operator ? el('button', { type: 'button', class: 'secondary', onclick: () => { windows.splice(i, 1); drawWindows(); } }, 'Remove') : ''));
}

function drawWindows() {
  fill('windows',
    el('h3', {}, 'Maintenance windows'),
    el('p', { class: 'muted' }, 'No sync runs in these: scheduled syncs wait for the end, manual ones are refused. Times in the schedule\'s zone.'),
    windows.length ? el('table', { class: 'compact', id: 'window-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Kind'), el('th', {}, 'Days'), el('th', {}, 'From / start'), el('th', {}, 'To / end'), operator ? el('th', {}, '') : null)),
      el('tbody', {}, windows.map(windowRow))) : el('p', { class: 'muted', id: 'no-windows' }, 'None.'),
    operator ? el('p', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', onclick: () => { windows.push({ start: '', end: '' }); drawWindows(); } }, 'Add a one-off window'),
      el('button', { type: 'button', class: 'secondary', onclick: () => { windows.push({ days: '', from: '', to: '' }); drawWindows(); } }, 'Add a weekly window'),
      el('button', { type: 'button', id: 'save-windows', onclick: saveWindows }, 'Save windows')) : null);
}

async function saveWindows() {
  clearErrors();
  const list = windows.map(w => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined && v !== '')));
  try {
    const tree = await api('/api/settings', { method: 'PUT', body: { 'maintenance-windows': list } });
    windows = (tree['maintenance-windows'] || []).map(w => ({ ...w }));
    drawWindows();
    notice('Maintenance windows saved: ' + (windows.length || 'none') + '.');
    showChanges();
    showSchedule();
  } catch (e) {
    const shown = e.field && document.getElementById('error-' + e.field);
    if (shown) shown.textContent = e.message;
    notice('Windows not saved, nothing changed: ' + e.message, 'error');
  }
}

async function showChanges() {
  const activity = await api('/api/reports/activity');
  const rows = [...activity.settingsChanges].reverse();
  fill('changes', rows.length ? el('table', { id: 'change-log' },
    el('thead', {}, el('tr', {}, ['When', 'Who', 'Setting', 'Was', 'Now'].map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(c => el('tr', {}, el('td', {}, when(c.changedAt)), el('td', {}, c.changedBy),
      el('td', {}, el('code', {}, c.setting)), el('td', { class: 'muted' }, c.oldValue === null ? 'default' : c.oldValue),
      el('td', {}, c.newValue === null ? 'default' : c.newValue)))))
    : 'No settings were changed in the last 30 days.');
}

FS.page().then(async who => {
  operator = who.operator;
  const [tree, described] = await Promise.all([api('/api/settings'), api('/api/settings/descriptions').catch(() => ({}))]);
  descriptions = described;
  draw(tree);
  windows = (tree['maintenance-windows'] || []).map(w => ({ ...w }));
  drawWindows();
  document.getElementById('settings-form').addEventListener('submit', save);
  const discard = document.getElementById('discard');
  if (discard) discard.addEventListener('click', () => { clearErrors(); draw(leavesBack()); });
  await Promise.all([showSchedule(), showChanges()]);
});

/** The tree as it was loaded: discarding draws the original values again. */
function leavesBack() {
  const tree = {};
  for (const [setting, value] of Object.entries(original)) {
    const path = setting.split('.');
    let node = tree;
    path.slice(0, -1).forEach(p => node = node[p] = node[p] || {});
    node[path[path.length - 1]] = value;
  }
  return tree;
}
