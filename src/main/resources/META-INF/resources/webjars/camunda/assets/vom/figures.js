// VOM Case: "Programme figures" on the Cockpit start page (plugin point cockpit.dashboard) for
// supervisors and administrators (R25). It shows GET /vom/figures for a period (referrals, contact,
// consent, meetings, agreements, fulfilment, satisfaction, phase times, closure reasons, caseload) and
// links the German TOA statistics export (GET /vom/figures/toa-export.csv) for the same period.
// Plain DOM: server data is only ever set as text (textContent), never as HTML.
// Imported by app/cockpit/scripts/vom-figures.js.

import { addStylesheet, el } from './dom.js';
import { t, label as codeLabel, formatDate, formatNumber, formatPercent, formatAmount } from './i18n.js';

// The /vom endpoints live at the root of the servlet context, next to /camunda.
const API = '/vom/figures';
const EXPORT = '/vom/figures/toa-export.csv';
const STORAGE_KEY = 'vom-figures-period';

// The words of the counting units the backend names (i18n.js); anything else is shown as the backend says.
const UNITS = {
  case: 'figures.unit.case',
  person: 'figures.unit.person',
  item: 'figures.unit.item',
  hour: 'figures.unit.hour',
  'days per case': 'figures.unit.daysPerCase',
  'open cases and overdue tasks per mediator': 'figures.unit.caseload',
  'currency unit': 'figures.unit.currencyUnit'
};

// The money block counts in the programme's currency ("currency unit"); the profile says which.

// The questions of the follow-up, in their order (their words: figures.question.<key>).
const SATISFACTION_QUESTIONS = ['satisfaction', 'fair', 'heard', 'recommend', 'fearChange'];

// Answers in their natural order; codes not listed here follow in the order the server sent them.
const ANSWER_ORDER = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied',
  'yes', 'partly', 'maybe', 'no', 'less_fear', 'no_change', 'more_fear', 'no_fear'];

// The phase times, in their order (their words: figures.phaseTime.<key>).
const PHASES = ['toFirstContact', 'toSession', 'toClosure'];

function addStyles() {
  addStylesheet(new URL('./figures.css', import.meta.url).href);
}

// --- formatting --------------------------------------------------------------------------------

const DASH = '–';

function isNumber(value) {
  return typeof value === 'number' && isFinite(value);
}

function count(value) {
  if (value === null || value === undefined) return DASH;
  return isNumber(value) ? formatNumber(value, { maximumFractionDigits: 1 }) : String(value);
}

function percent(rate) {
  if (!isNumber(rate)) return DASH;
  return formatPercent(rate);
}

// Sums of money in whole units of the programme's currency.
function amount(value, unit) {
  if (!isNumber(value)) return DASH;
  if (/^[A-Z]{3}$/.test(unit || '')) return formatAmount(value, unit, { maximumFractionDigits: 0 });
  return count(value) + (unit ? ' ' + unit : '');
}

// "victim_declined" -> "Victim declined": a key without words in i18n.js.
function label(key) {
  const text = String(key === null || key === undefined ? '' : key).replace(/_/g, ' ').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : t('figures.none');
}

// The words of a code of a family (stage, closureReason, answer), else the key in words.
function familyLabel(family, key) {
  return key === null || key === undefined || key === '' ? t('figures.none') : codeLabel(family, key, label(key));
}

function unitText(unit) {
  if (unit === null || unit === undefined || unit === '') return '';
  if (/^[A-Z]{3}$/.test(unit)) return t('figures.unit.inCurrency', { currency: unit });
  return UNITS[unit] ? t(UNITS[unit]) : String(unit);
}

// The money block with its currency: a currency code as unit, or the profile's currency (the server says which).
function moneyOf(f) {
  const money = (f.fulfilment || {}).money;
  if (!money) return null;
  const currency = /^[A-Z]{3}$/.test(money.unit || '') ? money.unit : f.currency;
  return currency ? Object.assign({}, money, { unit: currency }) : money;
}

function unitNote(unit) {
  const text = unitText(unit);
  return text ? el('span', { className: 'vom-figures-unit', text: text }) : null;
}

// Local calendar dates as YYYY-MM-DD (never toISOString, which is UTC).
function isoDate(date) {
  const pad = n => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

function formatDay(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(iso || ''))) return String(iso || '');
  return formatDate(iso);
}

export function quickPeriods(today = new Date()) {
  const year = today.getFullYear();
  const month = today.getMonth();
  const yearAgo = new Date(year - 1, month, today.getDate() + 1);
  const quarterStart = new Date(year, month - (month % 3) - 3, 1);
  const quarterEnd = new Date(quarterStart.getFullYear(), quarterStart.getMonth() + 3, 0);
  return [
    [t('figures.thisYear'), { from: isoDate(new Date(year, 0, 1)), to: isoDate(new Date(year, 11, 31)) }],
    [t('figures.last12Months'), { from: isoDate(yearAgo), to: isoDate(today) }],
    [t('figures.lastQuarter'), { from: isoDate(quarterStart), to: isoDate(quarterEnd) }]
  ];
}

function periodQuery(period) {
  const parts = [];
  if (period && period.from) parts.push('from=' + encodeURIComponent(period.from));
  if (period && period.to) parts.push('to=' + encodeURIComponent(period.to));
  return parts.join('&');
}

function savedPeriod() {
  try {
    const period = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    return period && typeof period.from === 'string' && typeof period.to === 'string' ? period : null;
  } catch (e) {
    return null;
  }
}

function savePeriod(period) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(period));
  } catch (e) {
    // private mode: the period is not remembered
  }
}

// --- loading -----------------------------------------------------------------------------------

async function load(period) {
  const query = periodQuery(period);
  let response;
  try {
    response = await fetch(API + (query ? '?' + query : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    return { error: t('figures.loadFailed', { error: error && error.message ? error.message : error }) };
  }
  if (response.status === 403) return { error: t('figures.forbidden'), kind: 'info', forbidden: true };
  if (response.status === 401) return { error: t('common.sessionEnded') };
  if (response.status === 400) {
    let detail = '';
    try {
      const body = await response.json();
      detail = body && (body.message || body.error) ? body.message || body.error : '';
    } catch (e) {
      // no JSON body
    }
    return { error: detail ? t('figures.periodInvalidDetail', { detail }) : t('figures.periodInvalid'), kind: 'warning' };
  }
  if (!response.ok) return { error: t('figures.loadFailedHttp', { status: response.status }) };
  try {
    return { figures: await response.json() };
  } catch (error) {
    return { error: t('figures.unreadable') };
  }
}

// --- building blocks ---------------------------------------------------------------------------

function tile(name, title, value, detail, unit) {
  return el('div', { className: 'vom-figures-tile vom-figures-tile-' + name },
    el('div', { className: 'vom-figures-tile-title', text: title }),
    el('div', { className: 'vom-figures-value', text: value }),
    el('div', { className: 'vom-figures-tile-detail', text: detail || '' }),
    unitNote(unit));
}

// "3 of 4", or with what is counted: ofText(3, 4, 'figures.ofReached') -> "3 of 4 reached".
function ofText(numerator, denominator, id) {
  if (numerator === undefined && denominator === undefined) return '';
  return t(id || 'figures.of', { part: count(numerator), whole: count(denominator) });
}

function block(name, title, unit, ...content) {
  return el('section', { className: 'vom-figures-block vom-figures-' + name, 'aria-label': title },
    el('h4', {}, el('span', { text: title }), ' ', unitNote(unit)),
    ...content);
}

function bar(share) {
  const width = isNumber(share) ? Math.max(0, Math.min(1, share)) * 100 : 0;
  return el('div', { className: 'vom-figures-bar', 'aria-hidden': 'true' },
    el('div', { className: 'vom-figures-bar-fill', style: 'width: ' + width.toFixed(1) + '%' }));
}

function sortedEntries(map, order) {
  const entries = Object.entries(map && typeof map === 'object' ? map : {});
  if (order) {
    const rank = key => { const i = order.indexOf(key); return i < 0 ? order.length : i; };
    return entries.map((entry, i) => [entry, i])
      .sort((a, b) => rank(a[0][0]) - rank(b[0][0]) || a[1] - b[1]).map(pair => pair[0]);
  }
  return entries.sort((a, b) => (isNumber(b[1]) ? b[1] : 0) - (isNumber(a[1]) ? a[1] : 0));
}

/**
 * A distribution as rows: label | bar | count | share. The bars are shares of `total` (or of the sum
 * of the counts when no total is given).
 */
function distribution(name, caption, map, { total, order, labels, family } = {}) {
  const entries = sortedEntries(map, order);
  const sum = entries.reduce((s, [, n]) => s + (isNumber(n) ? n : 0), 0);
  const base = isNumber(total) ? total : sum;
  const table = el('table', { className: 'vom-figures-distribution', 'data-name': name });
  if (caption) table.appendChild(el('caption', { text: caption }));
  const body = el('tbody');
  if (!entries.length) {
    body.appendChild(el('tr', { className: 'vom-figures-empty' }, el('td', { colspan: 4, className: 'text-muted', text: t('figures.noneRow') })));
  }
  for (const [key, n] of entries) {
    const share = base > 0 && isNumber(n) ? n / base : null;
    body.appendChild(el('tr', { 'data-key': key },
      el('th', { scope: 'row', className: 'vom-figures-label',
        text: (labels && labels[key]) || (family ? familyLabel(family, key) : label(key)) }),
      el('td', { className: 'vom-figures-bar-cell' }, bar(share)),
      el('td', { className: 'vom-figures-count', text: count(n) }),
      el('td', { className: 'vom-figures-share', text: percent(share) })));
  }
  table.appendChild(body);
  return table;
}

/** Rates as rows: label | bar | numerator of denominator | rate. */
function rateTable(name, rows) {
  const body = el('tbody');
  for (const row of rows) {
    body.appendChild(el('tr', { 'data-key': row.key },
      el('th', { scope: 'row', className: 'vom-figures-label' }, row.label, row.unit ? el('div', {}, unitNote(row.unit)) : null),
      el('td', { className: 'vom-figures-bar-cell' }, bar(row.rate)),
      el('td', { className: 'vom-figures-ratio', text: row.ratio }),
      el('td', { className: 'vom-figures-rate', text: percent(row.rate) })));
  }
  return el('table', { className: 'vom-figures-distribution vom-figures-rates', 'data-name': name }, body);
}

function missing(what) {
  return el('p', { className: 'text-muted', text: t('figures.noFigures', { what }) });
}

// --- the blocks --------------------------------------------------------------------------------

function tiles(f) {
  const cases = f.cases || {};
  const contact = f.contact || {};
  const agreements = f.agreements || {};
  const fulfilled = (f.fulfilment || {}).agreements || {};
  const money = moneyOf(f) || {};
  return el('div', { className: 'vom-figures-tiles' },
    tile('closed', t('figures.tile.closed'), count(cases.closed), '', cases.unit),
    tile('open', t('figures.tile.open'), count(cases.open), '', cases.unit),
    tile('contact', t('figures.tile.contact'), percent(contact.rate), ofText(contact.reached, contact.toContact, 'figures.ofReached'),
      contact.unit),
    tile('agreement', t('figures.tile.agreement'), percent(agreements.rate),
      ofText(agreements.agreements, agreements.sessions, 'figures.ofSessions'), agreements.unit),
    tile('fulfilment', t('figures.tile.fulfilment'), percent(fulfilled.rate),
      ofText(fulfilled.fulfilled, fulfilled.total, 'figures.ofAgreements'), fulfilled.unit),
    tile('money', t('figures.tile.money'), percent(money.rate),
      isNumber(money.agreed) || isNumber(money.paid) ? t('figures.of', { part: amount(money.paid, money.unit),
        whole: amount(money.agreed, money.unit) }) : '',
      money.unit));
}

function referralsBlock(r, labels) {
  if (!r) return block('referrals', t('figures.referrals'), null, missing(t('figures.referrals')));
  return block('referrals', t('figures.referrals'), r.unit,
    el('p', { className: 'vom-figures-total' }, el('span', { className: 'vom-figures-total-value', text: count(r.total) }),
      t('figures.referralsCount')),
    // The configured vocabulary's words for the referral sources in the staff language (labels.bySource).
    distribution('bySource', t('figures.bySource'), r.bySource, { total: r.total, labels: (labels || {}).bySource }),
    distribution('byStage', t('figures.byStage'), r.byStage, { total: r.total, family: 'stage' }));
}

function contactBlock(contact, consent) {
  const rows = [];
  if (contact) {
    rows.push({ key: 'contact', label: t('figures.reached'), unit: contact.unit, rate: contact.rate,
      ratio: ofText(contact.reached, contact.toContact) });
  }
  if (consent) {
    for (const [key, what] of [['victim', t('figures.victimsAgreed')], ['offender', t('figures.offendersAgreed')]]) {
      const c = consent[key] || {};
      rows.push({ key: 'consent-' + key, label: what, unit: consent.unit, rate: c.rate, ratio: ofText(c.agreed, c.asked) });
    }
  }
  const unit = contact && consent && contact.unit !== consent.unit ? null : (contact || consent || {}).unit;
  return block('contact', t('figures.contactAndConsent'), unit, rows.length ? rateTable('contact', rows) : missing(t('figures.contact')));
}

function meetingsBlock(m) {
  if (!m) return block('meetings', t('figures.meetings'), null, missing(t('figures.meetings')));
  const met = (isNumber(m.direct) ? m.direct : 0) + (isNumber(m.indirect) ? m.indirect : 0);
  const rate = isNumber(m.cases) && m.cases > 0 ? met / m.cases : null;
  return block('meetings', t('figures.meetings'), m.unit,
    el('p', { className: 'vom-figures-total' }, t('figures.meetingRate'),
      el('strong', { className: 'vom-figures-meeting-rate', text: percent(rate) }),
      el('span', { className: 'text-muted', text: ' (' + ofText(met, m.cases, 'figures.ofCases') + ')' })),
    distribution('meetings', null, { direct: m.direct, indirect: m.indirect, none: m.none },
      { total: m.cases, order: ['direct', 'indirect', 'none'],
        labels: { direct: t('figures.direct'), indirect: t('figures.indirect'), none: t('figures.noMeeting') } }));
}

function agreementsBlock(a, f) {
  const parts = [];
  if (a) {
    parts.push(rateTable('agreements', [{ key: 'agreements', label: t('figures.sessionsWithAgreement'), unit: a.unit, rate: a.rate,
      ratio: ofText(a.agreements, a.sessions) }]));
  }
  if (f && f.agreements) {
    const g = f.agreements;
    parts.push(el('h5', {}, t('figures.fulfilmentOfAgreements'), unitNote(g.unit)));
    parts.push(distribution('fulfilment', null, { fulfilled: g.fulfilled, partly: g.partly, notFulfilled: g.notFulfilled },
      { total: g.total, order: ['fulfilled', 'partly', 'notFulfilled'],
        labels: { fulfilled: t('figures.fulfilled'), partly: t('figures.partly'), notFulfilled: t('figures.notFulfilled') } }));
  }
  if (f) {
    const rows = [];
    if (f.items) {
      rows.push({ key: 'items', label: t('figures.itemsFulfilled'), unit: f.items.unit, rate: f.items.rate, ratio: ofText(f.items.fulfilled, f.items.total) });
    }
    if (f.money) {
      rows.push({ key: 'money', label: t('figures.moneyPaid'), unit: f.money.unit, rate: f.money.rate,
        ratio: t('figures.of', { part: amount(f.money.paid, f.money.unit), whole: amount(f.money.agreed, f.money.unit) }) });
    }
    if (f.hours) {
      rows.push({ key: 'hours', label: t('figures.communityWork'), unit: f.hours.unit, rate: f.hours.rate,
        ratio: t('figures.hoursOf', { part: count(f.hours.done), whole: count(f.hours.agreed) }) });
    }
    if (rows.length) {
      parts.push(el('h5', { text: t('figures.items') }));
      parts.push(rateTable('items', rows));
    }
  }
  return block('agreements', t('figures.agreementsAndFulfilment'), a ? a.unit : null,
    ...(parts.length ? parts : [missing(t('figures.agreements'))]));
}

function satisfactionBlock(s) {
  if (!s) return block('satisfaction', t('figures.satisfaction'), null, missing(t('figures.satisfactionShort')));
  const parts = [el('p', { className: 'vom-figures-total' },
    el('span', { className: 'vom-figures-total-value', text: count(s.conversations) }), t('figures.conversations'))];
  const known = SATISFACTION_QUESTIONS;
  const questions = SATISFACTION_QUESTIONS.map(key => [key, t('figures.question.' + key)]).concat(Object.keys(s)
    .filter(key => !known.includes(key) && s[key] && typeof s[key] === 'object' && !Array.isArray(s[key]))
    .map(key => [key, label(key)]));
  for (const [key, title] of questions) {
    if (!s[key] || typeof s[key] !== 'object') continue;
    parts.push(distribution(key, title, s[key], { order: ANSWER_ORDER, family: 'answer' }));
  }
  return block('satisfaction', t('figures.satisfaction'), s.unit, ...parts);
}

function phasesBlock(p) {
  if (!p) return block('phases', t('figures.phases'), null, missing(t('figures.phasesShort')));
  const body = el('tbody');
  const known = PHASES;
  const phases = PHASES.map(key => [key, t('figures.phaseTime.' + key)]).concat(Object.keys(p)
    .filter(key => !known.includes(key) && p[key] && typeof p[key] === 'object')
    .map(key => [key, label(key)]));
  for (const [key, title] of phases) {
    const phase = p[key];
    if (!phase || typeof phase !== 'object') continue;
    body.appendChild(el('tr', { 'data-key': key },
      el('th', { scope: 'row', text: title }),
      el('td', { className: 'vom-figures-number vom-figures-cases', text: count(phase.cases) }),
      el('td', { className: 'vom-figures-number vom-figures-median', text: count(phase.median) }),
      el('td', { className: 'vom-figures-number vom-figures-p90', text: count(phase.p90) })));
  }
  return block('phases', t('figures.phases'), p.unit,
    el('table', { className: 'table table-condensed vom-figures-table' },
      el('thead', {}, el('tr', {},
        el('th', { text: t('figures.phase') }),
        el('th', { className: 'vom-figures-number', text: t('figures.cases') }),
        el('th', { className: 'vom-figures-number', text: t('figures.median') }),
        el('th', { className: 'vom-figures-number', text: t('figures.p90') }))),
      body));
}

function closureBlock(c) {
  if (!c) return block('closure', t('figures.closureReasons'), null, missing(t('figures.closureReasons')));
  return block('closure', t('figures.closureReasons'), c.unit, distribution('closureReasons', null, c.counts, { family: 'closureReason' }));
}

function caseloadBlock(c) {
  if (!c) return block('caseload', t('figures.caseload'), null, missing(t('figures.caseload')));
  const mediators = Array.isArray(c.mediators) ? c.mediators : [];
  const body = el('tbody');
  if (!mediators.length) {
    body.appendChild(el('tr', { className: 'vom-figures-empty' }, el('td', { colspan: 3, className: 'text-muted', text: t('figures.noMediators') })));
  }
  for (const m of mediators) {
    const overdue = isNumber(m.overdueTasks) && m.overdueTasks > 0;
    body.appendChild(el('tr', { className: 'vom-figures-caseload-row', 'data-user': m.userId },
      el('th', { scope: 'row', className: 'vom-figures-mediator' }, m.name || m.userId || '',
        m.name && m.userId ? el('span', { className: 'text-muted', text: ' (' + m.userId + ')' }) : null),
      el('td', { className: 'vom-figures-number vom-figures-open', text: count(m.openCases) }),
      el('td', { className: 'vom-figures-number vom-figures-overdue' + (overdue ? ' text-danger' : ''), text: count(m.overdueTasks) })));
  }
  return block('caseload', t('figures.caseloadNow'), null,
    c.unit ? el('p', { className: 'vom-figures-unit', text: unitText(c.unit) }) : null,
    el('table', { className: 'table table-condensed vom-figures-table' },
      el('thead', {}, el('tr', {},
        el('th', { text: t('figures.mediator') }),
        el('th', { className: 'vom-figures-number', text: t('figures.openCases') }),
        el('th', { className: 'vom-figures-number', text: t('figures.overdueTasks') }))),
      body));
}

function figuresView(f) {
  const period = f.period || {};
  const meta = [t('figures.period', { from: formatDay(period.from), to: formatDay(period.to) })];
  if (f.profile) meta.push(t('figures.profile', { profile: f.profile }));
  if (isNumber(f.elapsedMs)) meta.push(t('figures.computedIn', { ms: count(f.elapsedMs) }));
  return el('div', { className: 'vom-figures-content' },
    el('p', { className: 'vom-figures-meta text-muted', text: meta.join(' · ') }),
    tiles(f),
    el('div', { className: 'vom-figures-grid' },
      referralsBlock(f.referrals, f.labels),
      contactBlock(f.contact, f.consent),
      meetingsBlock(f.meetings),
      agreementsBlock(f.agreements, f.fulfilment && Object.assign({}, f.fulfilment, { money: moneyOf(f) })),
      closureBlock(f.closureReasons),
      phasesBlock(f.phases),
      caseloadBlock(f.caseload),
      satisfactionBlock(f.satisfaction)));
}

// --- the page ----------------------------------------------------------------------------------

function show(node) {
  addStyles();
  node.classList.add('vom-figures');
  const from = el('input', { type: 'date', className: 'form-control input-sm', name: 'from', 'aria-label': t('figures.from'), required: true });
  const to = el('input', { type: 'date', className: 'form-control input-sm', name: 'to', 'aria-label': t('figures.to'), required: true });
  const csv = el('a', { className: 'btn btn-default btn-sm vom-figures-export', href: EXPORT, download: '' },
    el('span', { className: 'glyphicon glyphicon-download-alt', 'aria-hidden': 'true' }), ' ' + t('figures.export'));
  const problem = el('span', { className: 'text-danger vom-figures-problem', role: 'alert' });
  const content = el('div', { className: 'vom-figures-body', 'aria-live': 'polite' },
    el('p', { className: 'text-muted', text: t('figures.loading') }));
  let sequence = 0;

  const setInputs = period => {
    from.value = period && period.from ? period.from : '';
    to.value = period && period.to ? period.to : '';
    const query = periodQuery(period);
    csv.href = EXPORT + (query ? '?' + query : '');
  };

  const refresh = async period => {
    const mine = ++sequence;
    problem.textContent = '';
    node.classList.add('vom-figures-loading');
    if (period) setInputs(period);
    const { figures, error, kind, forbidden } = await load(period);
    if (mine !== sequence) return; // a later request answers for a later period
    node.classList.remove('vom-figures-loading');
    if (error) {
      if (forbidden) {
        // Nothing to show: the section keeps Camunda's place (last) on the dashboard.
        node.setAttribute('data-forbidden', '');
        const dashboard = node.closest('.dashboard');
        if (dashboard) dashboard.classList.remove('vom-figures-dashboard');
        node.replaceChildren(el('div', { className: 'vom-figures-header' }, el('h3', { text: t('figures.title') })),
          el('div', { className: 'alert alert-info vom-figures-forbidden', role: 'status', text: error }));
        return;
      }
      content.replaceChildren(el('div', { className: 'alert alert-' + (kind || 'danger') + ' vom-figures-notice', role: 'alert', text: error }));
      return;
    }
    const answered = figures.period && figures.period.from && figures.period.to ? figures.period : period;
    setInputs(answered);
    if (answered) savePeriod({ from: answered.from, to: answered.to });
    node.setAttribute('data-from', answered && answered.from ? answered.from : '');
    node.setAttribute('data-to', answered && answered.to ? answered.to : '');
    content.replaceChildren(figuresView(figures));
  };

  const choose = period => {
    if (!period.from || !period.to) {
      problem.textContent = t('figures.chooseBoth');
      return;
    }
    if (period.from > period.to) {
      problem.textContent = t('figures.endsBeforeStart');
      return;
    }
    refresh(period);
  };

  const form = el('form', { className: 'form-inline vom-figures-period', novalidate: true },
    el('label', {}, t('figures.fromLabel'), from), ' ',
    el('label', {}, t('figures.toLabel'), to), ' ',
    el('button', { type: 'submit', className: 'btn btn-primary btn-sm vom-figures-show', text: t('figures.show') }), ' ',
    el('span', { className: 'btn-group vom-figures-quick', role: 'group', 'aria-label': t('figures.quickPeriods') },
      ...quickPeriods().map(([title, period]) => el('button', { type: 'button', className: 'btn btn-default btn-sm', text: title,
        onclick: () => choose(period) }))),
    ' ', csv, ' ', problem);
  form.addEventListener('submit', event => {
    event.preventDefault();
    choose({ from: from.value, to: to.value });
  });

  node.replaceChildren(
    el('div', { className: 'vom-figures-header' },
      el('h3', { text: t('figures.title') }),
      form),
    content);
  refresh(savedPeriod());
  adoptSection(node);
}

// On the dashboard, Camunda puts the plugin in its "Custom Plugins" section, last: the section is named
// "Programme figures" and comes first (figures.css). The node is attached after render() returns.
function adoptSection(node, tries = 20) {
  const section = node.closest('section.deprecate');
  if (!section) {
    if (tries > 0 && !node.isConnected) setTimeout(() => adoptSection(node, tries - 1), 50);
    return;
  }
  if (section.querySelectorAll('[data-plugin-id]').length !== 1) return; // other plugins share the section
  section.classList.add('vom-figures-section');
  const title = section.querySelector('header .section-title');
  if (title) title.textContent = t('figures.title');
  const dashboard = section.closest('.dashboard');
  if (dashboard && !node.hasAttribute('data-forbidden')) dashboard.classList.add('vom-figures-dashboard');
}

/** A plugin definition of the Camunda 7.14+ format: render(node) gets a fresh node on each visit. */
export function figuresPlugin({ id, pluginPoint, priority }) {
  return {
    id,
    pluginPoint,
    priority,
    render: node => { show(node); },
    properties: { label: t('figures.title') }
  };
}
