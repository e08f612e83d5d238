// Reports: the reconciliation and the system activity for a period, on screen and as CSV. Any
// period may be asked; what the API refuses (a period too long for the day's Xero budget) is shown
// in its own words.
const { api, el, fill, notice, when } = FS;

const WORDS = { DIFFERENT: 'Different', MISSED_IN_XERO: 'Missed in Xero', MISSED_IN_FSM: 'Missed in the FSM' };
const day = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const lastDayOf = (year, month) => new Date(year, month + 1, 0);

/** Quick picks, each [label, from, to] as local dates. */
function quickPicks(today = new Date()) {
  const y = today.getFullYear(), m = today.getMonth();
  const quarterStart = m - (m % 3);                      // Jan, Apr, Jul, Oct
  const lastQuarter = new Date(y, quarterStart - 3, 1);   // the quarter before the current one
  const fyEnd = m >= 6 ? y : y - 1;                       // the last 30 June passed
  const names = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];
  return [
    ['This month', new Date(y, m, 1), today],
    ['Last month', new Date(y, m - 1, 1), lastDayOf(y, m - 1)],
    ['Last BAS quarter (' + names[lastQuarter.getMonth() / 3] + ' ' + lastQuarter.getFullYear() + ')', lastQuarter,
      lastDayOf(lastQuarter.getFullYear(), lastQuarter.getMonth() + 2)],
    ['Last financial year (' + (fyEnd - 1) + '–' + String(fyEnd).slice(2) + ')', new Date(fyEnd - 1, 6, 1), new Date(fyEnd, 5, 30)],
  ].map(([label, from, to]) => [label, day(from), day(to)]);
}

function period() {
  return { from: document.getElementById('from').value, to: document.getElementById('to').value };
}

const query = p => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

function money(value) {
  return value === null || value === undefined ? '' : Number(value).toLocaleString('en-AU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Saves text as a file through an <a download> link. */
function saveFile(name, text, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(url); link.remove(); }, 1000);
}

function csvLine(values) {
  return values.map(v => {
    let text = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = "'" + text;  // never a formula in a spreadsheet
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }).join(',') + '\r\n';
}

async function showReconciliation(p) {
  const box = document.getElementById('reconciliation');
  box.className = 'muted';
  fill('reconciliation', 'Reconciling ' + p.from + ' to ' + p.to + ' against Xero…');
  document.getElementById('reconciliation-period').textContent = p.from + ' to ' + p.to;
  try {
    const report = await api('/api/reports/reconciliation?' + query(p));
    box.className = '';
    const missedXero = report.differences.filter(d => d.status === 'MISSED_IN_XERO').length;
    const missedFsm = report.differences.filter(d => d.status === 'MISSED_IN_FSM').length;
    const different = report.differences.filter(d => d.status === 'DIFFERENT').length;
    fill('reconciliation',
      el('div', { class: 'counts', id: 'reconciliation-counts' },
        el('div', { class: 'count' }, el('b', { id: 'matched' }, report.matched), 'matched'),
        el('div', { class: 'count' }, el('b', {}, different), 'different'),
        el('div', { class: 'count' }, el('b', {}, missedXero), 'missed in Xero'),
        el('div', { class: 'count' }, el('b', {}, missedFsm), 'missed in the FSM'),
        el('div', { class: 'count' }, el('b', {}, report.apiCalls), 'Xero calls used')),
      report.differences.length === 0 ? el('p', { class: 'notice ok' }, 'Every document of the period agrees.')
        : el('table', { id: 'differences' },
          el('thead', {}, el('tr', {}, ['Document', 'Kind', 'FSM total', 'Xero total', 'Status', 'What differs'].map(h => el('th', {}, h)))),
          el('tbody', {}, report.differences.map(d => el('tr', {},
            el('td', {}, d.number || (d.localId ? '#' + d.localId : d.xeroId)),
            el('td', {}, d.entity),
            el('td', { class: 'money' }, money(d.fsmTotal)),
            el('td', { class: 'money' }, money(d.xeroTotal)),
            el('td', { title: d.status }, el('span', { class: 'status ' + d.status }, WORDS[d.status] || d.status)),
            el('td', {}, d.reason || (d.differs || []).join(', ')))))));
    return true;
  } catch (e) {
    box.className = '';
    fill('reconciliation', el('div', { class: 'notice error', id: 'reconciliation-refused', role: 'alert' },
      el('strong', {}, 'The API refused this period: '), e.message));
    return false;
  }
}

let activity = null;

async function showActivity(p) {
  document.getElementById('activity-period').textContent = p.from + ' to ' + p.to;
  try {
    activity = await api('/api/reports/activity?' + query(p));
  } catch (e) {
    activity = null;
    fill('activity', el('div', { class: 'notice error', role: 'alert' }, e.message));
    return;
  }
  const rows = activityRows(activity);
  document.getElementById('activity').className = '';
  fill('activity', el('p', { class: 'muted' }, `${activity.runs.length} syncs, ${activity.settingsChanges.length} settings changes, `
      + `${activity.payments.length} payments imported or reversed.`),
  rows.length ? el('table', { id: 'activity-table' },
    el('thead', {}, el('tr', {}, ['When', 'What', 'Who', 'Details'].map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, el('td', {}, when(r.at)), el('td', {}, r.link ? el('a', { href: r.link }, r.what) : r.what),
      el('td', {}, r.who), el('td', {}, r.details))))) : el('p', {}, 'Nothing happened in this period.'));
}

/** The three lists of the activity report as one time line, newest first. */
function activityRows(a) {
  const rows = [
    ...a.runs.map(r => ({ at: r.startedAt, what: 'Sync ' + r.id + ' (' + r.trigger.toLowerCase() + ')', link: 'run.html?id=' + r.id,
      who: r.requestedBy || 'the schedule', details: r.status + (r.finishedAt ? ', ended ' + when(r.finishedAt) : '') + (r.message ? ': ' + r.message : '') })),
    ...a.settingsChanges.map(c => ({ at: c.changedAt, what: 'Setting ' + c.setting, who: c.changedBy,
      details: (c.oldValue === null ? 'default' : c.oldValue) + ' → ' + (c.newValue === null ? 'default' : c.newValue) })),
    ...a.payments.map(pay => ({ at: pay.at, what: 'Payment ' + pay.outcome.toLowerCase(), who: 'payment import',
      details: money(pay.amount) + (pay.invoiceNumber ? ' on ' + pay.invoiceNumber : '') + (pay.reason ? ': ' + pay.reason : '') })),
  ];
  return rows.sort((x, y) => String(y.at).localeCompare(String(x.at)));
}

async function downloadReconciliation() {
  const p = period();
  try {
    const csv = await api('/api/reports/reconciliation?' + query(p), { accept: 'text/csv' });
    saveFile(`reconciliation-${p.from}-${p.to}.csv`, csv);
    notice('Saved reconciliation-' + p.from + '-' + p.to + '.csv.');
  } catch (e) {
    notice('No CSV: ' + e.message, 'error');
  }
}

function downloadActivity() {
  if (!activity) return;
  const p = period();
  let csv = csvLine(['at', 'kind', 'what', 'who', 'details']);
  for (const r of activity.runs) csv += csvLine([r.startedAt, 'sync', 'Sync ' + r.id + ' ' + r.trigger, r.requestedBy || 'schedule', r.status + (r.message ? ': ' + r.message : '')]);
  for (const c of activity.settingsChanges) csv += csvLine([c.changedAt, 'setting', c.setting, c.changedBy, (c.oldValue ?? 'default') + ' -> ' + (c.newValue ?? 'default')]);
  for (const pay of activity.payments) csv += csvLine([pay.at, 'payment', pay.outcome + ' ' + pay.paymentId, 'payment import', pay.amount + (pay.invoiceNumber ? ' on ' + pay.invoiceNumber : '') + (pay.reason ? ': ' + pay.reason : '')]);
  saveFile(`activity-${p.from}-${p.to}.csv`, csv);
}

async function mailReconciliation() {
  const p = period();
  try {
    const report = await api('/api/reports/reconciliation/mail?' + query(p), { method: 'POST' });
    notice(`The reconciliation of ${p.from} to ${p.to} (${report.differences.length} differences, ${report.matched} matched) goes to the alert mailing list.`);
  } catch (e) {
    notice('Not mailed: ' + e.message, 'error');
  }
}

async function show(event) {
  if (event) event.preventDefault();
  const p = period();
  if (!p.from || !p.to) return;
  history.replaceState(null, '', '?' + query(p));
  document.querySelectorAll('#quick button').forEach(b => b.classList.toggle('here', b.dataset.from === p.from && b.dataset.to === p.to));
  ['download-reconciliation', 'mail-reconciliation', 'download-activity'].forEach(id => {
    const b = document.getElementById(id);
    if (b) b.disabled = true;
  });
  const [reconciled] = await Promise.all([showReconciliation(p), showActivity(p)]);
  document.getElementById('download-reconciliation').disabled = !reconciled;
  const mail = document.getElementById('mail-reconciliation');
  if (mail) mail.disabled = !reconciled;
  document.getElementById('download-activity').disabled = !activity;
}

FS.page().then(() => {
  fill('quick', el('span', { class: 'muted' }, 'Quick picks:'), quickPicks().map(([label, from, to]) =>
    el('button', { type: 'button', class: 'secondary', 'data-from': from, 'data-to': to,
      onclick: () => { document.getElementById('from').value = from; document.getElementById('to').value = to; show(); } }, label)));
  document.getElementById('period').addEventListener('submit', show);
  document.getElementById('download-reconciliation').addEventListener('click', downloadReconciliation);
  document.getElementById('download-activity').addEventListener('click', downloadActivity);
  const mail = document.getElementById('mail-reconciliation');
  if (mail) mail.addEventListener('click', mailReconciliation);
  const asked = new URLSearchParams(location.search);
  const [, from, to] = asked.get('from') ? [null, asked.get('from'), asked.get('to')] : quickPicks()[1];
  document.getElementById('from').value = from;
  document.getElementById('to').value = to;
  if (asked.get('from')) show();
  else showActivity(period());
});
