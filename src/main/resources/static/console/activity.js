/*
 * What the Overview, Runs, Run and Records pages share: the entity names, a run's counts added
 * up, a running sync's progress, and "not available" for a part whose API this server lacks.
 */
const Activity = (() => {
  const { el, status, duration } = FS;

  /** The operator API's entity names, in the order a full sync takes them (io.fieldsync.settings.SyncEntities.NAMES). */
  const ENTITIES = ['contact', 'vendor', 'item', 'invoice', 'payment', 'purchase-order', 'bill', 'attachment',
    'bill-attachment', 'payment-fee', 'payment-surcharge'];

  /** A run's counts per entity added up: {synced, failed, skipped}. */
  function totals(counts) {
    const sum = { synced: 0, failed: 0, skipped: 0 };
    for (const c of Object.values(counts || {})) {
      sum.synced += c.synced || 0;
      sum.failed += c.failed || 0;
      sum.skipped += c.skipped || 0;
    }
    return sum;
  }

  /** A count coloured as its outcome; a zero stays quiet. */
  function count(n, kind) {
    return el('span', { class: 'n ' + kind + (n ? '' : ' zero') }, n ?? '');
  }

  /** "12 synced · 3 failed · 0 skipped", each coloured as its outcome. */
  function outcomes(sum, id) {
    return el('span', { class: 'outcomes', id },
      count(sum.synced, 'synced'), ' synced · ', count(sum.failed, 'failed'), ' failed · ',
      count(sum.skipped, 'skipped'), ' skipped');
  }

  /**
   * A running sync's progress (GET /api/syncs/{id} "progress"): the step and entity, records done
   * of those known, the rate and the time left. Null when the server does not report progress.
   */
  function progress(p) {
    if (!p) return null;
    const known = p.total !== null && p.total !== undefined && p.total > 0;
    const share = known ? Math.min(100, Math.round(100 * (p.done || 0) / p.total)) : null;
    return el('div', { class: 'live', id: 'progress' },
      el('div', {}, el('strong', { id: 'progress-step' }, [p.step, p.entity].filter(Boolean).join(' · ') || 'Starting')),
      el('div', { class: 'progress', title: known ? share + '%' : 'total not known yet' },
        el('div', { style: 'width:' + (known ? share : 100) + '%', class: known ? '' : 'unknown' })),
      el('div', { class: 'muted small' },
        el('span', { id: 'progress-done' }, (p.done || 0) + (known ? ' of ' + p.total : '') + ' records'),
        p.recordsPerSecond !== null && p.recordsPerSecond !== undefined ? ' · ' + Number(p.recordsPerSecond).toFixed(1) + ' a second' : '',
        p.secondsLeft !== null && p.secondsLeft !== undefined ? ' · about ' + duration(p.secondsLeft) + ' left' : ''));
  }

  /** Seconds between two instants (the second one now when not given). */
  function seconds(from, to) {
    return from ? ((to ? new Date(to) : new Date()) - new Date(from)) / 1000 : null;
  }

  /** Said where a part of a page needs an API this server does not offer (yet). */
  function notAvailable(what) {
    return el('span', { class: 'muted not-available' }, what + ': not available on this server.');
  }

  function runLink(id, attributes = {}) {
    return el('a', { href: 'run.html?id=' + id, ...attributes }, 'Sync ' + id);
  }

  return { ENTITIES, count, totals, outcomes, progress, seconds, notAvailable, runLink, status };
})();
