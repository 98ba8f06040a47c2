// VOM Case: "Deployment check" for administrators in Cockpit: GET /vom/deployments/drift (every diagram, decision table
// and form of the repository against the latest deployed version, and where that came from) and the decision-table
// preview POST /vom/decisions/preview (a changed eligibility or contact-order table run on the last N recorded
// decisions; only the decisions that would change are listed, by case number with the table's input codes).
// Plain DOM: server data is only ever set as text (textContent), never as HTML.
// Imported by app/cockpit/scripts/vom-deployment-check.js.

import { addStylesheet, el } from './dom.js';

const DRIFT = '/vom/deployments/drift';
const PREVIEW = '/vom/decisions/preview';
const ADMINISTRATORS = 'camunda-admin';
const FORBIDDEN = 'Only administrators check the deployments.';

function addStyles() {
  addStylesheet(new URL('./deployment-check.css', import.meta.url).href);
}

function text(value) {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function formatTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return isNaN(date) ? String(iso) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

async function errorOf(response, what) {
  if (response.status === 403) return { message: FORBIDDEN, forbidden: true };
  if (response.status === 401) return { message: 'Your session has ended. Please log in again.' };
  let detail = '';
  try {
    const body = await response.json();
    detail = body && (body.error || body.message) ? body.error || body.message : '';
  } catch (e) {
    // no JSON body
  }
  return { message: detail || what + ' failed (HTTP ' + response.status + ').' };
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

function driftView(report) {
  const differing = report.entries.filter(entry => entry.status !== 'same');
  const summary = differing.length
    ? el('div', { className: 'alert alert-warning vom-drift-summary', role: 'status',
      text: differing.length + ' of ' + report.entries.length + ' resources do not equal the repository.' })
    : el('div', { className: 'alert alert-success vom-drift-summary', role: 'status',
      text: 'All ' + report.resources + ' resources equal the repository.' });
  const body = el('tbody');
  const sorted = differing.concat(report.entries.filter(entry => entry.status === 'same'));
  for (const entry of sorted) {
    const deployed = entry.deployed || {};
    body.appendChild(el('tr', { className: 'vom-drift-row', 'data-resource': entry.resource, 'data-status': entry.status },
      el('td', { text: entry.resource }),
      el('td', { text: entry.kind }),
      el('td', { text: text(entry.key) }),
      el('td', {}, el('span', { className: 'label label-' + (STATUS_CLASS[entry.status] || 'default') + ' vom-drift-status',
        text: entry.status })),
      el('td', { className: 'vom-drift-version', text: entry.deployed ? deployed.version + (deployed.versionTag ? ' (' + deployed.versionTag + ')' : '') : '–' }),
      el('td', { className: 'vom-drift-from' + (deployed.byHand ? ' vom-drift-by-hand' : ''), text: entry.deployed ? deployed.from : '–' }),
      el('td', { text: formatTime(deployed.deployedAt) })));
  }
  // Open when something differs; else one line, and the table a click away.
  return el('div', {}, summary, el('details', { className: 'vom-drift-details', open: differing.length > 0 },
    el('summary', { text: 'Every resource (' + report.entries.length + ')' }),
    el('table', { className: 'table table-condensed vom-drift-table' },
      el('thead', {}, el('tr', {}, ...['Resource', 'Kind', 'Key', 'Status', 'Deployed version', 'Latest deployment from', 'Deployed at']
        .map(title => el('th', { scope: 'col', text: title })))),
      body)));
}

async function showDrift(container) {
  container.replaceChildren(el('p', { className: 'text-muted', text: 'Comparing the deployments with the repository…' }));
  let response;
  try {
    response = await fetch(DRIFT, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    container.replaceChildren(el('div', { className: 'alert alert-danger', role: 'alert', text: 'The drift could not be loaded.' }));
    return false;
  }
  if (!response.ok) {
    const error = await errorOf(response, 'The drift check');
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
  const deployed = report.deployed ? 'version ' + report.deployed.version + (report.deployed.versionTag ? ' (' + report.deployed.versionTag + ')' : '') : 'none';
  const header = el('p', { className: 'vom-preview-summary', role: 'status',
    text: report.decisionKey + (report.newVersionTag ? ' ' + report.newVersionTag : '') + ' against the deployed ' + deployed + ': '
      + report.changed + ' of the last ' + report.examined + ' recorded decisions would change'
      + (report.sameOutputsOtherRule ? '; ' + report.sameOutputsOtherRule + ' would keep their outputs by another rule' : '') + '.' });
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
      el('thead', {}, el('tr', {}, ...['Case', 'Decided', 'Inputs (codes)', 'Before', 'Rule before', 'After', 'Rule after']
        .map(title => el('th', { scope: 'col', text: title })))),
      body));
}

function previewForm() {
  const file = el('input', { type: 'file', accept: '.dmn,.xml', name: 'file', className: 'form-control input-sm', 'aria-label': 'Decision table (.dmn)' });
  const last = el('input', { type: 'number', min: '1', max: '5000', value: '200', name: 'last', className: 'form-control input-sm vom-preview-last',
    'aria-label': 'Last recorded decisions' });
  const problem = el('span', { className: 'text-danger vom-preview-problem', role: 'alert' });
  const result = el('div', { className: 'vom-preview-result', 'aria-live': 'polite' });
  const form = el('form', { className: 'form-inline vom-preview-form', novalidate: true },
    el('label', {}, 'Decision table (.dmn) ', file), ' ',
    el('label', {}, 'compared with the last ', last, ' recorded decisions'), ' ',
    el('button', { type: 'submit', className: 'btn btn-primary btn-sm vom-preview-run', text: 'Preview' }), ' ', problem);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.textContent = '';
    if (!file.files || !file.files.length) {
      problem.textContent = 'Choose the changed .dmn file.';
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('last', last.value);
    result.replaceChildren(el('p', { className: 'text-muted', text: 'Evaluating the recorded decisions…' }));
    let response;
    try {
      response = await fetch(PREVIEW, { method: 'POST', credentials: 'same-origin', body: data,
        headers: { 'X-VOM-Request': '1', Accept: 'application/json' } });
    } catch (error) {
      result.replaceChildren();
      problem.textContent = 'The preview could not be run.';
      return;
    }
    if (!response.ok) {
      result.replaceChildren();
      problem.textContent = (await errorOf(response, 'The preview')).message;
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
  const refresh = el('button', { type: 'button', className: 'btn btn-default btn-sm vom-drift-refresh', text: 'Check again',
    onclick: () => showDrift(drift) });
  node.replaceChildren(el('h2', { text: 'Deployment check' }),
    el('section', { className: 'vom-check-section', 'aria-label': 'Drift' },
      el('h3', {}, 'Repository and engine ', refresh),
      el('p', { className: 'text-muted', text: 'Each diagram, decision table and form of the repository against the latest version deployed in the engine (line endings ignored).' }),
      drift));
  const allowed = await showDrift(drift);
  if (!allowed) {
    const notice = drift.querySelector('.vom-check-notice');
    node.setAttribute('data-forbidden', '');
    if (notice) node.replaceChildren(el('h2', { text: 'Deployment check' }), notice);
    return;
  }
  node.appendChild(el('section', { className: 'vom-check-section', 'aria-label': 'Decision preview' },
    el('h3', { text: 'Decision-table preview' }),
    el('p', { className: 'text-muted', text: 'Runs a changed eligibility or contact-order table on the inputs of the last recorded decisions of that table and lists those that would change. Nothing is deployed; cases are named by number, inputs by their codes.' }),
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
        container.replaceChildren(el('a', { href: '#' + path, className: 'vom-deployment-check-link', text: 'Deployment check' }));
        isAdministrator().then(admin => { item.hidden = !admin; });
      }
    },
    {
      id: 'vom-deployment-check-route',
      pluginPoint: 'cockpit.route',
      priority,
      properties: { path, label: 'Deployment check' },
      render: node => { showPage(node); }
    }
  ];
}
