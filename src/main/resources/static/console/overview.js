// Overview: the Xero organisation and the connection's health, the running or last sync live,
// what needs attention, the Xero API budget and the records of the last 30 days; "Sync now".
const { api, apiPage, el, fill, notice, status, when, duration } = FS;

const CONNECTION_WORDS = {
  CONNECTED: 'Connected',
  CHOOSE_ORGANISATION: 'Connected: choose the organisation to sync with',
  RECONNECT_NEEDED: 'Xero ended the connection: connect again',
  UNREACHABLE: 'Xero cannot be reached',
  NOT_CONNECTED: 'Not connected to Xero',
};

async function showConnection() {
  let connection;
  try {
    connection = await api('/api/xero/connection');
  } catch (e) {
    fill('connection', Activity.notAvailable('The connection'));
    return;
  }
  const organisation = connection.organisation || {};
  const name = organisation.name || organisation.tenantId
    || (connection.grant === 'client_credentials' ? 'Custom connection' : 'No organisation');
  const healthy = connection.status === 'CONNECTED';
  fill('connection',
    el('div', { class: 'big', id: 'organisation-name' }, name),
    el('div', { id: 'connection-health', class: 'health ' + (healthy ? 'good' : 'bad') },
      el('span', { class: 'dot' }), CONNECTION_WORDS[connection.status] || connection.status, ' ', el('span', { class: 'muted small' }, '(' + connection.status + ')')),
    connection.status === 'UNREACHABLE' ? el('div', { class: 'small' },
      connection.unreachableSince ? 'Since ' + when(connection.unreachableSince) + '. ' : '',
      connection.unreachableReason || '') : null,
    !healthy && connection.status !== 'UNREACHABLE' ? el('div', { class: 'small' },
      el('a', { href: 'connection.html' }, 'Open the connection page')) : null,
    connection.connectedBy ? el('div', { class: 'muted small' }, 'Connected by ' + connection.connectedBy
      + (connection.connectedAt ? ' on ' + when(connection.connectedAt) : '')) : null);
}

async function showCurrentRun() {
  const [latest] = await api('/api/syncs?limit=1');
  if (!latest) {
    fill('current', 'No sync has run yet.');
    return null;
  }
  const run = latest.status === 'RUNNING' ? await api('/api/syncs/' + latest.id) : latest;
  const running = run.status === 'RUNNING';
  const sum = Activity.totals(run.counts);
  fill('current',
    el('div', { class: 'run-head' }, Activity.runLink(run.id, { id: 'current-run' }), ' ',
      el('span', { id: 'current-status' }, status(run.status))),
    el('div', { class: 'muted small' }, run.trigger === 'SCHEDULED' ? 'Scheduled' : 'Started by ' + (run.requestedBy || 'someone'),
      ' · ', when(run.startedAt),
      running ? ' · running for ' + duration(Activity.seconds(run.startedAt))
        : ' · took ' + duration(Activity.seconds(run.startedAt, run.finishedAt))),
    running ? (Activity.progress(run.progress)
      || el('div', { class: 'muted small', id: 'progress' }, 'Live progress: not available on this server.')) : null,
    el('div', {}, Activity.outcomes(sum, 'current-counts'), running ? el('span', { class: 'muted' }, ' so far') : null),
    run.message ? el('div', { class: 'small' }, run.message) : null);
  return run;
}

async function showAttention() {
  const items = [];
  try {
    const failing = await apiPage('/api/records?status=FAILED&size=1');
    items.push(el('li', {}, el('a', { href: 'records.html?status=FAILED', id: 'failing-count' },
      el('span', { class: 'big-number ' + (failing.total ? 'bad' : 'good') }, failing.total ?? failing.items.length), ' failing records')));
  } catch (e) {
    items.push(el('li', {}, Activity.notAvailable('Failing records')));
  }
  try {
    const letters = (await FS.apiPage('/api/dead-letters?open=true&size=1')).total;
    items.push(el('li', {}, el('a', { href: 'dead-letters.html', id: 'dead-letter-count' },
      el('span', { class: 'big-number ' + (letters ? 'bad' : 'good') }, letters), ' open dead letters')));
  } catch (e) {
    items.push(el('li', {}, Activity.notAvailable('Dead letters')));
  }
  fill('attention', el('ul', { class: 'attention' }, items));
}

/** The calls of each recent minute against the per-minute limit, drawn as the limit line over bars. */
function minutesPlot(svg, minutes, limit) {
  const width = 600, height = 170, bottom = 18, left = 34, top = 12;
  const most = Math.max(1, limit || 0, ...minutes.map(m => m.calls || 0));
  const step = (width - left) / Math.max(1, minutes.length);
  const y = v => height - bottom - v / most * (height - bottom - top);
  const ns = 'http://www.w3.org/2000/svg';
  const add = FS.drawOn(svg, width, height);
  add('line', { x1: left, x2: width, y1: height - bottom, y2: height - bottom, class: 'axis' });
  minutes.forEach((m, i) => {
    const label = minuteLabel(m.minute);
    const h = (height - bottom) - y(m.calls || 0);
    if (h > 0) {
      const bar = add('rect', { x: left + i * step + 1, y: y(m.calls), width: Math.max(1, step - 2), height: h, class: 'bar-used' });
      const title = document.createElementNS(ns, 'title');
      title.textContent = `${label}: ${m.calls} calls`;
      bar.append(title);
    }
    const every = Math.ceil(minutes.length / 7);
    if ((minutes.length <= 8 || i % every === 0) && i + every / 2 < minutes.length) {
      add('text', { x: left + i * step + step / 2, y: height - 4, 'text-anchor': 'middle' }, label);
    }
  });
  if (limit) {
    add('line', { x1: left, x2: width, y1: y(limit), y2: y(limit), class: 'limit' });
    add('text', { x: 0, y: y(limit) + 3 }, String(limit));
    add('text', { x: width - 4, y: y(limit) - 3, 'text-anchor': 'end', class: 'limit-label' }, 'limit a minute');
  }
}

function minuteLabel(minute) {
  const time = new Date(minute);
  return isNaN(time) ? String(minute) : time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function meter(used, limit, id) {
  const share = limit ? Math.min(100, 100 * used / limit) : 0;
  return el('div', { class: 'progress meter' + (share > 90 ? ' high' : ''), id, title: Math.round(share) + '%' },
    el('div', { style: 'width:' + share + '%' }));
}

async function showBudget() {
  let budget;
  try {
    budget = await api('/api/xero/budget');
  } catch (e) {
    fill('budget', Activity.notAvailable('The Xero API budget'));
    document.getElementById('budget-plot').classList.add('hidden');
    return;
  }
  document.getElementById('budget-plot').classList.remove('hidden');
  fill('budget',
    el('div', { class: 'budget-line' }, el('span', {}, 'Today ', el('strong', { id: 'budget-today' }, budget.usedToday),
      ' of ', budget.perDay, ' calls'), budget.reserve ? el('span', { class: 'muted small' }, budget.reserve + ' kept in reserve') : null),
    meter(budget.usedToday, budget.perDay, 'budget-day'),
    el('div', { class: 'budget-line' }, el('span', {}, 'This minute ', el('strong', { id: 'budget-window' }, budget.usedInWindow),
      ' of ', budget.perWindow, budget.windowSeconds && budget.windowSeconds !== 60 ? ' (window ' + duration(budget.windowSeconds) + ')' : ''),
      el('span', { class: 'muted small' }, (budget.inFlight || 0) + ' in flight')),
    meter(budget.usedInWindow, budget.perWindow, 'budget-minute'));
  minutesPlot(document.getElementById('budget-plot'), budget.minutes || [], budget.perWindow);
}

async function showDaily() {
  let days;
  try {
    days = await api('/api/syncs/daily?days=30');
  } catch (e) {
    fill('daily', Activity.notAvailable('Records per day'));
    document.getElementById('daily-plot').classList.add('hidden');
    document.getElementById('daily-legend').hidden = true;
    return;
  }
  document.getElementById('daily-plot').classList.remove('hidden');
  document.getElementById('daily-legend').hidden = false;
  const sum = (name) => days.reduce((total, d) => total + (d[name] || 0), 0);
  fill('daily', el('span', { id: 'daily-totals' }, sum('runs') + (sum('runs') === 1 ? ' run: ' : ' runs: '), Activity.outcomes(
    { synced: sum('synced'), failed: sum('failed'), skipped: sum('skipped') })));
  FS.bars(document.getElementById('daily-plot'), days.map(d => String(d.day).substring(5)), [
    { name: 'synced', cssClass: 'bar-synced', values: days.map(d => d.synced) },
    { name: 'failed', cssClass: 'bar-failed', values: days.map(d => d.failed) },
    { name: 'skipped', cssClass: 'bar-skipped', values: days.map(d => d.skipped) }]);
}

async function startSync(entities) {
  try {
    const run = await api('/api/syncs', { method: 'POST', body: entities ? { entities } : undefined });
    notice(el('span', {}, Activity.runLink(run.id), entities ? ' started for ' + entities.join(', ') + '.' : ' started.'));
  } catch (e) {
    if (e.status === 409 && e.body.runningSyncId) {
      notice(el('span', {}, e.message + ' ', Activity.runLink(e.body.runningSyncId, { id: 'running-run' }), ' is still running.'), 'error');
    } else {
      notice(e.message, 'error');
    }
  }
  await showCurrentRun();
}

function entityChoices() {
  const box = document.getElementById('entity-choices');
  if (!box) return;
  box.replaceChildren(...Activity.ENTITIES.map(name =>
    el('label', { class: 'choice' }, el('input', { type: 'checkbox', value: name, name: 'entity' }), ' ' + name)));
  document.getElementById('sync-entities').addEventListener('click', () => {
    const chosen = [...box.querySelectorAll('input:checked')].map(input => input.value);
    if (!chosen.length) {
      notice('Choose at least one entity to sync.', 'error');
      return;
    }
    startSync(chosen);
  });
}

/** Runs a refresh; a failure shows once in the notice rather than stopping the page. */
function every(ms, refresh) {
  const run = () => refresh().catch(e => notice(e.message, 'error'));
  run();
  setInterval(run, ms);
}

/** When the current run ends (or a new one starts), what it changed is shown at once rather than at the next refresh. */
let lastSeen; // undefined until the first look: from "no run yet" to a run is a change too
async function showCurrentRunAndItsEffects() {
  const run = await showCurrentRun();
  const seen = run ? run.id + ':' + run.status : null;
  if (lastSeen !== undefined && seen !== lastSeen) {
    showAttention().catch(() => {});
    showDaily().catch(() => {});
  }
  lastSeen = seen;
}

FS.page().then(() => {
  const button = document.getElementById('sync-now');
  if (button) button.addEventListener('click', () => startSync(null));
  entityChoices();
  every(60000, showConnection);
  every(2000, showCurrentRunAndItsEffects);
  every(10000, showAttention);
  every(5000, showBudget);
  every(60000, showDaily);
});
