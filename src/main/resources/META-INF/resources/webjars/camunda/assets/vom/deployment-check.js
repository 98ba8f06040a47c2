// VOM Case: "Deployment check" for administrators in Cockpit: GET /vom/deployments/drift (every diagram, decision table
// and form of the repository against the latest deployed version, and where that came from) and the decision-table
// preview POST /vom/decisions/preview (a changed eligibility or contact-order table run on the last N recorded
// decisions; only the decisions that would change are listed, by case number with the table's input codes).
// Plain DOM: server data is only ever set as text (textContent), never as HTML.
// Imported by app/cockpit/scripts/vom-deployment-check.js.

import { addStylesheet, el } from './dom.js';
import { t, label, formatDateTime } from './i18n.js';

const DRIFT = '/vom/deployments/drift';
const PREVIEW = '/vom/decisions/preview';
const ADMINISTRATORS = 'camunda-admin';

function addStyles() {
  addStylesheet(new URL('./deployment-check.css', import.meta.url).href);
}

function text(value) {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function formatTime(iso) {
  if (!iso) return '–';
  return formatDateTime(iso);
}

async function errorOf(response, what) {
  if (response.status === 403) return { message: t('check.forbidden'), forbidden: true };
  if (response.status === 401) return { message: t('common.sessionEnded') };
  let detail = '';
  try {
    const body = await response.json();
    detail = body && (body.error || body.message) ? body.error || body.message : '';
  } catch (e) {
    // no JSON body
  }
  return { message: detail || t('check.failedHttp', { what: t(what), status: response.status }) };
}

/** Whether the logged-in user is an administrator (member of camunda-admin). */
export async function isAdministrator() {
  try {
    const user = await (await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' })).json();
    if (!user || !user.userId) return false;
    const groups = await (await fetch('/camunda/api/engine/engine/default/group?member=' + encodeURIComponent(user.userId),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })).json();
    return Array.isArray(groups) && groups.some(group => group.id === ADMINISTRATORS);
  } catch (e) {
    return false;
  }
}

// --- drift ---------------------------------------------------------------------------------------

const STATUS_CLASS = { same: 'success', differs: 'danger', 'only in the engine': 'warning', 'only in the repository': 'warning' };

/** Where the latest deployment came from: the application, or by hand (with its source). */
function from(deployed) {
  if (!deployed.byHand) return t('check.fromApplication');
  return deployed.source ? t('check.byHand', { source: deployed.source }) : t('check.byHandNoSource');
}

function driftView(report) {
  const differing = report.entries.filter(entry => entry.status !== 'same');
  const summary = differing.length
    ? el('div', { className: 'alert alert-warning vom-drift-summary', role: 'status',
      text: t('check.differing', { count: differing.length, total: report.entries.length }) })
    : el('div', { className: 'alert alert-success vom-drift-summary', role: 'status',
      text: t('check.allEqual', { count: report.resources }) });
  const body = el('tbody');
  const sorted = differing.concat(report.entries.filter(entry => entry.status === 'same'));
  for (const entry of sorted) {
    const deployed = entry.deployed || {};
    body.appendChild(el('tr', { className: 'vom-drift-row', 'data-resource': entry.resource, 'data-status': entry.status },
      el('td', { text: entry.resource }),
      el('td', { text: entry.kind }),
      el('td', { text: text(entry.key) }),
      el('td', {}, el('span', { className: 'label label-' + (STATUS_CLASS[entry.status] || 'default') + ' vom-drift-status',
        text: label('driftStatus', entry.status, entry.status) })),
      el('td', { className: 'vom-drift-version', text: entry.deployed ? deployed.version + (deployed.versionTag ? ' (' + deployed.versionTag + ')' : '') : '–' }),
      el('td', { className: 'vom-drift-from' + (deployed.byHand ? ' vom-drift-by-hand' : ''), text: entry.deployed ? from(deployed) : '–' }),
      el('td', { text: formatTime(deployed.deployedAt) })));
  }
  // Open when something differs; else one line, and the table a click away.
  return el('div', {}, summary, el('details', { className: 'vom-drift-details', open: differing.length > 0 },
    el('summary', { text: t('check.everyResource', { count: report.entries.length }) }),
    el('table', { className: 'table table-condensed vom-drift-table' },
      el('thead', {}, el('tr', {}, ...[t('check.resource'), t('check.kind'), t('check.key'), t('common.status'), t('check.deployedVersion'), t('check.from'),
        t('check.deployedAt')]
        .map(title => el('th', { scope: 'col', text: title })))),
      body)));
}

async function showDrift(container) {
  container.replaceChildren(el('p', { className: 'text-muted', text: t('check.comparing') }));
  let response;
  try {
    response = await fetch(DRIFT, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    container.replaceChildren(el('div', { className: 'alert alert-danger', role: 'alert', text: t('check.driftFailed') }));
    return false;
  }
  if (!response.ok) {
    const error = await errorOf(response, 'check.theDriftCheck');
    container.replaceChildren(el('div', { className: 'alert alert-' + (error.forbidden ? 'info' : 'danger') + ' vom-check-notice',
      role: 'alert', text: error.message }));
    return !error.forbidden;
  }
  container.replaceChildren(driftView(await response.json()));
  return true;
}

// --- preview -------------------------------------------------------------------------------------

function outputsText(fired) {
  if (!fired || !fired.length) return '–';
  return fired.map(rule => Object.entries(rule.outputs || {}).map(([name, value]) => name + ': ' + text(value)).join(', ')).join(' | ');
}

function rulesCell(fired) {
  if (!fired || !fired.length) return el('td', { text: '–' });
  return el('td', {}, ...fired.map(rule => el('div', { className: 'vom-preview-rule' },
    el('code', { text: rule.ruleId || '–' }),
    rule.description ? el('div', { className: 'text-muted vom-preview-annotation', text: rule.description }) : null)));
}

function previewView(report) {
  const deployed = report.deployed ? t('check.version', { version: report.deployed.version })
    + (report.deployed.versionTag ? ' (' + report.deployed.versionTag + ')' : '') : t('check.none');
  const changed = t('check.wouldChange', { changed: report.changed, examined: report.examined });
  const header = el('p', { className: 'vom-preview-summary', role: 'status',
    text: t('check.previewSummary', { table: report.decisionKey + (report.newVersionTag ? ' ' + report.newVersionTag : ''), deployed,
      changed: report.sameOutputsOtherRule ? t('check.otherRule', { changed, count: report.sameOutputsOtherRule }) : changed }) });
  if (!report.changes.length) return el('div', {}, header);
  const body = el('tbody');
  for (const change of report.changes) {
    body.appendChild(el('tr', { className: 'vom-preview-row', 'data-case': change.caseNumber || '' },
      el('td', { text: text(change.caseNumber) }),
      el('td', { text: formatTime(change.evaluatedAt) }),
      el('td', { className: 'vom-preview-inputs' }, ...Object.entries(change.inputs || {}).map(([name, value]) =>
        el('div', { text: name + ': ' + text(value) }))),
      el('td', { className: 'vom-preview-before', text: outputsText(change.before) }),
      rulesCell(change.before),
      el('td', { className: 'vom-preview-after', text: change.problem ? change.problem : outputsText(change.after) }),
      rulesCell(change.after)));
  }
  return el('div', {}, header,
    el('table', { className: 'table table-condensed vom-preview-table' },
      el('thead', {}, el('tr', {}, ...[t('desk.case'), t('check.decided'), t('check.inputs'), t('check.before'), t('check.ruleBefore'), t('check.after'),
        t('check.ruleAfter')]
        .map(title => el('th', { scope: 'col', text: title })))),
      body));
}

function previewForm() {
  const file = el('input', { type: 'file', accept: '.dmn,.xml', name: 'file', className: 'form-control input-sm', 'aria-label': t('check.table') });
  const last = el('input', { type: 'number', min: '1', max: '5000', value: '200', name: 'last', className: 'form-control input-sm vom-preview-last',
    'aria-label': t('check.lastDecisions') });
  const problem = el('span', { className: 'text-danger vom-preview-problem', role: 'alert' });
  const result = el('div', { className: 'vom-preview-result', 'aria-live': 'polite' });
  const form = el('form', { className: 'form-inline vom-preview-form', novalidate: true },
    el('label', {}, t('check.table') + ' ', file), ' ',
    el('label', {}, t('check.comparedWith'), last, t('check.recordedDecisions')), ' ',
    el('button', { type: 'submit', className: 'btn btn-primary btn-sm vom-preview-run', text: t('check.preview') }), ' ', problem);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.textContent = '';
    if (!file.files || !file.files.length) {
      problem.textContent = t('check.chooseFile');
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('last', last.value);
    result.replaceChildren(el('p', { className: 'text-muted', text: t('check.evaluating') }));
    let response;
    try {
      response = await fetch(PREVIEW, { method: 'POST', credentials: 'same-origin', body: data,
        headers: { 'X-VOM-Request': '1', Accept: 'application/json' } });
    } catch (error) {
      result.replaceChildren();
      problem.textContent = t('check.previewFailed');
      return;
    }
    if (!response.ok) {
      result.replaceChildren();
      problem.textContent = (await errorOf(response, 'check.thePreview')).message;
      return;
    }
    result.replaceChildren(previewView(await response.json()));
  });
  return el('div', {}, form, result);
}

// --- the page ------------------------------------------------------------------------------------

async function showPage(node) {
  addStyles();
  node.classList.add('vom-deployment-check');
  const drift = el('div', { className: 'vom-drift' });
  const refresh = el('button', { type: 'button', className: 'btn btn-default btn-sm vom-drift-refresh', text: t('check.again'),
    onclick: () => showDrift(drift) });
  node.replaceChildren(el('h2', { text: t('check.title') }),
    el('section', { className: 'vom-check-section', 'aria-label': t('check.drift') },
      el('h3', {}, t('check.repositoryAndEngine') + ' ', refresh),
      el('p', { className: 'text-muted', text: t('check.driftHint') }),
      drift));
  const allowed = await showDrift(drift);
  if (!allowed) {
    const notice = drift.querySelector('.vom-check-notice');
    node.setAttribute('data-forbidden', '');
    if (notice) node.replaceChildren(el('h2', { text: t('check.title') }), notice);
    return;
  }
  node.appendChild(el('section', { className: 'vom-check-section', 'aria-label': t('check.decisionPreview') },
    el('h3', { text: t('check.previewTitle') }),
    el('p', { className: 'text-muted', text: t('check.previewHint') }),
    previewForm()));
}

/** The route (the page) and its navigation link, hidden for anyone but administrators. */
export function deploymentCheckPlugins({ path, priority }) {
  return [
    {
      id: 'vom-deployment-check-navigation',
      pluginPoint: 'cockpit.navigation',
      priority,
      properties: { path },
      render: container => {
        const item = container.closest('li') || container;
        item.hidden = true;
        container.replaceChildren(el('a', { href: '#' + path, className: 'vom-deployment-check-link', text: t('check.title') }));
        isAdministrator().then(admin => { item.hidden = !admin; });
      }
    },
    {
      id: 'vom-deployment-check-route',
      pluginPoint: 'cockpit.route',
      priority,
      properties: { path, label: t('check.title') },
      render: node => { showPage(node); }
    }
  ];
}
