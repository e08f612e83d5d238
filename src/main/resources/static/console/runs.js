// Runs: the sync history, newest first: how each started and by whom, when, how long, and its
// counts per entity. Refreshes itself while a run is RUNNING.
const { api, el, fill, notice, status, when, duration } = FS;

function perEntity(counts) {
  if (!Object.keys(counts || {}).length) return el('span', { class: 'muted small' }, 'no record changed');
  return el('span', { class: 'small' }, Object.entries(counts || {}).map(([entity, c]) =>
    el('span', { class: 'entity-count', title: `${entity}: ${c.synced} synced, ${c.failed} failed, ${c.skipped} skipped` },
      entity + ' ', Activity.count(c.synced, 'synced'), '/',
      Activity.count(c.failed, 'failed'), '/', Activity.count(c.skipped, 'skipped'))));
}

function row(run) {
  const sum = Activity.totals(run.counts);
  const running = run.status === 'RUNNING';
  return el('tr', { id: 'run-' + run.id },
    el('td', { class: 'nowrap' }, Activity.runLink(run.id)),
    el('td', {}, status(run.status)),
    el('td', {}, run.trigger === 'SCHEDULED' ? 'Scheduled' : 'Manual',
      run.entities ? el('div', { class: 'muted small run-entities' }, run.entities.join(', ') + ' only') : null),
    el('td', {}, run.requestedBy || (run.trigger === 'SCHEDULED' ? 'the schedule' : '')),
    el('td', { class: 'nowrap' }, when(run.startedAt)),
    el('td', { class: 'nowrap' }, running ? 'running ' + duration(Activity.seconds(run.startedAt)) : duration(Activity.seconds(run.startedAt, run.finishedAt))),
    el('td', { class: 'num' }, Activity.count(sum.synced, 'synced')),
    el('td', { class: 'num' }, Activity.count(sum.failed, 'failed')),
    el('td', { class: 'num' }, Activity.count(sum.skipped, 'skipped')),
    el('td', {}, perEntity(run.counts)));
}

let timer = null;

async function showRuns() {
  const limit = document.getElementById('limit').value;
  try {
    const runs = await api('/api/syncs?limit=' + encodeURIComponent(limit));
    fill('run-rows', runs.length ? runs.map(row) : el('tr', {}, el('td', { colspan: 10, class: 'muted' }, 'No sync has run yet.')));
    clearTimeout(timer);
    if (runs.some(run => run.status === 'RUNNING')) timer = setTimeout(showRuns, 2000);
  } catch (e) {
    notice(e.message, 'error');
  }
}

FS.page().then(() => {
  const limit = document.getElementById('limit');
  const wanted = new URLSearchParams(location.search).get('limit');
  if (wanted) limit.value = wanted;
  limit.addEventListener('change', () => {
    history.replaceState(null, '', '?limit=' + limit.value);
    showRuns();
  });
  showRuns();
});
