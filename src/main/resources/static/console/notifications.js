// Notifications: Xero payments waiting for a person, alerts and run reports.
const { api, el, fill, when } = FS;

function table(headings, rows, empty) {
  if (rows.length === 0) return el('p', { class: 'muted' }, empty);
  return el('table', {}, el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))), el('tbody', {}, rows));
}

async function showPayments() {
  const payments = await api('/api/payments/unmatched');
  fill('payments', table(['Paid on', 'Amount', 'Contact', 'Xero invoice', 'Reference', 'Why it waits'],
    payments.map(p => el('tr', { class: 'unmatched-payment' },
      el('td', {}, p.date || ''), el('td', {}, p.amount), el('td', {}, p.contactName || ''),
      el('td', {}, p.invoiceNumber || ''), el('td', {}, p.reference || ''), el('td', {}, p.reason || ''))),
    'None: every payment entered in Xero found its invoice.'));
}

async function showAlerts() {
  const alerts = await api('/api/notifications?limit=100');
  fill('alerts', table(['When', 'Kind', 'Subject', 'Run', 'Sent'],
    alerts.map(a => {
      const body = el('pre', { hidden: true }, a.body || '');
      return el('tr', { class: 'notification' }, el('td', {}, when(a.createdAt)), el('td', {}, a.kind),
        el('td', {}, el('a', { href: '#', onclick: e => { e.preventDefault(); body.hidden = !body.hidden; } }, a.subject), body),
        el('td', {}, a.runId ? el('a', { href: 'run.html?id=' + a.runId }, String(a.runId)) : ''),
        el('td', {}, a.delivery === 'INTERNAL' ? 'kept here (no mail server set)'
          : a.sentAt ? 'mailed ' + when(a.sentAt) : 'not yet' + (a.lastError ? ': ' + a.lastError : '')));
    }), 'Nothing yet.'));
}

FS.page().then(() => Promise.all([showPayments(), showAlerts()]));
