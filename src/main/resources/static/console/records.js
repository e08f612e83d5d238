// Records: where every record stands, filtered by entity, status, time and text, a page at a time;
// what an operator does about them: re-sync one, skip one with a reason, re-sync all the filter's
// records of an entity, or send every synced record of an entity again (after a mapping changed).
const { api, apiPage, ask, el, fill, notice, status, when } = FS;

const FILTERS = ['entity', 'status', 'from', 'to', 'run', 'q', 'size'];
let page = 0;
let shown = { total: 0 };

/**
 * An instant (the API's and the address's form) as a datetime-local input shows it, in local time
 * to the second: a run's period taken to the minute would leave out its last records.
 */
function localInput(instant) {
  const t = new Date(instant);
  if (isNaN(t)) return '';
  const two = n => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}T${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
}

/** The filter as the API takes it: instants in UTC, empty fields left out. */
function filter() {
  const query = {};
  for (const name of FILTERS) {
    const value = document.getElementById(name).value.trim();
    if (!value) continue;
    query[name] = (name === 'from' || name === 'to') ? new Date(value).toISOString() : value;
  }
  return query;
}

function fromAddress() {
  const query = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    if (!query.has(name)) continue;
    const value = query.get(name);
    document.getElementById(name).value = (name === 'from' || name === 'to') ? localInput(value) : value;
  }
  page = Number(query.get('page') || 0);
}

function toAddress() {
  const query = new URLSearchParams(filter());
  if (page) query.set('page', page);
  history.replaceState(null, '', 'records.html' + (query.toString() ? '?' + query : ''));
}

function xeroCell(record) {
  if (record.xeroUrl) return el('a', { href: record.xeroUrl, target: '_blank', rel: 'noopener', class: 'xero-link' }, 'Open in Xero ↗');
  return record.xeroId ? el('span', { class: 'muted small', title: 'Xero id' }, record.xeroId) : '';
}

function row(record) {
  const operator = FS.who && FS.who.operator;
  return el('tr', { id: 'record-' + record.entity + '-' + record.localId, class: 'record' },
    el('td', {}, record.entity),
    el('td', {}, record.localId),
    el('td', { class: 'record-status' }, status(record.status)),
    el('td', { class: 'message' }, record.message || '',
      record.warnings ? el('div', { class: 'warnings' }, '⚠ ' + record.warnings) : null),
    el('td', { class: 'nowrap' }, when(record.syncedAt)),
    el('td', { class: 'nowrap' }, when(record.updatedAt)),
    el('td', { class: 'nowrap' }, xeroCell(record)),
    operator ? el('td', { class: 'actions' },
      el('button', { class: 'secondary resync', type: 'button', onclick: () => resync(record) }, 'Re-sync'),
      record.status === 'FAILED' ? el('button', { class: 'secondary skip', type: 'button', onclick: () => skip(record) }, 'Skip') : null)
      : null);
}

async function show() {
  toAddress();
  const query = { ...filter(), page };
  query.size = query.size || 50;
  try {
    shown = await apiPage('/api/records?' + new URLSearchParams(query));
  } catch (e) {
    notice(e.message, 'error');
    fill('record-rows');
    fill('summary', '');
    return;
  }
  const total = shown.total ?? shown.items.length;
  const pages = Math.max(1, shown.pages ?? 1);
  fill('summary', total === 1 ? '1 record' : total + ' records');
  fill('page-info', 'Page ' + (page + 1) + ' of ' + pages);
  document.getElementById('prev').disabled = page <= 0;
  document.getElementById('next').disabled = page + 1 >= pages;
  fill('record-rows', shown.items.length ? shown.items.map(row)
    : el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'No record matches this filter.')));
  bulkButtons(total);
}

function bulkButtons(total) {
  const bulk = document.getElementById('bulk-resync');
  if (!bulk) return;
  const { entity, status: outcome } = filter();
  const again = document.getElementById('resync-synced');
  bulk.disabled = !entity || !outcome || !total;
  bulk.textContent = entity && outcome ? `Re-sync all ${outcome} ${entity} records` : 'Re-sync all shown';
  again.disabled = !entity;
  again.textContent = entity ? `Send every synced ${entity} again` : 'Send every synced record again';
  fill('bulk-hint', entity ? '' : 'Choose an entity (and a status) for the actions on many records.');
}

function startedNote(answer) {
  if (answer.syncId) return el('span', {}, ' ', Activity.runLink(answer.syncId), ' started.');
  if (answer.runningSyncId) return el('span', {}, ' ', Activity.runLink(answer.runningSyncId), ' is running: they go in the next run.');
  return ' They go in the next run.';
}

function now() {
  const box = document.getElementById('resync-now');
  return box && box.checked ? '?now=true' : '';
}

async function resync(record) {
  try {
    const answer = await api(`/api/records/${encodeURIComponent(record.entity)}/${record.localId}/resync${now()}`, { method: 'POST' });
    notice(el('span', {}, `${record.entity} ${record.localId} goes to Xero again.`, startedNote(answer)));
  } catch (e) {
    notice(e.message, 'error');
  }
  await show();
}

async function skip(record) {
  const reason = await ask({
    title: `Skip ${record.entity} ${record.localId}`,
    text: 'The record is left out of every sync until it changes in the field-service system. Say why, for the next person who looks at it.',
    ok: 'Skip it', danger: true, input: 'The reason, e.g. a duplicate of a contact kept in Xero' });
  if (reason === null) return;
  try {
    const answer = await api(`/api/records/${encodeURIComponent(record.entity)}/${record.localId}/skip`, { method: 'POST', body: { reason } });
    notice(`${record.entity} ${record.localId} is skipped. ${answer.message || ''}`);
  } catch (e) {
    notice(e.message, 'error');
  }
  await show();
}

async function resyncAll(entity, outcome, count, question) {
  const ok = await ask(question);
  if (!ok) return;
  try {
    const answer = await api(`/api/records/${encodeURIComponent(entity)}/resync?status=${outcome}${now().replace('?', '&')}`, { method: 'POST' });
    notice(el('span', {}, `${answer.marked} ${outcome} ${entity} records go to Xero again.`, answer.marked ? startedNote(answer) : ''));
  } catch (e) {
    notice(e.message, 'error');
  }
  await show();
}

async function resyncShown() {
  const { entity, status: outcome, from, to, q } = filter();
  // the API marks every record of the entity in the status: say so when the page shows fewer
  const everyOne = await apiPage(`/api/records?entity=${encodeURIComponent(entity)}&status=${outcome}&size=1`);
  const narrower = from || to || q;
  await resyncAll(entity, outcome, everyOne.total, {
    title: `Re-sync ${everyOne.total} ${outcome} ${entity} records?`,
    text: `Every ${outcome} ${entity} record (${everyOne.total}) is sent to Xero again in the next run.`
      + (narrower ? ' The time and text filters do not narrow this: it takes all of them, not only the ones shown.' : ''),
    ok: `Re-sync ${everyOne.total} records` });
}

async function resyncSynced() {
  const { entity } = filter();
  const synced = await apiPage(`/api/records?entity=${encodeURIComponent(entity)}&status=SYNCED&size=1`);
  await resyncAll(entity, 'SYNCED', synced.total, {
    title: `Send every synced ${entity} again?`,
    text: `All ${synced.total} ${entity} records already in Xero are sent once more in the next run, even unchanged. `
      + 'This is what to do after a mapping was edited, so Xero gets every record as the new mapping writes it. '
      + `It costs about ${synced.total} of Xero's daily API calls, fewer in batches.`,
    ok: `Send ${synced.total} again`, danger: true });
}

FS.page().then(() => {
  const entities = document.getElementById('entity');
  Activity.ENTITIES.forEach(name => entities.append(el('option', { value: name }, name)));
  fromAddress();
  document.getElementById('records-filter').addEventListener('submit', event => {
    event.preventDefault();
    page = 0;
    show();
  });
  ['entity', 'status', 'size'].forEach(name => document.getElementById(name).addEventListener('change', () => {
    page = 0;
    show();
  }));
  document.getElementById('prev').addEventListener('click', () => { page = Math.max(0, page - 1); show(); });
  document.getElementById('next').addEventListener('click', () => { page += 1; show(); });
  const bulk = document.getElementById('bulk-resync');
  if (bulk) {
    bulk.addEventListener('click', () => resyncShown().catch(e => notice(e.message, 'error')));
    document.getElementById('resync-synced').addEventListener('click', () => resyncSynced().catch(e => notice(e.message, 'error')));
  }
  show();
});
