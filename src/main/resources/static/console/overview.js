// Overview: the organisation, the running or last sync, and "Sync now".
const { api, el, fill, notice, status, when } = FS;

async function showConnection() {
  const connection = await api('/api/xero/connection');
  fill('connection', el('div', { class: 'big', id: 'organisation-name' }, (connection.organisation && (connection.organisation.name || connection.organisation.tenantId)) || (connection.status === 'CONNECTED' ? 'Connected (' + connection.grant + ')' : 'Not connected')),
    el('div', {}, 'Connection: ', status(connection.status)));
}

async function showCurrentRun() {
  const [latest] = await api('/api/syncs?limit=1');
  if (!latest) {
    fill('current', 'No sync has run yet.');
    return null;
  }
  fill('current', el('div', {}, el('a', { href: 'run.html?id=' + latest.id, id: 'current-run' }, 'Sync ' + latest.id), ' ',
    el('span', { id: 'current-status' }, status(latest.status))),
    el('div', { class: 'muted' }, latest.trigger + ' by ' + (latest.requestedBy || 'the schedule') + ', started ' + when(latest.startedAt)));
  return latest;
}

async function syncNow() {
  try {
    const run = await api('/api/syncs', { method: 'POST' });
    notice(el('span', {}, 'Sync ', el('a', { href: 'run.html?id=' + run.id }, String(run.id)), ' started.'));
  } catch (e) {
    if (e.status === 409 && e.body.runningSyncId) {
      notice(el('span', {}, e.message + ' ', el('a', { href: 'run.html?id=' + e.body.runningSyncId }, 'See sync ' + e.body.runningSyncId)), 'error');
    } else {
      notice(e.message, 'error');
    }
  }
  await showCurrentRun();
}

FS.page().then(async () => {
  const button = document.getElementById('sync-now');
  if (button) button.addEventListener('click', syncNow);
  await showConnection();
  await showCurrentRun();
  setInterval(showCurrentRun, 2000);
});
