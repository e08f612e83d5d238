// Connection: which Xero organisation FieldSync works on and how the connection stands; connect,
// choose an organisation, reconnect and disconnect. A custom connection (client_credentials) is
// set in the environment: there the API refuses connect and disconnect, and its words are shown.
const { api, el, fill, notice, when } = FS;

const STATUS = {
  CONNECTED: ['Connected', 'ok'],
  CHOOSE_ORGANISATION: ['Choose an organisation', 'warn'],
  RECONNECT_NEEDED: ['Reconnect needed', 'bad'],
  UNREACHABLE: ['Xero unreachable', 'bad'],
  NOT_CONNECTED: ['Not connected', 'bad'],
};
const GRANTS = { client_credentials: 'Xero custom connection (client id and secret)', authorization_code: 'OAuth2, authorised by a Xero user' };

let operator = false;
let connection = null;

async function refusedOrDone(action) {
  try {
    return await action();
  } catch (e) {
    notice(el('span', {}, el('strong', {}, 'Xero connection refused: '), e.message), 'error');
    return null;
  } finally {
    await show();
  }
}

/**
 * To Xero's login with a new authorisation request; Xero sends the browser back to
 * /api/xero/callback. Asked as a script first, so a refusal (a custom connection) is said in words.
 */
async function tryConnect() {
  await refusedOrDone(async () => {
    const request = await api('/api/xero/connect?redirect=false');
    location.href = request.authorizeUrl;
  });
}

async function choose(tenantId, name) {
  const done = await refusedOrDone(() => api('/api/xero/connections/' + encodeURIComponent(tenantId) + '/select', { method: 'POST' }));
  if (done) notice('FieldSync now works on ' + (name || tenantId) + '.');
}

async function disconnect(id, name) {
  const what = name || (connection.organisation && connection.organisation.name) || 'this organisation';
  if (!confirm(`Disconnect FieldSync from ${what}?\n\nXero revokes FieldSync's access; no sync runs until someone connects again. `
    + 'Nothing in Xero or in the field-service database is deleted, and the links between records are kept for a reconnect.')) {
    return;
  }
  const done = await refusedOrDone(() => api('/api/xero/connections/' + encodeURIComponent(id), { method: 'DELETE' }));
  if (done) notice('Disconnected from ' + what + ': ' + ((done.disconnected && done.disconnected.xero) || 'done') + '.');
}

function banner(c) {
  const reconnect = operator ? el('button', { id: 'reconnect', class: 'danger', onclick: tryConnect }, 'Reconnect to Xero') : null;
  switch (c.status) {
    case 'RECONNECT_NEEDED':
      return el('div', { class: 'banner bad', role: 'alert', id: 'reconnect-banner' }, el('strong', {}, 'Xero no longer accepts FieldSync\'s access. '),
        'No sync runs until someone reconnects. ', c.message ? el('div', { class: 'muted' }, c.message) : null, reconnect);
    case 'UNREACHABLE':
      return el('div', { class: 'banner bad', role: 'alert' }, el('strong', {}, 'Xero cannot be reached'),
        c.unreachableSince ? ' since ' + when(c.unreachableSince) : '', c.unreachableReason ? ': ' + c.unreachableReason : '',
        el('div', { class: 'muted' }, 'FieldSync tries again on the next run; nothing is lost meanwhile.'));
    case 'CHOOSE_ORGANISATION':
      return el('div', { class: 'banner warn', role: 'status' }, el('strong', {}, 'Connected, but no organisation is chosen yet. '),
        'Choose the one FieldSync syncs with below.');
    case 'NOT_CONNECTED':
      return el('div', { class: 'banner warn', role: 'status' }, 'FieldSync is not connected to Xero.',
        operator ? el('button', { class: 'xero-button', onclick: tryConnect }, 'Connect with Xero') : null);
    default:
      return null;
  }
}

function fact(label, value) {
  return value === undefined || value === null || value === '' ? null : [el('dt', {}, label), el('dd', {}, value)];
}

async function show() {
  connection = await api('/api/xero/connection');
  const c = connection;
  const [label, tone] = STATUS[c.status] || [c.status, 'info'];
  const org = c.organisation || {};
  fill('banner', banner(c));
  document.getElementById('organisation-name').textContent = org.name || org.tenantId || (c.status === 'CONNECTED' ? 'Connected' : 'None');
  fill('connection-status', el('span', { class: 'pill ' + tone, id: 'status' }, label));
  fill('facts',
    fact('Status', el('code', {}, c.status)),
    fact('Connection', GRANTS[c.grant] || c.grant),
    fact('Organisation id', org.tenantId && el('code', {}, org.tenantId)),
    fact('Short code', org.shortCode),
    fact('Connected', c.connectedAt && (when(c.connectedAt) + (c.connectedBy ? ' by ' + c.connectedBy : ''))),
    fact('Access token expires', c.accessTokenExpiresAt && when(c.accessTokenExpiresAt)),
    fact('Tokens refreshed', c.refreshedAt && when(c.refreshedAt)),
    fact('Permissions', c.scope),
    fact('Unreachable since', c.unreachableSince && when(c.unreachableSince)),
    fact('Last failed call', c.unreachableLastAt && when(c.unreachableLastAt)),
    fact('Note', c.message));
  if (operator) {
    const actions = [];
    if (c.status === 'NOT_CONNECTED' || c.status === 'RECONNECT_NEEDED') {
      actions.push(el('button', { class: 'xero-button', id: 'connect', onclick: tryConnect }, c.status === 'NOT_CONNECTED' ? 'Connect with Xero' : 'Reconnect'));
    } else {
      actions.push(el('button', { class: 'secondary', id: 'connect', onclick: tryConnect, title: 'Authorise again, e.g. to reach another organisation' }, 'Connect another organisation'));
    }
    if (c.status !== 'NOT_CONNECTED') {
      actions.push(el('button', { class: 'danger', id: 'disconnect', onclick: () => disconnect(org.tenantId || 'current', org.name) }, 'Disconnect'));
    }
    fill('connection-actions', actions);
  }
  let organisations = [];
  try {
    organisations = await api('/api/xero/connections');
  } catch (e) {
    fill('organisations', el('span', { class: 'field-error' }, e.message));
    return;
  }
  fill('organisations', organisations.length === 0
    ? el('p', { class: 'muted' }, c.grant === 'client_credentials'
      ? 'A custom connection reaches exactly one organisation, the one shown above: there is nothing to choose.'
      : 'None: connect with Xero to list the organisations you may reach.')
    : el('table', { id: 'organisation-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Organisation'), el('th', {}, 'Id'), el('th', {}, ''), operator ? el('th', {}, '') : null)),
      el('tbody', {}, organisations.map(o => el('tr', { 'data-tenant-id': o.tenantId },
        el('td', {}, o.name || o.tenantId), el('td', {}, el('code', {}, o.tenantId)),
        el('td', {}, o.chosen ? el('span', { class: 'pill ok' }, 'in use') : ''),
        operator ? el('td', { class: 'actions-cell' },
          o.chosen ? null : el('button', { class: 'choose', onclick: () => choose(o.tenantId, o.name) }, 'Use this one'),
          el('button', { class: 'secondary', onclick: () => disconnect(o.connectionId, o.name) }, 'Disconnect')) : null)))));
}

FS.page().then(async who => {
  operator = who.operator;
  const back = new URLSearchParams(location.search);
  if (back.get('error')) notice('Xero did not connect: ' + back.get('error'), 'error');
  // back from Xero's consent page (GET /api/xero/callback sends the browser here)
  if (back.get('authorised') === 'CONNECTED') notice('Connected to Xero.');
  if (back.get('authorised') === 'CHOOSE_ORGANISATION') notice('Xero allowed FieldSync on several organisations: choose the one to work on below.');
  await show();
});
