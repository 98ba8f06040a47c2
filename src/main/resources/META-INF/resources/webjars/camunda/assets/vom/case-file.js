// VOM Case: the "Case file" tab of Tasklist (tasklist.task.detail) and Cockpit
// (cockpit.processInstance.runtime.tab). It shows the case's documents and every message of the case
// (what, to whom, when, how, status) from GET /vom/case-file, and in Tasklist lets a mediator mark a
// letter as posted. Plain DOM: server data is only ever set as text (textContent), never as HTML.
// Imported by app/tasklist/scripts/vom-case-file.js and app/cockpit/scripts/vom-case-file.js.

import { addStylesheet, el } from './dom.js';

// The /vom endpoints live at the root of the servlet context, next to /camunda.
const API = '/vom';

const CHANNELS = { email: 'Email', letter: 'Letter', tasklist: 'Tasklist', none: 'None' };

// status -> [text, bootstrap label class]
const STATUSES = {
  sending: ['sending', 'label-info'],
  sent: ['sent', 'label-success'],
  unknown: ['outcome unknown, to be sent again', 'label-warning'],
  resending: ['sending again', 'label-info'],
  resent: ['resent (may have arrived twice, same Message-ID)', 'label-success'],
  to_post: ['letter to post', 'label-warning'],
  posted: ['posted', 'label-success'],
  failed: ['failed', 'label-danger'],
  refused: ['refused', 'label-danger'],
  no_address: ['no address', 'label-default']
};

function addStyles() {
  addStylesheet(new URL('./case-file.css', import.meta.url).href);
}

function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (isNaN(date.getTime())) return String(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

// "mandate-reminder" -> "Mandate reminder"
function humanize(key) {
  const text = String(key || '').replace(/[-_]+/g, ' ').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function notice(kind, text) {
  return el('div', { className: 'alert alert-' + kind + ' vom-case-file-notice', role: kind === 'danger' ? 'alert' : 'status', text });
}

async function load(query) {
  let response;
  try {
    response = await fetch(API + '/case-file?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    return { error: 'The case file could not be loaded: ' + (error && error.message ? error.message : error) };
  }
  if (response.status === 404) return { error: "You cannot see this case's file.", kind: 'warning', forbidden: true };
  if (response.status === 401) return { error: 'Your session has ended. Please log in again.' };
  if (!response.ok) return { error: 'The case file could not be loaded (HTTP ' + response.status + ').' };
  try {
    return { file: await response.json() };
  } catch (error) {
    return { error: 'The case file could not be read.' };
  }
}

async function markPosted(messageId) {
  const response = await fetch(API + '/messages/' + encodeURIComponent(messageId) + '/posted', {
    method: 'POST', credentials: 'same-origin', headers: { 'X-VOM-Request': '1', Accept: 'application/json' }
  });
  if (response.ok) return { refresh: true };
  // 409: someone else marked it meanwhile (or it is no longer a letter to post): show its status now.
  if (response.status === 409) return { refresh: true };
  if (response.status === 404) return { error: "You cannot change this case's file." };
  if (response.status === 401) return { error: 'Your session has ended. Please log in again.' };
  return { error: 'The letter could not be marked as posted (HTTP ' + response.status + ').' };
}

function documentsSection(documents) {
  const section = el('div', { className: 'vom-case-file-documents' }, el('h4', { text: 'Documents' }));
  if (!documents.length) {
    section.appendChild(el('p', { className: 'text-muted', text: 'No documents yet.' }));
    return section;
  }
  const list = el('ul', { className: 'list-unstyled' });
  for (const doc of documents) {
    // An uploaded document is always a download (the server sends it as an attachment); the case's own PDFs open.
    list.appendChild(el('li', {},
      el('a', doc.uploaded ? { href: doc.href, download: doc.fileName || '', className: 'vom-case-file-document' }
        : { href: doc.href, target: '_blank', rel: 'noopener', className: 'vom-case-file-document' },
      el('span', { className: 'glyphicon glyphicon-file', 'aria-hidden': 'true' }), ' ', doc.uploaded ? doc.title || doc.fileName
        : doc.fileName || doc.id),
      ' ', el('span', { className: 'text-muted', text: (doc.uploaded ? [doc.kindLabel, doc.fileName, doc.uploadedBy] : [])
        .concat([formatDate(doc.createdAt)]).filter(Boolean).join(' · ') })));
  }
  section.appendChild(list);
  return section;
}

function statusCell(message, canPost, onPosted) {
  const [text, labelClass] = STATUSES[message.status] || [message.status || 'unknown', 'label-default'];
  const cell = el('td', { className: 'vom-case-file-status' },
    el('span', { className: 'label ' + labelClass + ' vom-status-' + (message.status || 'unknown'), text }));
  if (['failed', 'unknown', 'refused'].includes(message.status) && message.error) {
    cell.appendChild(el('div', { className: 'text-danger vom-case-file-error', text: message.error }));
  }
  if (['sent', 'resent', 'posted'].includes(message.status) && message.sentAt) {
    cell.appendChild(el('div', { className: 'text-muted small', text: formatDate(message.sentAt) }));
  }
  if (message.documentId && (message.status === 'to_post' || message.channel === 'letter')) {
    cell.appendChild(el('div', {},
      el('a', { href: API + '/documents/' + encodeURIComponent(message.documentId), target: '_blank', rel: 'noopener',
        className: 'vom-case-file-letter' }, 'Letter (PDF)')));
  }
  if (message.status === 'to_post' && canPost) {
    const problem = el('div', { className: 'text-danger small' });
    const button = el('button', { type: 'button', className: 'btn btn-default btn-xs vom-case-file-posted', text: 'Mark as posted' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      problem.textContent = '';
      let outcome;
      try {
        outcome = await markPosted(message.id);
      } catch (e) {
        outcome = { error: 'The letter could not be marked as posted: ' + (e && e.message ? e.message : e) };
      }
      if (outcome.refresh) {
        onPosted();
      } else {
        problem.textContent = outcome.error;
        button.disabled = false;
      }
    });
    cell.appendChild(el('div', {}, button));
    cell.appendChild(problem);
  }
  return cell;
}

function messagesSection(messages, canPost, onPosted) {
  const section = el('div', { className: 'vom-case-file-messages' }, el('h4', { text: 'Messages' }));
  if (!messages.length) {
    section.appendChild(el('p', { className: 'text-muted', text: 'No messages yet.' }));
    return section;
  }
  const body = el('tbody');
  const table = el('table', { className: 'table table-condensed table-hover vom-case-file-table' },
    el('thead', {}, el('tr', {}, ...['Date', 'Message', 'To', 'How', 'Status', 'Subject', ''].map(h => el('th', { text: h })))),
    body);
  const columns = 7;
  for (const message of messages) {
    const detail = el('tr', { className: 'vom-case-file-body', hidden: true },
      el('td', { colspan: columns }, el('div', { className: 'vom-case-file-text', text: message.body || '(no text)' })));
    const toggle = el('button', { type: 'button', className: 'btn btn-link btn-xs vom-case-file-toggle', text: 'show',
      'aria-expanded': 'false' });
    const flip = () => {
      detail.hidden = !detail.hidden;
      toggle.textContent = detail.hidden ? 'show' : 'hide';
      toggle.setAttribute('aria-expanded', String(!detail.hidden));
    };
    toggle.addEventListener('click', event => { event.stopPropagation(); flip(); });
    const address = message.recipientAddress ? String(message.recipientAddress).split(/\s*\n\s*/).join(', ') : '';
    const row = el('tr', { className: 'vom-case-file-row vom-message-' + (message.message || ''), title: 'Show the text' },
      el('td', { className: 'text-nowrap', text: formatDate(message.createdAt) }),
      el('td', { text: humanize(message.message) }),
      el('td', {}, message.recipientName || '', message.recipientRole
        ? el('span', { className: 'text-muted', text: (message.recipientName ? ' (' : '(') + message.recipientRole + ')' }) : null),
      el('td', {}, CHANNELS[message.channel] || message.channel || '',
        address ? el('div', { className: 'text-muted small', text: address }) : null),
      statusCell(message, canPost, onPosted),
      el('td', { text: message.subject || '' }),
      el('td', {}, toggle));
    row.addEventListener('click', event => {
      if (event.target.closest('a, button')) return;
      flip();
    });
    body.appendChild(row);
    body.appendChild(detail);
  }
  section.appendChild(table);
  return section;
}

/** Who did what in the case (engine actions and documents opened); only sent to coordinators, supervisors, administrators. */
function auditSection(audit) {
  const section = el('div', { className: 'vom-case-file-audit' }, el('h4', { text: 'Audit trail' }));
  if (!audit.length) {
    section.appendChild(el('p', { className: 'text-muted', text: 'Nothing recorded yet.' }));
    return section;
  }
  const body = el('tbody');
  for (const entry of audit) {
    body.appendChild(el('tr', { className: 'vom-audit-row' },
      el('td', { className: 'text-nowrap', text: formatDate(entry.at) }),
      el('td', { text: entry.userId || '(the system)' }),
      el('td', { text: humanize(entry.action) }),
      el('td', { text: entry.subject || '' })));
  }
  section.appendChild(el('table', { className: 'table table-condensed vom-case-file-table' },
    el('thead', {}, el('tr', {}, ...['When', 'Who', 'What', 'On'].map(h => el('th', { text: h })))), body));
  return section;
}

/** The case's plain notes (every reader of the case sees them), with author and time; added in the case overview. */
function plainNotesSection(notes) {
  const section = el('div', { className: 'vom-case-file-plain-notes' }, el('h4', { text: 'Notes' }));
  if (!notes.length) {
    section.appendChild(el('p', { className: 'text-muted', text: 'No notes yet.' }));
    return section;
  }
  for (const note of notes) {
    section.appendChild(el('div', { className: 'vom-note' },
      el('div', { className: 'vom-note-head text-muted', text: [note.writtenBy, formatDate(note.writtenAt)].filter(Boolean).join(' · ') }),
      el('pre', { className: 'vom-case-file-text', text: note.text })));
  }
  return section;
}

/** The confidential notes the caller may read (the case's mediators: their notes; coordinators: the police file). */
function notesSection(notes) {
  const section = el('div', { className: 'vom-case-file-notes' }, el('h4', { text: 'Confidential notes' }),
    el('p', { className: 'text-muted', text: 'Only you and the others allowed to read them see these notes; each reading is recorded.' }));
  if (!notes.length) {
    section.appendChild(el('p', { className: 'text-muted', text: 'No notes yet.' }));
    return section;
  }
  for (const note of notes) {
    const about = [note.personId, note.taskName].filter(Boolean).join(', ');
    section.appendChild(el('div', { className: 'vom-note' },
      el('div', { className: 'vom-note-head' }, el('strong', { text: note.label }),
        el('span', { className: 'text-muted', text: ' ' + [about, note.writtenBy, formatDate(note.writtenAt)].filter(Boolean).join(' · ') })),
      el('pre', { className: 'vom-case-file-text', text: note.text })));
  }
  return section;
}

/** "Runs on: Case 1.6.0 (version 3) · Contact a person 1.5.0 (version 2)": which deployed versions the case uses. */
function versionsLine(versions) {
  const text = versions.map(v => `${v.name || v.process} ${v.versionTag || ''} (version ${v.version})`.replace('  ', ' '))
    .join(' · ');
  return el('p', { className: 'text-muted vom-case-file-versions', text: (versions.some(v => v.running) ? 'Runs on: '
    : 'Ran on: ') + text });
}

async function show(node, query, canPost) {
  addStyles();
  node.classList.add('vom-case-file');
  if (!node.hasChildNodes()) node.replaceChildren(el('div', { className: 'text-muted', text: 'Loading the case file…' }));
  const { file, error, kind } = await load(query);
  if (error) {
    node.replaceChildren(notice(kind || 'danger', error));
    return;
  }
  const reload = el('button', { type: 'button', className: 'btn btn-default btn-xs pull-right vom-case-file-reload', text: 'Reload',
    onclick: () => show(node, query, canPost) });
  node.replaceChildren(
    el('div', { className: 'vom-case-file-header' }, reload, el('h3', { text: 'Case file ' + (file.caseNumber || '') })),
    ...(Array.isArray(file.versions) && file.versions.length ? [versionsLine(file.versions)] : []),
    ...(Array.isArray(file.confidentialNotes) ? [notesSection(file.confidentialNotes)] : []),
    documentsSection(file.documents || []),
    plainNotesSection(file.notes || []),
    messagesSection(file.messages || [], canPost, () => show(node, query, canPost)),
    ...(Array.isArray(file.audit) ? [auditSection(file.audit)] : []));
}

/**
 * A plugin definition of the Camunda 7.14+ format: render(node, context) gets a fresh node for each
 * task or process instance shown. query(context) gives the parameters of GET /vom/case-file.
 */
export function caseFileTab({ id, pluginPoint, priority, query, canPost }) {
  return {
    id,
    pluginPoint,
    priority,
    render: (node, context) => { show(node, query(context || {}), canPost); },
    properties: { label: 'Case file' }
  };
}
