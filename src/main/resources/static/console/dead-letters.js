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
      el('th', {}, 'Error'), el('th', { class: 'num' }, 'Tries'), el('th', {}, 'When'), el('th', {}, 'State'))),
    el('tbody', {}, letters.map(letter => el('tr', {},
      el('td', {}, letter.id),
      el('td', {}, letter.runId ? Activity.runLink(letter.runId) : ''),
      el('td', {}, letter.entity),
      el('td', { class: 'small' }, (letter.localIds || []).join(', ')),
      el('td', { class: 'message' }, (letter.errorType ? letter.errorType + ': ' : '') + (letter.error || '')),
      el('td', { class: 'num' }, letter.attempts),
      el('td', {}, when(letter.createdAt)),
      el('td', {}, letter.resolvedAt ? 'resolved ' + when(letter.resolvedAt) : status('OPEN')))))));
}

FS.page().then(() => {
  document.getElementById('open-only').addEventListener('change', show);
  show();
});
