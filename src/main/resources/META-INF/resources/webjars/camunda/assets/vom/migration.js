// VOM Case: "Migrate cases", a Cockpit page for administrators (route #/vom-migration, with an entry in
// Cockpit's navigation bar). It moves running cases onto another version of a process and of the processes
// it calls, with the application's endpoints (README "Moving running cases to another version"):
// POST /vom/migrations/plan (the dry run: the plans, and which cases cannot move and why), POST
// /vom/migrations/run with "dryRun": false (starts a run in the background, 202 and its id), GET
// /vom/migrations/runs/{id} (its progress and the result per case) and GET /vom/migrations/runs (the last
// runs). The versions come from the engine's process definitions (GET .../process-definition/statistics,
// with their running instances). A rollback is the same with the previous version as the target.
// Only administrators: the page and its navigation entry show nothing to anyone else (the endpoints
// refuse them anyway). "Migrate" asks on the page (the webapps' sandbox allows no window.confirm). Plain DOM: server data is only ever set as text (textContent), never as HTML.
// Imported by app/cockpit/scripts/vom-migration.js.

import { addStylesheet, el } from './dom.js';
import { t, label, formatDateTime } from './i18n.js';

const API = '/vom/migrations';
const ENGINE = '/camunda/api/engine/engine/default';
const WHO = '/camunda/api/admin/auth/user/default';
export const ROUTE = '/vom-migration';
const POLL_MS = 1000;

function addStyles() {
  addStylesheet(new URL('./migration.css', import.meta.url).href);
}

// --- talking to the server ---------------------------------------------------------------------

let administrator = null;

/** Whether the logged-in user is an administrator (may use the Admin app), asked once per page load. */
export function isAdministrator() {
  if (!administrator) {
    administrator = fetch(WHO, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : {}))
      .then(user => Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin'))
      .catch(() => false);
  }
  return administrator;
}

async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: Object.assign({ Accept: 'application/json', 'X-VOM-Request': '1' },
        body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (error) {
    return { error: t('migration.unreachable', { error: error && error.message ? error.message : error }) };
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    // no JSON body
  }
  if (response.status === 401) return { error: t('common.sessionEnded') };
  if (response.status === 403) return { error: t('migration.forbidden') };
  if (!response.ok) {
    const detail = json && (json.message || json.error);
    return { error: detail ? String(detail) : t('migration.http', { status: response.status }) };
  }
  return { status: response.status, json };
}

/** Every deployed process version with its running instances, by process key, newest version first. */
async function versions() {
  const answer = await call('GET', ENGINE + '/process-definition/statistics');
  if (answer.error) return answer;
  const byKey = {};
  for (const row of answer.json || []) {
    const d = row.definition || {};
    if (!d.key) continue;
    (byKey[d.key] = byKey[d.key] || []).push({ id: d.id, key: d.key, name: d.name, version: d.version, versionTag: d.versionTag,
      instances: row.instances || 0 });
  }
  for (const key of Object.keys(byKey)) byKey[key].sort((a, b) => b.version - a.version);
  return { byKey };
}

/** The activity ids (with names) of a version, for the mapping's suggestions. */
async function activities(definitionId) {
  const answer = await call('GET', ENGINE + '/process-definition/' + encodeURIComponent(definitionId) + '/xml');
  if (answer.error || !answer.json || !answer.json.bpmn20Xml) return [];
  const xml = new DOMParser().parseFromString(answer.json.bpmn20Xml, 'application/xml');
  const found = [];
  for (const node of xml.getElementsByTagName('*')) {
    const type = node.localName;
    // Tasks, sub-processes, call activities and events of the process (not its start event, not definitions' children).
    if (!/^[a-z][A-Za-z]*(Task|Process|Activity|Event)$|^task$/.test(type) || type === 'startEvent' || !node.getAttribute('id')) continue;
    if (node.parentNode && node.parentNode.localName === 'definitions') continue;
    found.push({ id: node.getAttribute('id'), name: node.getAttribute('name') || '' });
  }
  return found;
}

// --- formatting --------------------------------------------------------------------------------

function versionText(v) {
  return t('migration.versionRunning', { version: versionOf(v.version, v.versionTag), count: v.instances });
}

/** "version 3 (1.2.0)" */
function versionOf(version, tag) {
  return t('check.version', { version }) + (tag ? ' (' + tag + ')' : '');
}

function when(iso) {
  if (!iso) return '–';
  return formatDateTime(iso);
}


function statusLabel(status) {
  const cls = status === 'migrated' ? 'success' : status === 'failed' ? 'danger' : 'default';
  return el('span', { className: 'label label-' + cls + ' vom-migration-status', 'data-status': status, text: label('migrationStatus', status, status) });
}

function list(items, className) {
  if (!items || !items.length) return null;
  return el('ul', { className }, ...items.map(item => el('li', { text: String(item) })));
}

// --- the page ----------------------------------------------------------------------------------

function show(node) {
  addStyles();
  node.classList.add('vom-migration');
  node.replaceChildren(el('p', { className: 'text-muted', text: t('migration.loading') }));
  isAdministrator().then(admin => {
    if (!admin) {
      node.replaceChildren();
      node.setAttribute('data-forbidden', '');
      return;
    }
    page(node);
  });
}

function page(node) {
  const state = { byKey: {}, checked: null, polling: null, targetActivities: [] };
  const processSelect = el('select', { className: 'form-control input-sm', name: 'processKey', 'aria-label': t('migration.process') });
  const sourceSelect = el('select', { className: 'form-control input-sm', name: 'sourceVersion', 'aria-label': t('migration.sourceVersion') });
  const targetSelect = el('select', { className: 'form-control input-sm', name: 'targetVersion', 'aria-label': t('migration.targetVersion') });
  const mappingRows = el('tbody', { className: 'vom-migration-mappings' });
  const fromList = el('datalist', { id: 'vom-migration-from-ids' });
  const toList = el('datalist', { id: 'vom-migration-to-ids' });
  const problem = el('div', { className: 'vom-migration-problem', role: 'alert', 'aria-live': 'polite' });
  const confirmation = el('div', { className: 'vom-migration-confirmation' });
  const checkButton = el('button', { type: 'button', className: 'btn btn-default vom-migration-check', text: t('migration.check') });
  const migrateButton = el('button', { type: 'button', className: 'btn btn-primary vom-migration-run', text: t('migration.migrate'), disabled: true });
  const rollbackButton = el('button', { type: 'button', className: 'btn btn-link vom-migration-rollback',
    text: t('migration.rollback') });
  const planView = el('div', { className: 'vom-migration-plan', 'aria-live': 'polite' });
  const runView = el('div', { className: 'vom-migration-run-view', 'aria-live': 'polite' });
  const runsView = el('div', { className: 'vom-migration-runs' });

  const say = (text, kind = 'danger') => {
    problem.replaceChildren(text ? el('div', { className: 'alert alert-' + kind, text }) : '');
  };

  const request = () => {
    const mappings = [];
    for (const row of mappingRows.querySelectorAll('tr')) {
      const from = row.querySelector('input[name=from]').value.trim();
      const to = row.querySelector('input[name=to]').value.trim();
      if (from || to) mappings.push({ from, to });
    }
    const body = { processKey: processSelect.value, extraMappings: mappings };
    if (sourceSelect.value) body.sourceVersion = Number(sourceSelect.value);
    if (targetSelect.value) body.targetVersion = Number(targetSelect.value);
    return body;
  };

  // Any change of the inputs asks for a new check before a run.
  const changed = () => {
    state.checked = null;
    migrateButton.disabled = true;
  };

  const addMapping = (from = '', to = '') => {
    const row = el('tr', { className: 'vom-migration-mapping' },
      el('td', {}, el('input', { type: 'text', className: 'form-control input-sm', name: 'from', list: fromList.id,
        placeholder: t('migration.fromPlaceholder'), 'aria-label': t('migration.fromLabel'), value: from,
        oninput: changed })),
      el('td', { className: 'vom-migration-arrow', text: '→' }),
      el('td', {}, el('input', { type: 'text', className: 'form-control input-sm', name: 'to', list: toList.id,
        placeholder: t('migration.toPlaceholder'), 'aria-label': t('migration.toLabel'), value: to, oninput: changed })),
      el('td', {}, el('button', { type: 'button', className: 'btn btn-link btn-sm', 'aria-label': t('migration.removeMapping'),
        text: t('migration.remove'),
        onclick: () => { row.remove(); changed(); } })));
    mappingRows.appendChild(row);
    return row;
  };

  const fillVersions = () => {
    const versionsOf = state.byKey[processSelect.value] || [];
    sourceSelect.replaceChildren(el('option', { value: '', text: t('migration.everyOtherVersion') }),
      ...versionsOf.map(v => el('option', { value: v.version, text: versionText(v) })));
    targetSelect.replaceChildren(...versionsOf.map(v => el('option', { value: v.version, text: versionText(v) })));
    if (versionsOf.length) targetSelect.value = String(versionsOf[0].version);
    loadTargetActivities();
    changed();
  };

  // Only the answer for the latest choice is shown: a slower answer for an earlier choice (a larger diagram,
  // a busy server) must not replace the suggestions for the target chosen after it.
  let targetRequest = 0;
  const loadTargetActivities = async () => {
    const asked = ++targetRequest;
    const versionsOf = state.byKey[processSelect.value] || [];
    const target = versionsOf.find(v => String(v.version) === targetSelect.value);
    const found = target ? await activities(target.id) : [];
    if (asked !== targetRequest) return;
    state.targetActivities = found;
    toList.replaceChildren(...found.map(a => el('option', { value: a.id, text: a.name || a.id })));
  };

  const rollback = () => {
    const versionsOf = state.byKey[processSelect.value] || [];
    const current = Number(targetSelect.value || (versionsOf[0] || {}).version);
    const previous = versionsOf.filter(v => v.version < current).map(v => v.version).sort((a, b) => b - a)[0];
    if (!previous) {
      say(t('migration.noPrevious', { version: current }), 'warning');
      return;
    }
    sourceSelect.value = String(current);
    targetSelect.value = String(previous);
    // The mappings the other way round.
    for (const row of mappingRows.querySelectorAll('tr')) {
      const from = row.querySelector('input[name=from]');
      const to = row.querySelector('input[name=to]');
      [from.value, to.value] = [to.value, from.value];
    }
    loadTargetActivities();
    changed();
    say(t('migration.rollbackSet', { current, previous }), 'info');
  };

  const check = async () => {
    say('');
    runView.replaceChildren();
    const body = request();
    checkButton.disabled = true;
    planView.replaceChildren(el('p', { className: 'text-muted', text: t('migration.checking') }));
    const answer = await call('POST', API + '/plan', body);
    checkButton.disabled = false;
    if (answer.error) {
      planView.replaceChildren();
      say(answer.error);
      return;
    }
    state.checked = JSON.stringify(body);
    planView.replaceChildren(planReport(answer.json));
    fromList.replaceChildren(...unmappedIds(answer.json).map(id => el('option', { value: id })));
    migrateButton.disabled = !(answer.json.cases && answer.json.cases.migratable > 0);
  };

  const migrate = async () => {
    const body = request();
    if (state.checked !== JSON.stringify(body)) {
      say(t('migration.changedSinceCheck'), 'warning');
      migrateButton.disabled = true;
      return;
    }
    const target = body.targetVersion ? t('check.version', { version: body.targetVersion }) : t('migration.latestVersion');
    // Asked on the page: the webapps' sandbox (Content-Security-Policy) allows no window.confirm.
    migrateButton.disabled = true;
    const answer = await new Promise(resolve => {
      confirmation.replaceChildren(el('div', { className: 'alert alert-warning vom-migration-confirm', role: 'alertdialog' },
        el('p', { text: t('migration.confirm', { process: body.processKey, target }) }),
        el('button', { type: 'button', className: 'btn btn-primary btn-sm vom-migration-confirm-yes', text: t('migration.yes'),
          onclick: () => resolve(true) }), ' ',
        el('button', { type: 'button', className: 'btn btn-default btn-sm vom-migration-confirm-no', text: t('migration.cancel'),
          onclick: () => resolve(false) })));
    });
    confirmation.replaceChildren();
    if (!answer) {
      migrateButton.disabled = false;
      return;
    }
    say('');
    const started = await call('POST', API + '/run', Object.assign({}, body, { dryRun: false }));
    if (started.error) {
      say(started.error);
      return;
    }
    state.checked = null;
    follow(started.json.id);
  };

  // Reads a run's progress every second until it is finished.
  const follow = async id => {
    if (state.polling) clearTimeout(state.polling);
    const answer = await call('GET', API + '/runs/' + encodeURIComponent(id));
    if (!node.isConnected && state.seen) return; // the page was left
    state.seen = true;
    if (answer.error) {
      say(answer.error);
      return;
    }
    runView.replaceChildren(runReport(answer.json));
    if (answer.json.status !== 'finished') {
      state.polling = setTimeout(() => follow(id), POLL_MS);
    } else {
      loadRuns();
      reloadVersions();
    }
  };

  const loadRuns = async () => {
    const answer = await call('GET', API + '/runs');
    if (answer.error) return;
    runsView.replaceChildren(runsTable(answer.json.runs || [], id => follow(id)));
  };

  const reloadVersions = async () => {
    const answer = await versions();
    if (answer.error) {
      say(answer.error);
      return;
    }
    state.byKey = answer.byKey;
    const keep = { key: processSelect.value, source: sourceSelect.value, target: targetSelect.value };
    processSelect.replaceChildren(...Object.keys(state.byKey).sort().map(key =>
      el('option', { value: key, text: key + ((state.byKey[key][0] || {}).name ? ' – ' + state.byKey[key][0].name : '') })));
    if (keep.key && state.byKey[keep.key]) {
      processSelect.value = keep.key;
      const versionsOf = state.byKey[keep.key];
      sourceSelect.replaceChildren(el('option', { value: '', text: t('migration.everyOtherVersion') }),
        ...versionsOf.map(v => el('option', { value: v.version, text: versionText(v) })));
      targetSelect.replaceChildren(...versionsOf.map(v => el('option', { value: v.version, text: versionText(v) })));
      sourceSelect.value = keep.source;
      targetSelect.value = keep.target;
    } else {
      processSelect.value = state.byKey['vom-case'] ? 'vom-case' : Object.keys(state.byKey).sort()[0] || '';
      fillVersions();
    }
  };

  processSelect.addEventListener('change', fillVersions);
  sourceSelect.addEventListener('change', changed);
  targetSelect.addEventListener('change', () => { loadTargetActivities(); changed(); });
  checkButton.addEventListener('click', check);
  migrateButton.addEventListener('click', migrate);
  rollbackButton.addEventListener('click', rollback);

  node.replaceChildren(
    el('h2', { text: t('migration.title') }),
    el('p', { className: 'text-muted', text: t('migration.hint') }),
    el('form', { className: 'vom-migration-form', onsubmit: event => event.preventDefault() },
      el('div', { className: 'vom-migration-fields' },
        el('label', {}, t('migration.process'), processSelect),
        el('label', {}, t('migration.casesOn'), sourceSelect),
        el('label', {}, t('migration.moveTo'), targetSelect)),
      el('h4', { text: t('migration.extraMappings') }),
      el('table', { className: 'table table-condensed vom-migration-mapping-table' },
        el('thead', {}, el('tr', {}, el('th', { text: t('migration.fromHeading') }), el('th'),
          el('th', { text: t('migration.toHeading') }), el('th'))),
        mappingRows),
      fromList, toList,
      el('p', {},
        el('button', { type: 'button', className: 'btn btn-default btn-sm vom-migration-add', text: t('migration.addMapping'),
          onclick: () => { addMapping().querySelector('input').focus(); changed(); } }), ' ', rollbackButton),
      el('p', { className: 'vom-migration-actions' }, checkButton, ' ', migrateButton),
      confirmation),
    problem,
    planView,
    runView,
    el('h3', { text: t('migration.lastRuns') }),
    runsView);
  reloadVersions();
  loadRuns();
}

function unmappedIds(report) {
  const ids = new Set();
  for (const plan of report.plans || []) {
    for (const step of plan.unmapped || []) {
      const match = /\(([^()]+)\)$/.exec(step) || /^"([^"]+)"$/.exec(step);
      if (match) ids.add(match[1]);
    }
  }
  return [...ids];
}

function planReport(report) {
  const cases = report.cases || {};
  const results = cases.results || [];
  const blocked = results.filter(r => !r.migratable);
  const target = report.target || {};
  const plans = (report.plans || []).map(plan => el('section', { className: 'vom-migration-plan-block', 'data-process': plan.source.key },
    el('h4', { text: plan.source.key + ' ' + plan.source.version + ' → ' + plan.target.version
      + (plan.target.versionTag ? ' (' + plan.target.versionTag + ')' : '') }),
    plan.problems && plan.problems.length ? el('div', { className: 'alert alert-danger' }, el('strong', { text: t('migration.planProblems') }),
      list(plan.problems)) : null,
    el('details', {},
      el('summary', { text: t('migration.instructions', { count: (plan.instructions || []).length }) }),
      el('table', { className: 'table table-condensed vom-migration-instructions' },
        el('tbody', {}, ...(plan.instructions || []).map(i => el('tr', {}, el('td', { text: i.from }), el('td', { text: '→' }),
          el('td', { text: i.to })))))),
    plan.unmapped && plan.unmapped.length
      ? el('div', { className: 'vom-migration-unmapped' },
        el('p', { text: t('migration.notMapped') }),
        list(plan.unmapped))
      : el('p', { className: 'text-muted', text: t('migration.allMapped') })));
  return el('div', { className: 'vom-migration-check-result', 'data-total': cases.total, 'data-migratable': cases.migratable },
    el('h3', { text: t('migration.dryRun', { process: target.key || '', version: target.version || '' }) }),
    el('p', { className: 'vom-migration-summary', text: t('migration.summary', { total: cases.total || 0, migratable: cases.migratable || 0,
      blocked: blocked.length }) }),
    ...plans,
    blocked.length ? el('h4', { text: t('migration.blocked') }) : null,
    blocked.length ? el('table', { className: 'table table-condensed vom-migration-blocked' },
      el('thead', {}, el('tr', {}, el('th', { text: t('desk.case') }), el('th', { text: t('migration.instances') }),
        el('th', { text: t('migration.whyNot') }))),
      el('tbody', {}, ...blocked.map(r => el('tr', { 'data-case': r.caseNumber },
        el('td', { text: r.caseNumber }), el('td', {}, list(r.instances)), el('td', {}, list(r.problems, 'vom-migration-reasons'))))))
      : null);
}

function runReport(run) {
  const p = run.progress || {};
  const share = p.total ? Math.round((p.done / p.total) * 100) : (run.status === 'finished' ? 100 : 0);
  return el('div', { className: 'vom-migration-run-result', 'data-run': run.id, 'data-status': run.status },
    el('h3', { text: t('migration.run', { process: run.processKey, version: versionOf(run.targetVersion, run.targetVersionTag) }) }),
    el('p', { className: 'text-muted', text: run.finishedAt
      ? t('migration.startedFinished', { who: run.startedBy, started: when(run.startedAt), finished: when(run.finishedAt) })
      : t('migration.started', { who: run.startedBy, started: when(run.startedAt) }) }),
    el('div', { className: 'progress' }, el('div', { className: 'progress-bar' + (p.failed ? ' progress-bar-warning' : ' progress-bar-success'),
      role: 'progressbar', 'aria-valuenow': share, 'aria-valuemin': 0, 'aria-valuemax': 100, style: 'width: ' + share + '%',
      text: share + '%' })),
    el('p', { className: 'vom-migration-progress', text: run.status === 'preparing' ? t('migration.listing')
      : t(run.status === 'finished' ? 'migration.progressFinished' : 'migration.progress',
        { done: p.done, total: p.total, migrated: p.migrated, failed: p.failed }) }),
    el('table', { className: 'table table-condensed vom-migration-cases' },
      el('thead', {}, el('tr', {}, el('th', { text: t('desk.case') }), el('th', { text: t('migration.result') }),
        el('th', { text: t('migration.instances') }), el('th', { text: t('migration.whyNot') }))),
      el('tbody', {}, ...(run.cases || []).map(c => el('tr', { 'data-case': c.caseNumber, 'data-status': c.status },
        el('td', { text: c.caseNumber }), el('td', {}, statusLabel(c.status)), el('td', {}, list(c.instances)),
        el('td', {}, list(c.problems, 'vom-migration-reasons')))))));
}

function runsTable(runs, open) {
  if (!runs.length) return el('p', { className: 'text-muted', text: t('migration.noRuns') });
  return el('table', { className: 'table table-condensed vom-migration-run-list' },
    el('thead', {}, el('tr', {}, ...[t('migration.startedColumn'), t('migration.by'), t('migration.process'), t('figures.from'),
      t('figures.to'), t('migration.result'), ''].map(heading => el('th', { text: heading })))),
    el('tbody', {}, ...runs.map(run => {
      const p = run.progress || {};
      return el('tr', { 'data-run': run.id },
        el('td', { text: when(run.startedAt) }),
        el('td', { text: run.startedBy }),
        el('td', { text: run.processKey }),
        el('td', { text: run.sourceVersion ? t('check.version', { version: run.sourceVersion }) : t('migration.everyOther') }),
        el('td', { text: t('check.version', { version: run.targetVersion }) }),
        el('td', { text: run.status === 'finished' ? t('migration.moved', { migrated: p.migrated, failed: p.failed })
          : t('migration.runStatus', { status: label('runStatus', run.status, run.status), done: p.done, total: p.total }) }),
        el('td', {}, el('button', { type: 'button', className: 'btn btn-link btn-sm', text: t('figures.show'), onclick: () => open(run.id) })));
    })));
}

/** The navigation entry: a link to the page, for administrators only (nothing for anyone else). */
export function migrationNavigation({ id, priority }) {
  return {
    id,
    pluginPoint: 'cockpit.navigation',
    priority,
    render: node => {
      isAdministrator().then(admin => {
        const item = node.closest('li');
        if (!admin) {
          if (item) item.style.display = 'none';
          return;
        }
        node.appendChild(el('a', { href: '#' + ROUTE, className: 'vom-migration-nav', text: t('migration.title') }));
      });
    },
    properties: { path: ROUTE, label: t('migration.title'), checkActive: url => url.indexOf('#' + ROUTE) > -1 }
  };
}

/** The page itself (a Cockpit route). */
export function migrationPage({ id }) {
  return {
    id,
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: node => { show(node); },
    properties: { path: ROUTE, label: t('migration.title') }
  };
}
