// One run: how it started, its counts per entity, its steps in order, the records that failed in
// it and its dead letters. Live while the run is RUNNING.
const { api, apiPage, el, fill, notice, status, when, duration } = FS;

const id = new URLSearchParams(location.search).get('id');

function recordsLink(query, text, attributes = {}) {
  return el('a', { href: 'records.html?' + new URLSearchParams(query), ...attributes }, text);
}

function showFacts(run) {
  const running = run.status === 'RUNNING';
  document.title = 'FieldSync · Sync ' + run.id;
  fill('title', 'Sync ' + run.id + ' ', el('span', { id: 'run-status' }, status(run.status)));
  fill('facts', el('dl', { class: 'facts' },
    el('dt', {}, 'Trigger'), el('dd', { id: 'run-trigger' }, run.trigger === 'SCHEDULED' ? 'Scheduled' : 'Manual',
      run.entities ? ' (' + run.entities.join(', ') + ' only)' : ''),
    el('dt', {}, 'Who'), el('dd', { id: 'run-who' }, run.requestedBy || 'the schedule'),
    el('dt', {}, 'Started'), el('dd', {}, when(run.startedAt)),
    el('dt', {}, 'Finished'), el('dd', {}, running ? 'still running' : when(run.finishedAt)),
    el('dt', {}, running ? 'Running for' : 'Took'), el('dd', {}, duration(Activity.seconds(run.startedAt, run.finishedAt))),
    run.message ? el('dt', {}, 'Message') : null, run.message ? el('dd', {}, run.message) : null));
  fill('outcome', el('div', { class: 'big' }, Activity.outcomes(Activity.totals(run.counts), 'run-totals')),
    running ? (Activity.progress(run.progress)
      || el('div', { class: 'muted small', id: 'progress' }, 'Live progress: not available on this server.')) : null);
}

function showCounts(run) {
  const entries = Object.entries(run.counts || {});
  fill('count-rows', entries.length ? entries.map(([entity, c]) => el('tr', { id: 'count-' + entity },
    el('td', {}, entity),
    el('td', { class: 'num' }, Activity.count(c.synced, 'synced')),
    el('td', { class: 'num' }, Activity.count(c.failed, 'failed')),
    el('td', { class: 'num' }, Activity.count(c.skipped, 'skipped')),
    el('td', {}, c.failed ? recordsLink({ entity, status: 'FAILED', run: run.id }, 'Failed ' + entity + ' records') : '')))
    : el('tr', {}, el('td', { colspan: 5, class: 'muted' }, run.status === 'RUNNING' ? 'Nothing counted yet.' : 'This run counted no records.')));
}

async function showTimeline(run) {
  let steps;
  try {
    steps = await api('/api/syncs/' + run.id + '/timeline');
  } catch (e) {
    fill('timeline', Activity.notAvailable("The run's timeline"));
    return;
  }
  if (!steps.length) {
    fill('timeline', el('div', { class: 'empty' }, 'No step has started yet.'));
    return;
  }
  const start = new Date(run.startedAt).getTime();
  const end = Math.max(start + 1000, run.finishedAt ? new Date(run.finishedAt).getTime() : Date.now(),
    ...steps.map(s => s.finishedAt ? new Date(s.finishedAt).getTime() : Date.now()));
  const place = s => {
    const from = new Date(s.startedAt).getTime();
    const to = s.finishedAt ? new Date(s.finishedAt).getTime() : Date.now();
    return `left:${(from - start) / (end - start) * 100}%;width:${Math.max(0.3, (to - from) / (end - start) * 100)}%`;
  };
  fill('timeline', el('table', { id: 'timeline-steps' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Step'), el('th', {}, 'Entity'), el('th', {}, 'Started'), el('th', {}, 'Took'),
      el('th', { class: 'num' }, 'Synced'), el('th', { class: 'num' }, 'Failed'), el('th', { class: 'num' }, 'Skipped'), el('th', { style: 'width:30%' }, ''))),
    el('tbody', {}, steps.map(s => el('tr', {},
      el('td', {}, s.step), el('td', {}, s.entity || ''),
      el('td', {}, s.startedAt ? new Date(s.startedAt).toLocaleTimeString() : ''),
      el('td', {}, s.finishedAt ? duration(Activity.seconds(s.startedAt, s.finishedAt)) : 'running'),
      el('td', { class: 'num' }, Activity.count(s.synced ?? '', 'synced')),
      el('td', { class: 'num' }, Activity.count(s.failed ?? '', 'failed')),
      el('td', { class: 'num' }, Activity.count(s.skipped ?? '', 'skipped')),
      el('td', {}, el('div', { class: 'timeline-bar' }, el('div', { class: s.finishedAt ? '' : 'open', style: place(s) }))))))));
}

async function showFailed(run) {
  fill('failed-note', 'Records whose outcome this run wrote and that failed (a later run that wrote theirs takes them).');
  const query = { status: 'FAILED', run: run.id };
  const found = await apiPage('/api/records?' + new URLSearchParams({ ...query, size: 20 }));
  if (!found.items.length) {
    fill('failed', el('div', { class: 'empty', id: 'no-failed' }, 'No record failed in this run.'));
    return;
  }
  fill('failed', el('table', { id: 'failed-records' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Entity'), el('th', {}, 'Record'), el('th', {}, "Xero's words"), el('th', {}, 'When'))),
    el('tbody', {}, found.items.map(r => el('tr', {},
      el('td', {}, r.entity), el('td', {}, r.localId), el('td', { class: 'message' }, r.message || ''), el('td', {}, when(r.updatedAt)))))),
    el('p', {}, recordsLink(query, (found.total > found.items.length ? 'All ' + found.total + ' failed records' : 'Open these') + ' in Records →', { id: 'failed-all' })));
}

async function showDeadLetters(run) {
  let letters;
  try {
    letters = await api('/api/dead-letters?size=500&run=' + run.id);
  } catch (e) {
    fill('dead-letters', Activity.notAvailable('Dead letters'));
    return;
  }
  if (!letters.length) {
    fill('dead-letters', el('div', { class: 'empty' }, 'No dead letters: Xero answered every batch of this run.'));
    return;
  }
  fill('dead-letters', el('table', { id: 'run-dead-letters' },
    el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Entity'), el('th', {}, 'Records'), el('th', {}, 'Error'),
      el('th', { class: 'num' }, 'Tries'), el('th', {}, 'State'))),
    el('tbody', {}, letters.map(letter => el('tr', {},
      el('td', {}, letter.id), el('td', {}, letter.entity), el('td', { class: 'small' }, (letter.localIds || []).join(', ')),
      el('td', { class: 'message' }, (letter.errorType ? letter.errorType + ': ' : '') + (letter.error || '')),
      el('td', { class: 'num' }, letter.attempts),
      el('td', {}, letter.resolvedAt ? 'resolved ' + when(letter.resolvedAt) : status('OPEN')))))));
}

async function show() {
  let run;
  try {
    run = await api('/api/syncs/' + encodeURIComponent(id));
  } catch (e) {
    fill('title', 'Sync ' + (id || ''));
    notice(e.message, 'error');
    return;
  }
  showFacts(run);
  showCounts(run);
  await Promise.all([showTimeline(run), showFailed(run).catch(e => fill('failed', e.message)), showDeadLetters(run)]);
  if (run.status === 'RUNNING') setTimeout(show, 2000);
}

FS.page().then(show);
