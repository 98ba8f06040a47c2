// VOM Case: the "Case file" tab of Tasklist (tasklist.task.detail) and Cockpit
// (cockpit.processInstance.runtime.tab). It shows the case's documents and every message of the case
// (what, to whom, when, how, status) from GET /vom/case-file, and in Tasklist lets a mediator mark a
// letter as posted. Plain DOM: server data is only ever set as text (textContent), never as HTML.
// Imported by app/tasklist/scripts/vom-case-file.js and app/cockpit/scripts/vom-case-file.js.

import { addStylesheet, el } from './dom.js';
import { t, label, formatDateTime } from './i18n.js';

// The /vom endpoints live at the root of the servlet context, next to /camunda.
const API = '/vom';

// status -> bootstrap label class (the words: i18n.js, status.<status>)
const STATUSES = {
  sending: 'label-info',
  sent: 'label-success',
  unknown: 'label-warning',
  resending: 'label-info',
  resent: 'label-success',
  to_post: 'label-warning',
  posted: 'label-success',
  failed: 'label-danger',
  refused: 'label-danger',
  no_address: 'label-default'
};

function addStyles() {
  addStylesheet(new URL('./case-file.css', import.meta.url).href);
}

const formatDate = formatDateTime;

function notice(kind, text) {
  return el('div', { className: 'alert alert-' + kind + ' vom-case-file-notice', role: kind === 'danger' ? 'alert' : 'status', text });
}

async function load(query) {
  let response;
  try {
    response = await fetch(API + '/case-file?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    return { error: t('caseFile.loadFailed', { error: error && error.message ? error.message : error }) };
  }
  if (response.status === 404) return { error: t('caseFile.forbidden'), kind: 'warning', forbidden: true };
  if (response.status === 401) return { error: t('common.sessionEnded') };
  if (!response.ok) return { error: t('caseFile.loadFailedHttp', { status: response.status }) };
  try {
    return { file: await response.json() };
  } catch (error) {
    return { error: t('caseFile.unreadable') };
  }
}

async function markPosted(messageId) {
  const response = await fetch(API + '/messages/' + encodeURIComponent(messageId) + '/posted', {
    method: 'POST', credentials: 'same-origin', headers: { 'X-VOM-Request': '1', Accept: 'application/json' }
  });
  if (response.ok) return { refresh: true };
  // 409: someone else marked it meanwhile (or it is no longer a letter to post): show its status now.
  if (response.status === 409) return { refresh: true };
  if (response.status === 404) return { error: t('caseFile.changeForbidden') };
  if (response.status === 401) return { error: t('common.sessionEnded') };
  return { error: t('caseFile.postFailedHttp', { status: response.status }) };
}

function documentsSection(documents) {
  const section = el('div', { className: 'vom-case-file-documents' }, el('h4', { text: t('common.documents') }));
  if (!documents.length) {
    section.appendChild(el('p', { className: 'text-muted', text: t('common.noDocuments') }));
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
      ' ', el('span', { className: 'text-muted', text: (doc.uploaded ? [label('documentKind', doc.kind, doc.kindLabel), doc.fileName, doc.uploadedBy] : [])
        .concat([formatDate(doc.createdAt)]).filter(Boolean).join(' · ') })));
  }
  section.appendChild(list);
  return section;
}

function statusCell(message, canPost, onPosted) {
  const labelClass = STATUSES[message.status] || 'label-default';
  const text = message.status ? label('status', message.status, message.status) : t('caseFile.statusUnknown');
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
        className: 'vom-case-file-letter' }, t('caseFile.letterPdf'))));
  }
  if (message.status === 'to_post' && canPost) {
    const problem = el('div', { className: 'text-danger small' });
    const button = el('button', { type: 'button', className: 'btn btn-default btn-xs vom-case-file-posted', text: t('caseFile.markPosted') });
    button.addEventListener('click', async () => {
      button.disabled = true;
      problem.textContent = '';
      let outcome;
      try {
        outcome = await markPosted(message.id);
      } catch (e) {
        outcome = { error: t('caseFile.postFailed', { error: e && e.message ? e.message : e }) };
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
  const section = el('div', { className: 'vom-case-file-messages' }, el('h4', { text: t('common.messages') }));
  if (!messages.length) {
    section.appendChild(el('p', { className: 'text-muted', text: t('common.noMessages') }));
    return section;
  }
  const body = el('tbody');
  const table = el('table', { className: 'table table-condensed table-hover vom-case-file-table' },
    el('thead', {}, el('tr', {}, ...[t('common.date'), t('common.message'), t('common.to'), t('common.how'), t('common.status'), t('caseFile.subject'), '']
      .map(h => el('th', { text: h })))),
    body);
  const columns = 7;
  for (const message of messages) {
    const detail = el('tr', { className: 'vom-case-file-body', hidden: true },
      el('td', { colspan: columns }, el('div', { className: 'vom-case-file-text', text: message.body || t('caseFile.noText') })));
    const toggle = el('button', { type: 'button', className: 'btn btn-link btn-xs vom-case-file-toggle', text: t('caseFile.show'),
      'aria-expanded': 'false' });
    const flip = () => {
      detail.hidden = !detail.hidden;
      toggle.textContent = detail.hidden ? t('caseFile.show') : t('caseFile.hide');
      toggle.setAttribute('aria-expanded', String(!detail.hidden));
    };
    toggle.addEventListener('click', event => { event.stopPropagation(); flip(); });
    const address = message.recipientAddress ? String(message.recipientAddress).split(/\s*\n\s*/).join(', ') : '';
    const row = el('tr', { className: 'vom-case-file-row vom-message-' + (message.message || ''), title: t('caseFile.showText') },
      el('td', { className: 'text-nowrap', text: formatDate(message.createdAt) }),
      el('td', { text: label('message', message.message) }),
      el('td', {}, message.recipientName || '', message.recipientRole
        ? el('span', { className: 'text-muted', text: (message.recipientName ? ' (' : '(') + label('recipient', message.recipientRole, message.recipientRole) + ')' })
        : null),
      el('td', {}, label('channel', message.channel, message.channel),
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
  const section = el('div', { className: 'vom-case-file-audit' }, el('h4', { text: t('caseFile.audit') }));
  if (!audit.length) {
    section.appendChild(el('p', { className: 'text-muted', text: t('caseFile.nothingRecorded') }));
    return section;
  }
  const body = el('tbody');
  for (const entry of audit) {
    body.appendChild(el('tr', { className: 'vom-audit-row' },
      el('td', { className: 'text-nowrap', text: formatDate(entry.at) }),
      el('td', { text: entry.userId || t('caseFile.system') }),
      el('td', { text: label('auditAction', entry.action) }),
      el('td', { text: entry.subject || '' })));
  }
  section.appendChild(el('table', { className: 'table table-condensed vom-case-file-table' },
    el('thead', {}, el('tr', {}, ...[t('common.when'), t('common.who'), t('common.what'), t('caseFile.on')].map(h => el('th', { text: h })))), body));
  return section;
}

/** The case's plain notes (every reader of the case sees them), with author and time; added in the case overview. */
function plainNotesSection(notes) {
  const section = el('div', { className: 'vom-case-file-plain-notes' }, el('h4', { text: t('common.notes') }));
  if (!notes.length) {
    section.appendChild(el('p', { className: 'text-muted', text: t('common.noNotes') }));
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
  const section = el('div', { className: 'vom-case-file-notes' }, el('h4', { text: t('common.confidentialNotes') }),
    el('p', { className: 'text-muted', text: t('caseFile.confidentialHint') }));
  if (!notes.length) {
    section.appendChild(el('p', { className: 'text-muted', text: t('common.noNotes') }));
    return section;
  }
  for (const note of notes) {
    const about = [note.personId, note.taskName].filter(Boolean).join(', ');
    section.appendChild(el('div', { className: 'vom-note' },
      el('div', { className: 'vom-note-head' }, el('strong', { text: label('noteKind', note.kind, note.label) }),
        el('span', { className: 'text-muted', text: ' ' + [about, note.writtenBy, formatDate(note.writtenAt)].filter(Boolean).join(' · ') })),
      el('pre', { className: 'vom-case-file-text', text: note.text })));
  }
  return section;
}

/** "Runs on: Case 1.6.0 (version 3) · Contact a person 1.5.0 (version 2)": which deployed versions the case uses. */
function versionsLine(versions) {
  const text = versions.map(v => t('caseFile.version', { name: v.name || v.process, tag: v.versionTag || '', version: v.version })
    .replace('  ', ' ')).join(' · ');
  return el('p', { className: 'text-muted vom-case-file-versions',
    text: t(versions.some(v => v.running) ? 'caseFile.runsOn' : 'caseFile.ranOn', { versions: text }) });
}

async function show(node, query, canPost) {
  addStyles();
  node.classList.add('vom-case-file');
  if (!node.hasChildNodes()) node.replaceChildren(el('div', { className: 'text-muted', text: t('caseFile.loading') }));
  const { file, error, kind } = await load(query);
  if (error) {
    node.replaceChildren(notice(kind || 'danger', error));
    return;
  }
  const reload = el('button', { type: 'button', className: 'btn btn-default btn-xs pull-right vom-case-file-reload', text: t('common.reload'),
    onclick: () => show(node, query, canPost) });
  node.replaceChildren(
    el('div', { className: 'vom-case-file-header' }, reload, el('h3', { text: t('caseFile.title', { caseNumber: file.caseNumber || '' }) })),
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
    properties: { label: t('caseFile.tab') }
  };
}
