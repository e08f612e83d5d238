// Matching: the first-connection wizard. Taxes (the tax-type mapping of the settings), then
// materials with Xero items, customers with Xero contacts, then the import of Xero records no
// field-service record stands for. Each step runs matching for its kind and lists what waits.
const { api, el, fill, notice, when } = FS;

const KINDS = {
  items: { local: 'material', locals: 'materials', remote: 'Xero item', remotes: 'Xero items', entity: 'item' },
  contacts: { local: 'customer', locals: 'customers', remote: 'Xero contact', remotes: 'Xero contacts', entity: 'contact' },
};
const STEPS = [
  ['taxes', 'Taxes', 'tax codes to Xero tax types'],
  ['items', 'Items', 'materials and Xero items'],
  ['customers', 'Customers', 'customers and Xero contacts'],
  ['import', 'Import', 'Xero records new to the FSM'],
];
const STATUS_TONE = { LINKED: 'ok', ACCEPTED: 'ok', IMPORTED: 'info', CREATE: 'info', REJECTED: 'bad', SUGGESTED: 'warn' };
const STATUS_WORDS = { LINKED: 'linked (exact)', ACCEPTED: 'accepted', IMPORTED: 'imported', CREATE: 'to be created in Xero', REJECTED: 'rejected', SUGGESTED: 'waiting' };

let operator = false;
let step = 'taxes';
const state = { items: null, contacts: null };    // suggestions by kind, as last read
const outcomes = {};                               // the last run of each kind on this page

const kindOf = s => s === 'customers' ? 'contacts' : s;

/** Suggestions grouped by field-service record: {localId, label, open[], decided[]}. */
function byRecord(rows) {
  const records = new Map();
  for (const s of rows) {
    if (!records.has(s.localId)) records.set(s.localId, { localId: s.localId, label: s.localLabel, open: [], decided: [] });
    (s.status === 'SUGGESTED' ? records.get(s.localId).open : records.get(s.localId).decided).push(s);
  }
  return [...records.values()];
}

async function load(kind) {
  state[kind] = await api(`/api/matching/${kind}?size=1000`);
  return state[kind];
}

const undecided = kind => state[kind] ? byRecord(state[kind]).filter(r => r.open.length).length : null;

function drawSteps() {
  fill('steps', STEPS.map(([id, label, about], i) => {
    const kind = KINDS[kindOf(id)] ? kindOf(id) : null;
    const waiting = kind ? undecided(kind) : null;
    const sub = waiting === null ? about : waiting === 0 ? (state[kind].length ? 'nothing undecided' : about) : waiting + ' undecided';
    return el('button', { type: 'button', id: 'step-' + id, class: (id === step ? 'here ' : '') + (kind && waiting === 0 && state[kind].length ? 'done' : ''),
      onclick: () => go(id) }, el('span', { class: 'n' }, i + 1), label, el('span', { class: 'sub' }, sub));
  }));
}

async function go(id) {
  step = id;
  history.replaceState(null, '', '#' + id);
  drawSteps();
  if (id === 'taxes') await drawTaxes();
  else if (id === 'import') await drawImport();
  else await drawKind(kindOf(id));
  drawSteps();
}

function next(id, label) {
  return el('p', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: () => go(id) }, label + ' →'));
}

async function drawTaxes() {
  const settings = await api('/api/settings');
  const table = (title, map) => el('div', {}, el('h3', {}, title), Object.keys(map || {}).length
    ? el('table', { class: 'compact' }, el('thead', {}, el('tr', {}, el('th', {}, 'FSM tax code'), el('th', {}, 'Xero tax type'))),
      el('tbody', {}, Object.entries(map).map(([code, type]) => el('tr', {}, el('td', {}, el('code', {}, code)), el('td', {}, type || el('span', { class: 'muted' }, 'by rate'))))))
    : el('p', { class: 'muted' }, 'None set: each code is matched by its rate against Xero\'s tax rates.'));
  fill('step', el('section', { class: 'card', id: 'taxes' },
    el('h2', {}, 'Taxes'),
    el('p', {}, 'Tax rates are read from Xero. Each field-service tax code goes to Xero as the tax type below; a code not listed is matched by its rate '
      + 'when exactly one Xero tax rate has it, and an invoice line whose code matches none fails rather than take Xero\'s default.'),
    el('div', { class: 'cards' }, table('Sales', settings['tax-types']), table('Purchases', settings['purchase-tax-types'])),
    el('p', {}, 'Invoices sent ', settings.invoices && settings.invoices['send-tax'] === false ? el('strong', {}, 'without tax (Xero\'s own defaults apply)') : 'with these tax types',
      '. ', el('a', { href: 'settings.html#group-tax-types', id: 'tax-settings' }, 'Change them in Settings')),
    next('items', 'Items')));
}

function scoreCell(score) {
  const value = Number(score);
  return el('span', {}, el('span', { class: 'score' }, Math.round(value * 100) + '%'),
    el('span', { class: 'score-bar' }, el('span', { style: `width:${Math.round(value * 100)}%` })));
}

async function act(kind, localId, action, body, done) {
  try {
    await api(`/api/matching/${kind}/${localId}/${action}`, { method: 'POST', body });
    notice(done);
  } catch (e) {
    notice(e.message, 'error');
  }
  await drawKind(kind);
  drawSteps();
}

function waitingRows(kind, records, known) {
  const k = KINDS[kind];
  return records.flatMap(r => r.open.map((s, i) => el('tr', { 'data-local-id': r.localId, 'data-xero-id': s.xeroId, class: i ? 'more' : '' },
    i === 0 ? el('td', { rowspan: r.open.length }, el('strong', {}, r.label || k.local + ' ' + r.localId), el('div', { class: 'muted' }, '#' + r.localId)) : null,
    el('td', {}, s.xeroLabel, s.xeroNumber && s.xeroNumber !== s.xeroLabel ? el('div', { class: 'muted' }, s.xeroNumber) : null),
    el('td', {}, scoreCell(s.score)),
    el('td', { class: 'muted why', title: s.reason }, el('span', {}, s.reason)),
    operator ? el('td', { class: 'actions-cell' },
      el('button', { type: 'button', class: 'accept', title: 'This ' + k.local + ' is this ' + k.remote,
        onclick: () => act(kind, r.localId, 'accept', { xeroId: s.xeroId }, `${cap(k.local)} ${r.label} linked to ${s.xeroLabel}.`) }, r.open.length > 1 ? 'Accept this one' : 'Accept'),
      el('button', { type: 'button', class: 'secondary reject-one', title: 'Not this one',
        onclick: () => act(kind, r.localId, 'reject', { xeroId: s.xeroId }, `${s.xeroLabel} is not ${r.label}.`) }, 'Reject'),
      i === 0 ? [el('br'),
        el('button', { type: 'button', class: 'secondary create', title: 'None of these: the next push creates a new ' + k.remote,
          onclick: () => act(kind, r.localId, 'create', undefined, `${cap(k.local)} ${r.label} will be created in Xero by the next sync.`) }, 'Create in Xero'),
        el('button', { type: 'button', class: 'secondary change', title: 'Link to another ' + k.remote, onclick: () => change(kind, r, known) }, 'Change…')] : null) : null)));
}

const cap = text => text.charAt(0).toUpperCase() + text.slice(1);

/** Change: link to a Xero record other than those suggested; picked from the ones this page knows, or by its Xero id. */
function change(kind, record, known) {
  const k = KINDS[kind];
  const id = 'other-' + record.localId;
  const row = document.querySelector(`tr[data-local-id="${record.localId}"]`);
  if (document.getElementById(id)) return;
  const choices = [...known.entries()].filter(([xeroId]) => !record.open.some(s => s.xeroId === xeroId));
  const field = el('input', { id, list: id + '-list', placeholder: k.remote + ' id', size: 38 });
  row.after(el('tr', { class: 'change-row' }, el('td', {}), el('td', { colspan: 4 },
    el('label', { for: id }, `Link ${record.label} to another ${k.remote}`),
    el('div', { class: 'actions' }, field,
      el('datalist', { id: id + '-list' }, choices.map(([xeroId, label]) => el('option', { value: xeroId }, label))),
      el('button', { type: 'button', onclick: () => field.value.trim() && act(kind, record.localId, 'accept', { xeroId: field.value.trim() },
        `${cap(k.local)} ${record.label} linked to ${k.remote} ${field.value.trim()}.`) }, 'Link'),
      el('span', { class: 'muted' }, 'Its id is in the Xero record\'s address.')))));
  field.focus();
}

function decidedRows(kind, rows) {
  const k = KINDS[kind];
  return rows.map(s => el('tr', { 'data-local-id': s.localId, 'data-status': s.status },
    el('td', {}, s.localLabel || k.local + ' ' + s.localId, el('span', { class: 'muted' }, ' #' + s.localId)),
    el('td', {}, s.xeroLabel || el('span', { class: 'muted' }, 'a new ' + k.remote), s.xeroNumber && s.xeroNumber !== s.xeroLabel ? el('span', { class: 'muted' }, ' ' + s.xeroNumber) : null),
    el('td', {}, el('span', { class: 'pill ' + (STATUS_TONE[s.status] || '') }, STATUS_WORDS[s.status] || s.status)),
    el('td', { class: 'muted why', title: s.reason }, el('span', {}, s.reason)),
    el('td', { class: 'muted' }, s.decidedBy ? s.decidedBy + ', ' + when(s.decidedAt) : when(s.createdAt)),
    operator ? el('td', { class: 'actions-cell' }, (s.status === 'LINKED' || s.status === 'ACCEPTED') ? el('button', { type: 'button', class: 'secondary unlink',
      title: 'Undo the link: refused when invoices went to Xero under it',
      onclick: () => act(kind, s.localId, 'reject', { xeroId: s.xeroId }, `The link of ${s.localLabel} to ${s.xeroLabel} is undone.`) }, 'Undo link') : null) : null));
}

async function run(kind) {
  const button = document.getElementById('run-matching');
  button.disabled = true;
  button.textContent = 'Matching…';
  try {
    outcomes[kind] = await api(`/api/matching/${kind}/run`, { method: 'POST' });
    const o = outcomes[kind];
    notice(`Matched ${o.fsmRecords} ${KINDS[kind].locals} against ${o.xeroRecords} ${KINDS[kind].remotes}: ${o.linked.length} linked exactly, `
      + `${o.awaitingDecision} wait for a decision, ${o.unmatched} have no candidate (they are created in Xero by the next sync).`);
  } catch (e) {
    notice(e.message, 'error');
  }
  await drawKind(kind);
  drawSteps();
}

/** What waits on the undecided: records skipped by the last runs for a matching decision. */
async function waitingOn(kind) {
  const entities = kind === 'contacts' ? ['contact', 'invoice'] : ['item'];
  const counts = await Promise.all(entities.map(entity => api(`/api/records?entity=${entity}&status=SKIPPED&size=500`)
    .then(rows => rows.filter(r => (r.message || '').includes('awaits a matching decision')).length).catch(() => null)));
  return entities.map((entity, i) => [entity, counts[i]]).filter(([, n]) => n);
}

async function drawKind(kind) {
  const k = KINDS[kind];
  const rows = await load(kind);
  const records = byRecord(rows);
  const open = records.filter(r => r.open.length);
  const decided = rows.filter(s => s.status !== 'SUGGESTED');
  const count = status => decided.filter(s => s.status === status).length;
  const known = new Map(rows.filter(s => s.xeroId).map(s => [s.xeroId, s.xeroLabel]));
  const held = await waitingOn(kind);
  const o = outcomes[kind];
  fill('step', el('section', { class: 'card', id: 'kind-' + kind },
    el('div', { class: 'report-head' }, el('h2', {}, cap(k.locals) + ' and ' + k.remotes),
      operator ? el('div', { class: 'actions' }, el('button', { type: 'button', id: 'run-matching', onclick: () => run(kind) },
        rows.length ? 'Run matching again' : 'Run matching')) : null),
    el('p', { class: 'muted' }, `Reads every ${k.remote} and every ${k.local}; links the exact pairs (same number, tax number, e-mail or name) `
      + 'and suggests near ones by name. Decisions stay when it runs again.'),
    el('div', { class: 'counts' },
      el('div', { class: 'count' }, el('b', { id: 'undecided-count' }, open.length), 'undecided'),
      el('div', { class: 'count' }, el('b', {}, count('LINKED')), 'linked exactly'),
      el('div', { class: 'count' }, el('b', {}, count('ACCEPTED')), 'accepted'),
      el('div', { class: 'count' }, el('b', {}, count('CREATE')), 'to create in Xero'),
      el('div', { class: 'count' }, el('b', {}, count('IMPORTED')), 'imported'),
      o ? el('div', { class: 'count' }, el('b', {}, o.unmatched), 'without a candidate') : null),
    open.length ? el('div', { class: 'notice warn', id: 'waiting-on' }, `${open.length} ${open.length === 1 ? k.local + ' waits' : k.locals + ' wait'} for a decision and `
      + (kind === 'contacts' ? 'are not pushed to Xero, nor their invoices' : 'are not pushed to Xero') + ' until you decide.',
    held.length ? ' Held back by the last sync: ' + held.map(([entity, n]) => n + ' ' + entity + (n === 1 ? '' : 's')).join(', ') + '.' : '') : null,
    el('h3', {}, 'Waiting for a decision'),
    open.length ? el('table', { id: 'waiting' },
      el('thead', {}, el('tr', {}, el('th', {}, cap(k.local)), el('th', {}, 'Suggested ' + k.remote), el('th', {}, 'Score'), el('th', {}, 'Why'), operator ? el('th', {}, '') : null)),
      el('tbody', {}, waitingRows(kind, open, known)))
      : el('p', { class: 'muted', id: 'nothing-waiting' }, rows.length ? 'Nothing waits: every suggestion is decided.' : `Matching has not run for ${k.locals} yet.`),
    kind === 'items' && operator ? removeUnmatched() : null,
    el('details', { open: decided.length <= 15 }, el('summary', {}, el('strong', {}, `Decided (${decided.length})`)),
      decided.length ? el('table', { id: 'decided', class: 'compact' },
        el('thead', {}, el('tr', {}, el('th', {}, cap(k.local)), el('th', {}, k.remote), el('th', {}, 'Decision'), el('th', {}, 'Why'), el('th', {}, 'By, when'), operator ? el('th', {}, '') : null)),
        el('tbody', {}, decidedRows(kind, decided))) : el('p', { class: 'muted' }, 'None yet.')),
    next(kind === 'items' ? 'customers' : 'import', kind === 'items' ? 'Customers' : 'Import')));
}

function removeUnmatched() {
  return el('div', { id: 'remove-unmatched' }, el('h3', {}, 'Materials no Xero item stands for'),
    el('p', { class: 'muted' }, 'Where the catalogue lives in Xero, the field-service materials with no Xero item (not linked, nothing near, '
      + 'not to be created) can be removed: they are soft-deleted in the field-service database.'),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: 'list-unmatched', onclick: listUnmatched }, 'List them')),
    el('div', { id: 'unmatched-list' }));
}

async function listUnmatched() {
  try {
    const dry = await api('/api/matching/items/remove-unmatched?dryRun=true', { method: 'POST' });
    fill('unmatched-list', dry.removed.length === 0 ? el('p', { class: 'muted' }, 'None: every material has a Xero item or a decision.')
      : [el('table', { class: 'compact' }, el('thead', {}, el('tr', {}, el('th', {}, 'Material'), el('th', {}, 'SKU'))),
        el('tbody', {}, dry.removed.map(m => el('tr', {}, el('td', {}, m.name, el('span', { class: 'muted' }, ' #' + m.localId)), el('td', {}, m.sku || ''))))),
      el('p', { class: 'actions' }, el('button', { type: 'button', class: 'danger', id: 'remove-unmatched-confirm', onclick: async () => {
        if (!confirm(`Remove ${dry.removed.length} materials from the field-service database (soft delete)? They are not sent to Xero.`)) return;
        try {
          const done = await api('/api/matching/items/remove-unmatched?dryRun=false&confirm=true', { method: 'POST' });
          notice(done.removed.length + ' materials without a Xero item removed.');
        } catch (e) {
          notice(e.message, 'error');
        }
        fill('unmatched-list');
      } }, `Remove these ${dry.removed.length}`))]);
  } catch (e) {
    notice(e.message, 'error');
  }
}

async function importKind(kind) {
  const k = KINDS[kind];
  if (!confirm(`Import every ${k.remote} that no ${k.local} stands for as a new ${k.local}? Linked, suggested and archived ones are left alone.`)) return;
  const button = document.getElementById('import-' + kind);
  button.disabled = true;
  try {
    const outcome = await api(`/api/matching/${kind}/import`, { method: 'POST' });
    notice(`${outcome.imported.length} ${outcome.imported.length === 1 ? k.remote : k.remotes} imported as ${k.locals}; ${outcome.notImported.length} not.`);
    fill('import-' + kind + '-outcome',
      outcome.imported.length ? el('table', { class: 'compact imported' }, el('thead', {}, el('tr', {}, el('th', {}, 'Imported'), el('th', {}, 'New ' + k.local))),
        el('tbody', {}, outcome.imported.map(i => el('tr', { 'data-xero-id': i.xeroId }, el('td', {}, i.name), el('td', {}, '#' + i.localId))))) : el('p', { class: 'muted' }, 'Nothing new to import.'),
      outcome.notImported.length ? el('details', {}, el('summary', {}, `Not imported (${outcome.notImported.length})`),
        el('table', { class: 'compact' }, el('tbody', {}, outcome.notImported.map(i => el('tr', {}, el('td', {}, i.name || i.xeroId), el('td', { class: 'muted' }, i.reason)))))) : null);
  } catch (e) {
    notice(e.message, 'error');
  }
  button.disabled = false;
  await load(kind);
  drawSteps();
}

async function drawImport() {
  await Promise.all(Object.keys(KINDS).map(load));
  const waiting = Object.keys(KINDS).filter(kind => undecided(kind));
  fill('step', el('section', { class: 'card', id: 'import' },
    el('h2', {}, 'Import from Xero'),
    el('p', {}, 'Xero records that no field-service record stands for can become field-service records, linked to them: contacts become customers, '
      + 'items become materials. Records linked already, suggested for a record (decide those first) or archived in Xero are left alone.'),
    waiting.length ? el('div', { class: 'notice warn' }, 'Still undecided: ', waiting.map(kind => undecided(kind) + ' ' + KINDS[kind].locals).join(', '),
      '. Their suggested Xero records are not imported until you decide.') : null,
    el('div', { class: 'cards' }, Object.entries(KINDS).map(([kind, k]) => el('div', { class: 'card' },
      el('h3', {}, cap(k.remotes)),
      el('p', { class: 'muted' }, `${state[kind].filter(s => s.status === 'IMPORTED').length} imported so far.`),
      operator ? el('button', { type: 'button', id: 'import-' + kind, onclick: () => importKind(kind) }, `Import ${k.remotes} as ${k.locals}`) : null,
      el('div', { id: 'import-' + kind + '-outcome' }))))));
}

FS.page().then(async who => {
  operator = who.operator;
  await Promise.all(Object.keys(KINDS).map(kind => load(kind).catch(() => null)));
  const wanted = location.hash.substring(1);
  await go(STEPS.some(([id]) => id === wanted) ? wanted : 'taxes');
});
