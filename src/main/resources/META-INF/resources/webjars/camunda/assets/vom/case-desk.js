// VOM Case: the mediator's desk in Tasklist and Cockpit: the case list ("Cases": search by case number, a person's
// name or the referrer's reference, filter by phase, sort by the next date, pages) and the case overview (persons and
// their state, what the case waits for and until when, sessions, agreement and payment ledger, documents, messages,
// confidential notes to their readers, process versions, timeline), from GET /vom/cases and GET /vom/cases/<number>.
// In Tasklist the overview also takes a note (POST /vom/cases/<number>/notes) and a document (POST .../documents) from
// the case's mediators and the coordinators; Cockpit's is read-only. Plain DOM: server data is only ever set as text
// (textContent), never as HTML.
// Imported by app/tasklist/scripts/vom-case-desk.js and app/cockpit/scripts/vom-case-desk.js.

import { addStylesheet, el } from './dom.js';
import { isAdministrator } from './migration.js';

const API = '/vom';
const PAGE = 25;

const STATES = {
  agreed: 'label-success', declined: 'label-danger', withdrew: 'label-danger', 'not reachable': 'label-warning',
  contacted: 'label-info', 'not contacted yet': 'label-default', 'did not sign': 'label-warning',
  'nothing left after the signing': 'label-warning'
};

function addStyles() {
  addStylesheet(new URL('./case-desk.css', import.meta.url).href);
}

function formatDate(iso, withTime = true) {
  if (!iso) return '';
  const date = new Date(iso);
  if (isNaN(date.getTime())) return String(iso);
  return withTime ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

function humanize(key) {
  const text = String(key || '').replace(/[-_]+/g, ' ').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function notice(kind, text) {
  return el('div', { className: 'alert alert-' + kind + ' vom-desk-notice', role: kind === 'danger' ? 'alert' : 'status', text });
}

async function getJson(path, what) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    return { error: what + ' could not be loaded: ' + (error && error.message ? error.message : error) };
  }
  if (response.status === 404) return { error: 'You cannot see this case.', kind: 'warning', status: 404 };
  if (response.status === 403) return { error: 'The case list is for mediators, coordinators and supervisors.', kind: 'warning', status: 403 };
  if (response.status === 401) return { error: 'Your session has ended. Please log in again.' };
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    return { error: what + ' could not be read.' };
  }
  if (!response.ok) {
    const problem = body && Array.isArray(body.errors) && body.errors[0] ? body.errors[0].message : body && body.message;
    return { error: what + ' could not be loaded' + (problem ? ': ' + problem : ' (HTTP ' + response.status + ').') };
  }
  return { body };
}

function table(className, headings, rows) {
  return el('table', { className: 'table table-condensed ' + className },
    el('thead', {}, el('tr', {}, ...headings.map(h => el('th', { text: h })))),
    el('tbody', {}, ...rows));
}

function section(title, className, ...content) {
  return el('div', { className: 'vom-desk-section ' + className }, el('h4', { text: title }), ...content);
}

function empty(text) {
  return el('p', { className: 'text-muted', text });
}

// --- the overview -------------------------------------------------------------------------------

function whoHolds(wait) {
  if (wait.kind !== 'task') return '';
  if (wait.assignee) return wait.assignee;
  const candidates = [...(wait.candidateUsers || []), ...(wait.candidateGroups || []).map(g => 'group ' + g)];
  return candidates.length ? 'open to ' + candidates.join(', ') : 'nobody yet';
}

function waitingSection(view) {
  const waits = view.waitingFor || [];
  const head = view.next
    ? el('p', { className: 'vom-desk-next' }, el('strong', { text: 'Next: ' }),
      view.next.what + (view.next.about ? ' (' + view.next.about + ')' : '') + ', ' + formatDate(view.next.due))
    : null;
  if (!waits.length) {
    return section('What the case waits for', 'vom-desk-waiting', empty(view.phase === 'closed' || view.phase === 'deleted'
      ? 'Nothing: the case is ' + view.phase + '.' : 'Nothing with a date: the case is working on its next step.'));
  }
  return section('What the case waits for', 'vom-desk-waiting', head, table('vom-desk-waits',
    ['Until', 'What', 'Kind', 'Who holds it', 'About', 'In'],
    waits.map(w => el('tr', { className: 'vom-desk-wait vom-desk-wait-' + w.kind },
      el('td', { className: 'text-nowrap', text: w.due ? formatDate(w.due) : 'no date' }),
      el('td', { text: w.what }),
      el('td', { text: { task: 'a task', timer: 'a date (timer)', message: 'a message' }[w.kind] || w.kind }),
      el('td', { text: whoHolds(w) }),
      el('td', { text: w.about || '' }),
      el('td', { className: 'text-muted', text: w.in || '' })))));
}

function personsSection(persons) {
  if (!persons.length) return section('Persons', 'vom-desk-persons', empty('No persons (deleted or not recorded).'));
  return section('Persons', 'vom-desk-persons', table('vom-desk-person-table',
    ['', 'Name', 'Role', 'Age', 'Language', 'Interpreter', 'Parents or guardians', 'State'],
    persons.map(p => el('tr', { className: 'vom-desk-person', 'data-person': p.id },
      el('td', { text: p.id }),
      el('td', {}, p.name, p.representative ? el('div', { className: 'text-muted small', text: 'represented by ' + p.representative }) : null,
        contactLine(p.contact)),
      el('td', { text: humanize(p.role) }),
      el('td', { text: p.age === null || p.age === undefined ? '' : String(p.age) + (p.minor ? ' (minor)' : '') }),
      el('td', { text: p.language || '' }),
      el('td', { text: p.interpreterNeeded ? 'needed' : '' }),
      el('td', {}, ...(p.guardians || []).map(g => el('div', {}, g.name + (g.relation ? ' (' + g.relation + ')' : ''), contactLine(g.contact)))),
      el('td', {}, el('span', { className: 'label ' + (STATES[p.state] || 'label-default') + ' vom-desk-state', text: p.state }),
        p.partEnded ? el('div', { className: 'text-muted small vom-desk-part-ended', text: 'Own part ended: ' + p.partEnded }) : null)))));
}

/** How to reach a person (for those who work the case): phone, email, address and the person's safe-contact choice. */
function contactLine(contact) {
  if (!contact) return null;
  const parts = [contact.phone, contact.email, contact.postalAddress].filter(Boolean);
  const safety = [contact.preferredChannel ? 'prefers ' + contact.preferredChannel : null, contact.doNotWrite ? 'do not write' : null,
    contact.noMessages ? 'no messages' : null, contact.safeTimeToCall ? 'call ' + contact.safeTimeToCall : null].filter(Boolean);
  return el('div', { className: 'text-muted small vom-desk-contact' }, parts.join(' · '),
    safety.length ? el('strong', { className: 'vom-desk-safe', text: ' (' + safety.join(', ') + ')' }) : null);
}

function sessionsSection(sessions) {
  if (!sessions.length) return section('Sessions', 'vom-desk-sessions', empty('No session scheduled yet.'));
  return section('Sessions', 'vom-desk-sessions', table('vom-desk-session-table', ['When', '', 'For', 'Where', 'Outcome'],
    sessions.map(s => el('tr', { className: 'vom-desk-session vom-desk-session-' + s.when },
      el('td', { className: 'text-nowrap', text: formatDate(s.start) }),
      el('td', { text: s.when }),
      el('td', { text: s.kind === 'appointment' ? s.person + ' (own appointment)' : humanize(s.meetingType || 'session') }),
      el('td', { text: s.place || '' }),
      el('td', { text: [s.held, s.outcome].filter(Boolean).map(humanize).join(', ') })))));
}

function agreementSection(agreement) {
  if (!agreement.length) return section('Agreement', 'vom-desk-agreement', empty('No agreement recorded.'));
  return section('Agreement', 'vom-desk-agreement', ...agreement.map(person => el('div', { className: 'vom-desk-debtor' },
    el('h5', { text: person.person }),
    el('p', { className: 'vom-desk-ledger' }, ...['owed', 'paid', 'due', 'overdue'].map(k =>
      el('span', { className: 'vom-desk-ledger-' + k }, el('strong', { text: humanize(k) + ': ' }), person.ledger[k] + ' '))),
    table('vom-desk-items', ['Item', 'Instalment', 'Amount', 'Due', 'State', 'Paid'],
      person.items.flatMap(item => [
        el('tr', { className: 'vom-desk-item' }, el('td', { colspan: 6, text: item.text })),
        ...item.instalments.map(part => el('tr', { className: 'vom-desk-instalment vom-desk-instalment-' + part.state },
          el('td', { text: part.id }),
          el('td', { text: part.instalment ? String(part.instalment) : '' }),
          el('td', { text: part.amount || (part.hours ? part.hours + ' h' : '') }),
          el('td', { text: part.dueDate ? formatDate(part.dueDate, false) : '' }),
          el('td', { text: humanize(part.state) + (part.escalated ? ' (escalated)' : '') }),
          el('td', { text: part.paid || '' })))])))));
}

function documentItem(d) {
  if (!d.uploaded) {
    return el('li', { className: 'vom-desk-document' },
      el('a', { href: d.href, target: '_blank', rel: 'noopener', text: d.fileName || d.id }), ' ',
      el('span', { className: 'text-muted', text: formatDate(d.createdAt) }));
  }
  return el('li', { className: 'vom-desk-document vom-desk-uploaded', 'data-document': d.id },
    el('a', { href: d.href, download: d.fileName || '', text: d.title || d.fileName || d.id }), ' ',
    el('span', { className: 'text-muted', text: [d.kindLabel, d.fileName, formatSize(d.size), d.uploadedBy,
      formatDate(d.createdAt)].filter(Boolean).join(' · ') }));
}

function formatSize(bytes) {
  if (typeof bytes !== 'number') return '';
  if (bytes >= 1024 * 1024) return (bytes % (1024 * 1024) ? (bytes / (1024 * 1024)).toFixed(1) : bytes / (1024 * 1024)) + ' MB';
  if (bytes >= 1024) return Math.ceil(bytes / 1024) + ' KB';
  return bytes + ' bytes';
}

function documentsAndMessages(view, additions) {
  const docs = view.documents || [];
  const messages = view.messages || [];
  return [
    section('Documents', 'vom-desk-documents', docs.length ? el('ul', { className: 'list-unstyled' }, ...docs.map(documentItem))
      : empty('No documents yet.'), additions ? uploadForm(view, additions) : null),
    section('Messages', 'vom-desk-messages', messages.length ? table('vom-desk-message-table', ['Date', 'Message', 'To', 'How', 'Status'],
      messages.map(m => el('tr', {},
        el('td', { className: 'text-nowrap', text: formatDate(m.createdAt) }),
        el('td', { text: humanize(m.message) }),
        el('td', { text: (m.recipientName || '') + (m.recipientRole ? ' (' + m.recipientRole + ')' : '') }),
        el('td', { text: m.channel || '' }),
        el('td', { text: humanize(m.status) })))) : empty('No messages yet.'))
  ];
}

// --- adding to the case file (Tasklist: the case's mediators and the coordinators) --------------------------------

let fieldCount = 0;

/** A labelled form field with its help text and the place for the server's refusal of it. */
function field(label, control, help) {
  const id = 'vom-desk-field-' + (++fieldCount);
  control.id = id;
  const helpNode = help ? el('p', { className: 'help-block', id: id + '-help', text: help }) : null;
  if (helpNode) control.setAttribute('aria-describedby', id + '-help');
  const error = el('p', { className: 'help-block vom-desk-field-error', id: id + '-error', 'aria-live': 'polite' });
  const group = el('div', { className: 'form-group' }, el('label', { className: 'control-label', for: id, text: label }), control,
    helpNode, error);
  return {
    group,
    control,
    show(message) {
      error.textContent = message || '';
      group.classList.toggle('has-error', Boolean(message));
      if (message) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', [helpNode ? id + '-help' : null, id + '-error'].filter(Boolean).join(' '));
      } else {
        control.removeAttribute('aria-invalid');
        if (helpNode) control.setAttribute('aria-describedby', id + '-help'); else control.removeAttribute('aria-describedby');
      }
    }
  };
}

/**
 * Posts a change of the case file with the webapp's session (the header X-VOM-Request is what the case file's changes
 * need); shows a refused field at the field, anything else above the button. Calls done() after the change.
 */
async function sendChange(path, body, fields, summary, done) {
  Object.values(fields).forEach(f => f.show(''));
  summary.textContent = '';
  let response;
  try {
    response = await fetch(path, { method: 'POST', credentials: 'same-origin', body,
      headers: Object.assign({ Accept: 'application/json', 'X-VOM-Request': '1' },
        typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}) });
  } catch (error) {
    summary.textContent = 'Not sent: ' + (error && error.message ? error.message : error);
    return false;
  }
  if (response.ok) {
    done();
    return true;
  }
  let refusal = null;
  try {
    refusal = await response.json();
  } catch (error) {
    refusal = null;
  }
  const errors = refusal && Array.isArray(refusal.errors) ? refusal.errors : [];
  let first = null;
  for (const error of errors) {
    const target = fields[error.field];
    if (target) {
      target.show(error.message);
      first = first || target.control;
    }
  }
  if (first) {
    first.focus();
  } else if (response.status === 401) {
    summary.textContent = 'Your session has ended. Please log in again.';
  } else {
    summary.textContent = (refusal && refusal.message) || 'Not saved (HTTP ' + response.status + ').';
  }
  return false;
}

function uploadForm(view, additions) {
  const maxSize = view.maxDocumentSize || 0;
  const file = field('File', el('input', { type: 'file', name: 'file', required: true,
    accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg' }),
    'A PDF, PNG or JPEG, at most ' + formatSize(maxSize) + '. What the file is, is checked by its content.');
  const kind = field('Kind', el('select', { className: 'form-control input-sm', name: 'kind', required: true },
    ...Object.entries(view.documentKinds || {}).map(([code, label]) => el('option', { value: code, text: label }))));
  const title = field('Title', el('input', { type: 'text', className: 'form-control input-sm', name: 'title', required: true,
    minlength: 3, maxlength: 200 }), '3 to 200 characters, e.g. "Mandate of the public prosecutor, 3 May".');
  const summary = el('div', { className: 'text-danger vom-desk-form-summary', role: 'alert' });
  const button = el('button', { type: 'submit', className: 'btn btn-default btn-sm vom-desk-upload', text: 'Upload' });
  const fields = { file, kind, title };
  const form = el('form', { className: 'vom-desk-form vom-desk-upload-form', novalidate: true }, el('h5', { text: 'Upload a document' }),
    file.group, kind.group, title.group, summary, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = file.control.files && file.control.files[0];
    if (!chosen) {
      file.show('Choose a file to upload (a PDF, PNG or JPEG).');
      file.control.focus();
      return;
    }
    if (maxSize && chosen.size > maxSize) {
      file.show('The file is larger than ' + formatSize(maxSize) + '.');
      file.control.focus();
      return;
    }
    const data = new FormData();
    data.append('file', chosen, chosen.name);
    data.append('kind', kind.control.value);
    data.append('title', title.control.value);
    button.disabled = true;
    await sendChange(API + '/cases/' + encodeURIComponent(view.caseNumber) + '/documents', data, fields, summary, additions.refresh);
    button.disabled = false;
  });
  return form;
}

function plainNotesSection(view, additions) {
  const notes = view.notes || [];
  const list = notes.length ? notes.map(n => el('div', { className: 'vom-desk-plain-note', 'data-note': n.id },
    el('span', { className: 'text-muted', text: [n.writtenBy, formatDate(n.writtenAt)].filter(Boolean).join(' · ') }),
    el('pre', { className: 'vom-desk-text', text: n.text }))) : [empty('No notes yet.')];
  let form = null;
  if (additions) {
    const text = field('Note', el('textarea', { className: 'form-control', name: 'text', rows: 3, required: true, minlength: 3,
      maxlength: 2000 }), '3 to 2000 characters. Everyone who may read the case sees it: nothing confidential here.');
    const summary = el('div', { className: 'text-danger vom-desk-form-summary', role: 'alert' });
    const button = el('button', { type: 'submit', className: 'btn btn-default btn-sm vom-desk-add-note', text: 'Add note' });
    form = el('form', { className: 'vom-desk-form vom-desk-note-form', novalidate: true }, el('h5', { text: 'Add a note' }),
      text.group, summary, button);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      button.disabled = true;
      await sendChange(API + '/cases/' + encodeURIComponent(view.caseNumber) + '/notes', JSON.stringify({ text: text.control.value }),
        { text }, summary, additions.refresh);
      button.disabled = false;
    });
  }
  return section('Notes', 'vom-desk-plain-notes',
    el('p', { className: 'text-muted', text: 'Seen by the case\'s mediators, the coordinators and the supervisors.' }), ...list, form);
}

function notesSection(notes) {
  return section('Confidential notes', 'vom-desk-notes',
    el('p', { className: 'text-muted', text: 'Only those allowed to read them see these notes; each reading is recorded.' }),
    ...(notes.length ? notes.map(n => el('div', { className: 'vom-desk-note' },
      el('strong', { text: n.label }), el('span', { className: 'text-muted',
        text: ' ' + [n.personId, n.taskName, n.writtenBy, formatDate(n.writtenAt)].filter(Boolean).join(' · ') }),
      el('pre', { className: 'vom-desk-text', text: n.text }))) : [empty('No notes yet.')]));
}

function versionsSection(versions) {
  return section('Process versions', 'vom-desk-versions', el('ul', { className: 'list-inline' }, ...versions.map(v =>
    el('li', { className: 'vom-desk-version', text: v.key + ' v' + v.version + (v.versionTag ? ' (' + v.versionTag + ')' : '')
      + (v.running ? '' : ', ended') }))));
}

function timelineSection(timeline) {
  if (!timeline.length) return section('Timeline', 'vom-desk-timeline', empty('Nothing happened yet.'));
  const added = t => t.kind === 'note' || t.kind === 'document';
  const rows = timeline.map(t => el('tr', { className: 'vom-desk-event vom-desk-event-' + (t.kind === 'audit' || added(t) ? t.kind : 'step') },
    el('td', { className: 'text-nowrap', text: formatDate(t.at) }),
    el('td', { text: t.kind === 'audit' ? humanize(t.what) : t.what }),
    el('td', { className: added(t) ? 'vom-desk-text' : null, text: t.kind === 'audit' || added(t) ? (t.subject || '') : t.state || '' }),
    el('td', { text: t.who || '' })));
  const shown = el('tbody', {}, ...rows.slice(0, 30));
  const more = rows.length > 30 ? el('button', { type: 'button', className: 'btn btn-link btn-xs', text: 'Show all ' + rows.length,
    onclick: event => { shown.replaceChildren(...rows); event.target.remove(); } }) : null;
  return section('Timeline (newest first)', 'vom-desk-timeline', el('table', { className: 'table table-condensed' },
    el('thead', {}, el('tr', {}, ...['When', 'What', '', 'Who'].map(h => el('th', { text: h })))), shown), more);
}

/**
 * Renders the overview of a case into the node; editable (Tasklist) adds the note and upload forms for those who may
 * add to the case (not read-only, not deleted).
 */
export async function showOverview(node, caseNumber, { onBack, editable, quiet } = {}) {
  addStyles();
  node.classList.add('vom-desk');
  // After a note or a document was added the overview is read again in place (quiet), keeping where the user is.
  if (!quiet) node.replaceChildren(el('div', { className: 'text-muted', text: 'Loading the case overview…' }));
  const { body: view, error, kind } = await getJson(API + '/cases/' + encodeURIComponent(caseNumber), 'The case overview');
  const additions = view && editable && !view.readOnly && view.phase !== 'deleted'
    ? { refresh: () => showOverview(node, caseNumber, { onBack, editable, quiet: true }) } : null;
  if (error) {
    node.replaceChildren(...(onBack ? [el('button', { type: 'button', className: 'btn btn-default btn-xs', text: '← Cases', onclick: onBack })] : []),
      notice(kind || 'danger', error));
    return;
  }
  const header = el('div', { className: 'vom-desk-header' },
    el('button', { type: 'button', className: 'btn btn-default btn-xs pull-right vom-desk-reload', text: 'Reload',
      onclick: () => showOverview(node, caseNumber, { onBack, editable }) }),
    onBack ? el('button', { type: 'button', className: 'btn btn-default btn-xs pull-right vom-desk-back', text: '← Cases', onclick: onBack }) : null,
    el('h3', { text: 'Case overview ' + view.caseNumber }),
    el('p', {}, el('span', { className: 'label label-primary vom-desk-phase', text: view.phaseLabel || view.phase }), ' ',
      view.readOnly ? el('span', { className: 'label label-default vom-desk-readonly', text: 'read-only' }) : null, ' ',
      el('span', { className: 'text-muted', text: [view.referrer, view.referrerReference, view.reportsTo && 'reports to ' + view.reportsTo,
        view.offenceCategory && humanize(view.offenceCategory),
        view.registeredAt && 'registered ' + formatDate(view.registeredAt, false),
        (view.mediators || []).length ? 'mediators: ' + view.mediators.join(', ') : 'no mediators yet'].filter(Boolean).join(' · ') })));
  node.replaceChildren(header,
    waitingSection(view),
    personsSection(view.persons || []),
    sessionsSection(view.sessions || []),
    agreementSection(view.agreement || []),
    ...documentsAndMessages(view, additions),
    plainNotesSection(view, additions),
    ...(Array.isArray(view.confidentialNotes) ? [notesSection(view.confidentialNotes)] : []),
    versionsSection(view.versions || []),
    timelineSection(view.timeline || []));
}

// --- the list -----------------------------------------------------------------------------------

/** Renders the case list into the node; openCase(caseNumber) opens an overview. */
export function showList(node, openCase, state = { q: '', phase: '', sort: 'next', first: 0 }) {
  addStyles();
  node.classList.add('vom-desk');
  const search = el('input', { type: 'search', className: 'form-control input-sm vom-desk-search', name: 'q', value: state.q,
    placeholder: 'Case number, name or reference', 'aria-label': 'Search cases' });
  const phase = el('select', { className: 'form-control input-sm vom-desk-phase-filter', name: 'phase', 'aria-label': 'Phase' },
    el('option', { value: '', text: 'Every phase' }));
  const sort = el('select', { className: 'form-control input-sm vom-desk-sort', name: 'sort', 'aria-label': 'Sort' },
    el('option', { value: 'next', text: 'Next date first' }), el('option', { value: 'number', text: 'Newest case first' }),
    el('option', { value: 'registered', text: 'Last registered first' }));
  sort.value = state.sort;
  const results = el('div', { className: 'vom-desk-results' }, el('div', { className: 'text-muted', text: 'Loading the cases…' }));
  let timer = null;
  const reload = first => { state.first = first; load(); };
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { state.q = search.value; reload(0); }, 300); });
  phase.addEventListener('change', () => { state.phase = phase.value; reload(0); });
  sort.addEventListener('change', () => { state.sort = sort.value; reload(0); });
  node.replaceChildren(el('div', { className: 'vom-desk-header' }, el('h3', { text: 'Cases' }),
    el('form', { className: 'form-inline vom-desk-filters', onsubmit: e => { e.preventDefault(); state.q = search.value; reload(0); } },
      search, ' ', phase, ' ', sort)), results, calendarSection(openCase));
  let phasesFilled = false;

  async function load() {
    const params = new URLSearchParams({ sort: state.sort, first: String(state.first), max: String(PAGE) });
    if (state.q.trim()) params.set('q', state.q.trim());
    if (state.phase) params.set('phase', state.phase);
    const { body, error, kind } = await getJson(API + '/cases?' + params, 'The case list');
    if (error) {
      results.replaceChildren(notice(kind || 'danger', error));
      return;
    }
    if (!phasesFilled) {
      phasesFilled = true;
      for (const [code, label] of Object.entries(body.phases || {})) phase.appendChild(el('option', { value: code, text: label }));
      phase.value = state.phase;
    }
    if (!body.cases.length) {
      results.replaceChildren(empty(state.q || state.phase ? 'No case matches.' : 'No cases.'));
      return;
    }
    const rows = body.cases.map(c => {
      const link = el('a', { href: '#', className: 'vom-desk-open', text: c.caseNumber,
        onclick: event => { event.preventDefault(); openCase(c.caseNumber); } });
      return el('tr', { className: 'vom-desk-case', 'data-case': c.caseNumber },
        el('td', {}, link),
        el('td', { text: (c.persons || []).join(', ') }),
        el('td', { text: c.phaseLabel || c.phase || '' }),
        el('td', { className: 'text-nowrap', text: c.nextDate ? formatDate(c.nextDate) : '' }),
        el('td', { text: c.nextWhat || '' }),
        el('td', { text: (c.mediators || []).join(', ') }),
        el('td', { className: 'text-muted', text: c.referrerReference || '' }));
    });
    const last = Math.min(body.first + body.cases.length, body.total);
    results.replaceChildren(
      table('table-hover vom-desk-list', ['Case', 'Persons', 'Phase', 'Next date', 'Waits for', 'Mediators', 'Reference'], rows),
      el('div', { className: 'vom-desk-paging' },
        el('span', { className: 'text-muted', text: (body.first + 1) + '–' + last + ' of ' + body.total + ' ' }),
        el('button', { type: 'button', className: 'btn btn-default btn-xs', text: '‹ Previous', disabled: body.first === 0,
          onclick: () => reload(Math.max(0, body.first - PAGE)) }), ' ',
        el('button', { type: 'button', className: 'btn btn-default btn-xs', text: 'Next ›', disabled: last >= body.total,
          onclick: () => reload(body.first + PAGE) })));
  }
  load();
  return state;
}

/** "Sessions to come" under the list: the calendar of the user's cases (GET /vom/calendar), and its file to subscribe to. */
function calendarSection(openCase) {
  const body = el('div', { className: 'vom-desk-calendar-body' }, el('div', { className: 'text-muted', text: 'Loading the sessions…' }));
  const node = section('Sessions to come', 'vom-desk-calendar', body);
  (async () => {
    const { body: calendar, error, kind } = await getJson(API + '/calendar', 'The calendar');
    if (error) {
      body.replaceChildren(notice(kind || 'danger', error));
      return;
    }
    const subscribe = el('p', { className: 'text-muted' }, 'Subscribe in your calendar app with your login: ',
      el('a', { href: calendar.ics, className: 'vom-desk-ics', text: 'calendar file (.ics)' }),
      ' (case numbers, times and places only, no names).');
    if (!calendar.events.length) {
      body.replaceChildren(empty('No session to come.'), subscribe);
      return;
    }
    const rows = calendar.events.map(event => el('tr', { className: 'vom-desk-event', 'data-case': event.caseNumber },
      el('td', { className: 'text-nowrap', text: formatDate(event.start) }),
      el('td', {}, el('a', { href: '#', text: event.caseNumber, onclick: e => { e.preventDefault(); openCase(event.caseNumber); } })),
      el('td', { text: event.kind === 'appointment' ? 'Indirect mediation: appointment with ' + event.personId : 'Mediation session' }),
      el('td', { text: event.place || '' })));
    body.replaceChildren(table('vom-desk-events', ['When', 'Case', 'Meeting', 'Place'], rows), subscribe);
  })();
  return node;
}

// --- the plugins --------------------------------------------------------------------------------

/** The "Case overview" tab of a task (Tasklist) or a process instance (Cockpit): query(context) → ?task= / ?processInstance=. */
export function overviewTab({ id, pluginPoint, priority, query, editable = false }) {
  return {
    id,
    pluginPoint,
    priority,
    render: async (node, context) => {
      addStyles();
      node.classList.add('vom-desk');
      const { body, error, kind } = await getJson(API + '/case-of?' + query(context || {}), 'The case');
      if (error) {
        node.replaceChildren(notice(kind || 'danger', error));
        return;
      }
      showOverview(node, body.caseNumber, { editable });
    },
    properties: { label: 'Case overview' }
  };
}

/** The case number in the address: #/?vomCase=VOM-2026-00001 (Tasklist) or #/vom-cases?case=... (Cockpit). */
function caseInAddress(parameter) {
  const hash = window.location.hash || '';
  const query = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get(parameter);
}

let panel = null;

/** Tasklist: the desk as a panel over the task list, opened by "Cases" in the header or by the address. */
function openPanel(caseNumber) {
  addStyles();
  if (!panel) {
    const content = el('div', { className: 'vom-desk-panel-content' });
    panel = el('div', { className: 'vom-desk-panel', role: 'dialog', 'aria-label': 'Cases' },
      el('button', { type: 'button', className: 'btn btn-default btn-sm vom-desk-close', text: 'Close', onclick: closePanel }), content);
    panel.content = content;
    panel.listState = undefined;
    document.body.appendChild(panel);
  }
  panel.hidden = false;
  // Tasklist adds its own parameters (filter, sorting) to the address: only a different case changes it.
  const list = () => {
    panel.current = null;
    panel.listState = showList(panel.content, open, panel.listState);
    if (caseInAddress('vomCase')) history.replaceState(null, '', '#/?vomCases=1');
  };
  const open = number => {
    panel.current = number;
    if (caseInAddress('vomCase') !== number) history.replaceState(null, '', '#/?vomCase=' + encodeURIComponent(number));
    showOverview(panel.content, number, { onBack: list, editable: true });
  };
  if (caseNumber) open(caseNumber); else list();
}

function closePanel() {
  if (panel) {
    panel.hidden = true;
    panel.current = null;
  }
  if (caseInAddress('vomCase') || caseInAddress('vomCases')) history.replaceState(null, '', '#/');
}

function fromAddress() {
  const number = caseInAddress('vomCase');
  const open = panel && !panel.hidden;
  if (number && !(open && panel.current === number)) openPanel(number);
  else if (!number && caseInAddress('vomCases') && !open) openPanel(null);
}

/** Tasklist's header action "Cases" (tasklist.navbar.action), and the address #/?vomCase=<number>. */
export function casesNavbarAction({ id, priority }) {
  window.addEventListener('hashchange', fromAddress);
  setTimeout(fromAddress, 0);
  return {
    id,
    pluginPoint: 'tasklist.navbar.action',
    priority,
    render: node => {
      node.appendChild(el('a', { href: '#/?vomCases=1', className: 'vom-desk-nav', role: 'button', title: 'Your cases, waiting ones included',
        onclick: event => { event.preventDefault(); openPanel(null); } },
        el('span', { className: 'glyphicon glyphicon-briefcase', 'aria-hidden': 'true' }), ' Cases'));
    }
  };
}

const ROUTE = '/vom-cases';

/** Cockpit: the navigation entry "Cases" (for those who may read the list: supervisors; not administrators). */
export function casesNavigation({ id, priority }) {
  return {
    id,
    pluginPoint: 'cockpit.navigation',
    priority,
    render: node => {
      // Administrators read no case (the boundary refuses them the list): they are not even asked.
      isAdministrator().then(admin => (admin ? { ok: false }
        : fetch(API + '/cases?max=1', { credentials: 'same-origin', headers: { Accept: 'application/json' } }))).then(response => {
        const item = node.closest('li');
        if (!response.ok) {
          if (item) item.style.display = 'none';
          return;
        }
        node.appendChild(el('a', { href: '#' + ROUTE, className: 'vom-desk-nav', text: 'Cases' }));
      }).catch(() => {});
    },
    properties: { path: ROUTE, label: 'Cases', checkActive: url => url.indexOf('#' + ROUTE) > -1 }
  };
}

/** Cockpit: the page #/vom-cases (the list) and #/vom-cases?case=<number> (an overview). */
export function casesPage({ id }) {
  return {
    id,
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: node => {
      const holder = el('div', { className: 'vom-desk-page' });
      node.appendChild(holder);
      let state;
      const list = () => {
        history.replaceState(null, '', '#' + ROUTE);
        state = showList(holder, open, state);
      };
      const open = number => {
        history.replaceState(null, '', '#' + ROUTE + '?case=' + encodeURIComponent(number));
        showOverview(holder, number, { onBack: list });
      };
      const number = caseInAddress('case');
      if (number) showOverview(holder, number, { onBack: list }); else state = showList(holder, open);
    },
    properties: { path: ROUTE, label: 'Cases' }
  };
}
