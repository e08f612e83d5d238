// Dead letters: the batches Xero did not take after every try, newest first, with their run and records.
const { api, el, fill, notice, status, when } = FS;

async function show() {
  const open = document.getElementById('open-only').checked;
  let letters;
  try {
    letters = await api('/api/dead-letters?size=500&open=' + open);
  } catch (e) {
    notice(e.message, 'error');
    return;
  }
  if (!letters.length) {
    fill('letters', el('div', { class: 'empty' }, open ? 'No open dead letters.' : 'No dead letters.'));
    return;
  }
  fill('letters', el('table', { id: 'dead-letter-rows' },
    el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Run'), el('th', {}, 'Entity'), el('th', {}, 'Records'),
      el('th', {}, 'Error'), el('th', { class: 'num' }, 'Tries'), el('th', {}, 'When'), el('th', {}, 'State'), el('th', {}, ''))),
    el('tbody', {}, letters.map(letter => el('tr', { class: 'dead-letter' },
      el('td', {}, letter.id),
      el('td', {}, letter.runId ? Activity.runLink(letter.runId) : ''),
      el('td', {}, letter.entity),
      el('td', { class: 'small' }, (letter.localIds || []).join(', ')),
      el('td', { class: 'message' }, (letter.errorType ? letter.errorType + ': ' : '') + (letter.error || '')),
      el('td', { class: 'num' }, letter.attempts),
      el('td', {}, when(letter.createdAt)),
      el('td', {}, letter.resolvedAt ? 'resolved ' + when(letter.resolvedAt) : status('OPEN')),
      el('td', {}, batchAsSent(letter.id)))))));
}

/** The batch exactly as it was sent, fetched when asked for (GET /api/dead-letters/{id}). */
function batchAsSent(id) {
  const body = el('pre', { hidden: true, class: 'letter-body' });
  const toggle = el('button', { class: 'secondary', onclick: async () => {
    if (!body.textContent) body.textContent = (await api('/api/dead-letters/' + id)).body || '(no body kept)';
    body.hidden = !body.hidden;
  } }, 'Batch as sent');
  return [toggle, body];
}

FS.page().then(() => {
  document.getElementById('open-only').addEventListener('change', show);
  show();
});
