// VOM Case: the mediator's desk in Tasklist and Cockpit: the case list ("Cases": search by case number, a person's
// name or the referrer's reference, filter by phase, sort by the next date, pages) and the case overview (persons and
// their state, what the case waits for and until when, sessions, agreement and payment ledger, documents, messages,
// confidential notes to their readers, process versions, timeline), from GET /vom/cases and GET /vom/cases/<number>.
// In Tasklist the overview also takes a note (POST /vom/cases/<number>/notes) and a document (POST .../documents) from
// the case's mediators and the coordinators; Cockpit's is read-only. Plain DOM: server data is only ever set as text
// (textContent), never as HTML.
// Imported by app/tasklist/scripts/vom-case-desk.js and app/cockpit/scripts/vom-case-desk.js.

import { addStylesheet, el } from './dom.js';
import { t, label, language, formatDate as formatDay, formatDateTime, formatNumber, formatAmount } from './i18n.js';
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
  return withTime ? formatDateTime(iso) : formatDay(iso);
}

/** The words of a phase (its code), else the server's. */
function phaseText(code, serverLabel) {
  return label('phase', code, serverLabel);
}

function notice(kind, text) {
  return el('div', { className: 'alert alert-' + kind + ' vom-desk-notice', role: kind === 'danger' ? 'alert' : 'status', text });
}

async function getJson(path, what) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    return { error: t('desk.loadFailed', { what: t(what), error: error && error.message ? error.message : error }) };
  }
  if (response.status === 404) return { error: t('desk.forbiddenCase'), kind: 'warning', status: 404 };
  if (response.status === 403) return { error: t('desk.forbiddenList'), kind: 'warning', status: 403 };
  if (response.status === 401) return { error: t('common.sessionEnded') };
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    return { error: t('desk.unreadable', { what: t(what) }) };
  }
  if (!response.ok) {
    const problem = body && Array.isArray(body.errors) && body.errors[0] ? body.errors[0].message : body && body.message;
    return { error: problem ? t('desk.loadFailed', { what: t(what), error: problem })
      : t('desk.loadFailedHttp', { what: t(what), status: response.status }) };
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
  const candidates = [...(wait.candidateUsers || []), ...(wait.candidateGroups || []).map(g => t('desk.group', { name: label('group', g, g) }))];
  return candidates.length ? t('desk.openTo', { candidates: candidates.join(', ') }) : t('desk.nobodyYet');
}

/** What a step waits for: its name (a timer without one: "A timer"). */
function waitWhat(wait) {
  return wait.kind === 'timer' && wait.what === 'A timer' ? t('desk.timer') : wait.what || '';
}

function waitingSection(view) {
  const waits = view.waitingFor || [];
  const head = view.next
    ? el('p', { className: 'vom-desk-next' }, el('strong', { text: t('desk.next') }),
      waitWhat(view.next) + (view.next.about ? ' (' + view.next.about + ')' : '') + ', ' + formatDate(view.next.due))
    : null;
  if (!waits.length) {
    return section(t('desk.waiting'), 'vom-desk-waiting', empty(view.phase === 'closed' ? t('desk.nothingClosed')
      : view.phase === 'deleted' ? t('desk.nothingDeleted') : t('desk.nothingDated')));
  }
  return section(t('desk.waiting'), 'vom-desk-waiting', head, table('vom-desk-waits',
    [t('desk.until'), t('common.what'), t('desk.kind'), t('desk.whoHolds'), t('desk.about'), t('desk.in')],
    waits.map(w => el('tr', { className: 'vom-desk-wait vom-desk-wait-' + w.kind },
      el('td', { className: 'text-nowrap', text: w.due ? formatDate(w.due) : t('desk.noDate') }),
      el('td', { text: waitWhat(w) }),
      el('td', { text: label('waitKind', w.kind, w.kind) }),
      el('td', { text: whoHolds(w) }),
      el('td', { text: w.about || '' }),
      el('td', { className: 'text-muted', text: w.in || '' })))));
}

function personsSection(persons) {
  if (!persons.length) return section(t('desk.persons'), 'vom-desk-persons', empty(t('desk.noPersons')));
  return section(t('desk.persons'), 'vom-desk-persons', table('vom-desk-person-table',
    ['', t('desk.name'), t('desk.role'), t('desk.age'), t('desk.language'), t('desk.interpreter'), t('desk.guardians'), t('desk.state')],
    persons.map(p => el('tr', { className: 'vom-desk-person', 'data-person': p.id },
      el('td', { text: p.id }),
      el('td', {}, p.name, p.representative ? el('div', { className: 'text-muted small', text: t('desk.representedBy', { name: p.representative }) })
        : null, contactLine(p.contact)),
      el('td', { text: label('personRole', p.role) }),
      el('td', { text: p.age === null || p.age === undefined ? '' : p.minor ? t('desk.minorAge', { age: p.age }) : String(p.age) }),
      el('td', { text: p.language || '' }),
      el('td', { text: p.interpreterNeeded ? t('desk.interpreterNeeded') : '' }),
      el('td', {}, ...(p.guardians || []).map(g => el('div', {}, g.name + (g.relation ? ' (' + label('guardianRelation', g.relation, g.relation) + ')' : ''), contactLine(g.contact)))),
      el('td', {}, el('span', { className: 'label ' + (STATES[p.state] || 'label-default') + ' vom-desk-state',
        text: label('personState', p.state, p.state) }),
        p.partEnded ? el('div', { className: 'text-muted small vom-desk-part-ended', text: t('desk.partEnded', { what: partEnded(p) }) })
          : null)))));
}

/** Why a person's own part ended (the reason's code; the server's words for a reason the page does not know). */
function partEnded(person) {
  const what = label('partEnded', person.partEndedReason, person.partEnded);
  const items = person.itemsEnded || [];
  return person.partEndedReason === 'withdrew_after_agreement' && items.length
    ? t('desk.partEndedStopped', { what, items: items.join(', ') }) : what;
}

/** How to reach a person (for those who work the case): phone, email, address and the person's safe-contact choice. */
function contactLine(contact) {
  if (!contact) return null;
  const parts = [contact.phone, contact.email, contact.postalAddress].filter(Boolean);
  const safety = [contact.preferredChannel ? t('desk.prefers', { channel: label('contactChannel', contact.preferredChannel,
    contact.preferredChannel) }) : null, contact.doNotWrite ? t('desk.doNotWrite') : null,
  contact.noMessages ? t('desk.noMessagesWanted') : null, contact.safeTimeToCall ? t('desk.callAt', { time: contact.safeTimeToCall })
    : null].filter(Boolean);
  return el('div', { className: 'text-muted small vom-desk-contact' }, parts.join(' · '),
    safety.length ? el('strong', { className: 'vom-desk-safe', text: ' (' + safety.join(', ') + ')' }) : null);
}

function sessionsSection(sessions) {
  if (!sessions.length) return section(t('desk.sessions'), 'vom-desk-sessions', empty(t('desk.noSession')));
  return section(t('desk.sessions'), 'vom-desk-sessions', table('vom-desk-session-table',
    [t('common.when'), '', t('desk.for'), t('desk.where'), t('desk.outcome')],
    sessions.map(s => el('tr', { className: 'vom-desk-session vom-desk-session-' + s.when },
      el('td', { className: 'text-nowrap', text: formatDate(s.start) }),
      el('td', { text: label('sessionWhen', s.when, s.when) }),
      el('td', { text: s.kind === 'appointment' ? t('desk.ownAppointment', { person: s.person }) : label('meetingType', s.meetingType || 'session') }),
      el('td', { text: s.place || '' }),
      el('td', { text: [label('sessionHeld', s.held), label('sessionOutcome', s.outcome)].filter(Boolean).join(', ') })))));
}

/**
 * An item in words: "I2 Payment: €600.00 in 6 monthly instalments (details), owed by Ana Roth (O1) to Ben Berg (V1),
 * due Jan 1, 2027 [to be done]"; the server's line for an item without a kind (an older answer).
 */
function itemText(item, debtor, currency, serverWords) {
  if (!item.kind) return item.text || '';
  const kind = serverWords && item.kindLabel ? item.kindLabel : label('itemKind', item.kind);
  let line = item.id + ' ' + kind;
  if (item.amount) {
    const amount = formatAmount(item.amount, currency);
    line = item.id + ' ' + t('desk.itemAmount', { kind, amount: item.instalmentCount > 1
      ? t('desk.itemInstalments', { amount, count: item.instalmentCount }) : amount });
  } else if (item.hours) {
    line = item.id + ' ' + t('desk.itemAmount', { kind, amount: t('desk.itemHours', { hours: formatNumber(item.hours) }) });
  }
  if (item.description) line += ' (' + item.description + ')';
  const creditor = item.creditorId === 'community' ? t('desk.community') : item.creditor;
  line += ', ' + t('desk.itemOwed', { debtor, creditor });
  if (item.dueDate) line += ', ' + t('desk.itemDue', { date: formatDate(item.dueDate, false) });
  if (item.status) line += ' [' + label('itemStatus', item.status, item.status) + ']';
  return line;
}

function agreementSection(agreement, currency, serverWords) {
  if (!agreement.length) return section(t('desk.agreement'), 'vom-desk-agreement', empty(t('desk.noAgreement')));
  return section(t('desk.agreement'), 'vom-desk-agreement', ...agreement.map(person => el('div', { className: 'vom-desk-debtor' },
    el('h5', { text: person.person }),
    el('p', { className: 'vom-desk-ledger' }, ...['owed', 'paid', 'due', 'overdue'].map(k =>
      el('span', { className: 'vom-desk-ledger-' + k }, el('strong', { text: t('desk.ledgerItem', { what: label('ledger', k) }) }),
        formatAmount(person.ledger[k], currency) + ' '))),
    table('vom-desk-items', [t('desk.item'), t('desk.instalment'), t('desk.amount'), t('desk.due'), t('desk.state'), t('desk.paid')],
      person.items.flatMap(item => [
        el('tr', { className: 'vom-desk-item' }, el('td', { colspan: 6, text: itemText(item, person.person, currency, serverWords) })),
        ...item.instalments.map(part => el('tr', { className: 'vom-desk-instalment vom-desk-instalment-' + part.state },
          el('td', { text: part.id }),
          el('td', { text: part.instalment ? String(part.instalment) : '' }),
          el('td', { text: part.amount ? formatAmount(part.amount, currency)
            : part.hours ? t('desk.hours', { hours: formatNumber(part.hours) }) : '' }),
          el('td', { text: part.dueDate ? formatDate(part.dueDate, false) : '' }),
          el('td', { text: part.escalated ? t('desk.escalated', { state: label('instalmentState', part.state) })
            : label('instalmentState', part.state) }),
          el('td', { text: part.paid ? formatAmount(part.paid, currency) : '' })))])))));
}

function documentItem(d) {
  if (!d.uploaded) {
    return el('li', { className: 'vom-desk-document' },
      el('a', { href: d.href, target: '_blank', rel: 'noopener', text: d.fileName || d.id }), ' ',
      el('span', { className: 'text-muted', text: formatDate(d.createdAt) }));
  }
  return el('li', { className: 'vom-desk-document vom-desk-uploaded', 'data-document': d.id },
    el('a', { href: d.href, download: d.fileName || '', text: d.title || d.fileName || d.id }), ' ',
    el('span', { className: 'text-muted', text: [label('documentKind', d.kind, d.kindLabel), d.fileName, formatSize(d.size), d.uploadedBy,
      formatDate(d.createdAt)].filter(Boolean).join(' · ') }));
}

function formatSize(bytes) {
  if (typeof bytes !== 'number') return '';
  if (bytes >= 1024 * 1024) {
    return formatNumber(bytes / (1024 * 1024), { minimumFractionDigits: bytes % (1024 * 1024) ? 1 : 0, maximumFractionDigits: 1 }) + ' MB';
  }
  if (bytes >= 1024) return formatNumber(Math.ceil(bytes / 1024)) + ' KB';
  return t('common.bytes', { count: formatNumber(bytes) });
}

function documentsAndMessages(view, additions) {
  const docs = view.documents || [];
  const messages = view.messages || [];
  return [
    section(t('common.documents'), 'vom-desk-documents', docs.length ? el('ul', { className: 'list-unstyled' }, ...docs.map(documentItem))
      : empty(t('common.noDocuments')), additions ? uploadForm(view, additions) : null),
    section(t('common.messages'), 'vom-desk-messages', messages.length ? table('vom-desk-message-table',
      [t('common.date'), t('common.message'), t('common.to'), t('common.how'), t('common.status')],
      messages.map(m => el('tr', {},
        el('td', { className: 'text-nowrap', text: formatDate(m.createdAt) }),
        el('td', { text: label('message', m.message) }),
        el('td', { text: (m.recipientName || '') + (m.recipientRole ? ' (' + label('recipient', m.recipientRole, m.recipientRole) + ')' : '') }),
        el('td', { text: label('channel', m.channel, m.channel) }),
        el('td', { text: label('status', m.status) })))) : empty(t('common.noMessages')))
  ];
}

// --- adding to the case file (Tasklist: the case's mediators and the coordinators) --------------------------------

let fieldCount = 0;

/** A labelled form field with its help text and the place for the server's refusal of it. */
function field(caption, control, help) {
  const id = 'vom-desk-field-' + (++fieldCount);
  control.id = id;
  const helpNode = help ? el('p', { className: 'help-block', id: id + '-help', text: help }) : null;
  if (helpNode) control.setAttribute('aria-describedby', id + '-help');
  const error = el('p', { className: 'help-block vom-desk-field-error', id: id + '-error', 'aria-live': 'polite' });
  const group = el('div', { className: 'form-group' }, el('label', { className: 'control-label', for: id, text: caption }), control,
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
    summary.textContent = t('desk.notSent', { error: error && error.message ? error.message : error });
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
    summary.textContent = t('common.sessionEnded');
  } else {
    summary.textContent = (refusal && refusal.message) || t('desk.notSaved', { status: response.status });
  }
  return false;
}

function uploadForm(view, additions) {
  const maxSize = view.maxDocumentSize || 0;
  const file = field(t('desk.file'), el('input', { type: 'file', name: 'file', required: true,
    accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg' }),
    t('desk.fileHelp', { size: formatSize(maxSize) }));
  const kind = field(t('desk.documentKind'), el('select', { className: 'form-control input-sm', name: 'kind', required: true },
    ...Object.entries(view.documentKinds || {}).map(([code, text]) => el('option', { value: code, text: label('documentKind', code, text) }))));
  const title = field(t('desk.documentTitle'), el('input', { type: 'text', className: 'form-control input-sm', name: 'title', required: true,
    minlength: 3, maxlength: 200 }), t('desk.titleHelp'));
  const summary = el('div', { className: 'text-danger vom-desk-form-summary', role: 'alert' });
  const button = el('button', { type: 'submit', className: 'btn btn-default btn-sm vom-desk-upload', text: t('desk.upload') });
  const fields = { file, kind, title };
  const form = el('form', { className: 'vom-desk-form vom-desk-upload-form', novalidate: true }, el('h5', { text: t('desk.uploadTitle') }),
    file.group, kind.group, title.group, summary, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = file.control.files && file.control.files[0];
    if (!chosen) {
      file.show(t('desk.chooseFile'));
      file.control.focus();
      return;
    }
    if (maxSize && chosen.size > maxSize) {
      file.show(t('desk.fileTooLarge', { size: formatSize(maxSize) }));
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
    el('pre', { className: 'vom-desk-text', text: n.text }))) : [empty(t('common.noNotes'))];
  let form = null;
  if (additions) {
    const text = field(t('desk.note'), el('textarea', { className: 'form-control', name: 'text', rows: 3, required: true, minlength: 3,
      maxlength: 2000 }), t('desk.noteHelp'));
    const summary = el('div', { className: 'text-danger vom-desk-form-summary', role: 'alert' });
    const button = el('button', { type: 'submit', className: 'btn btn-default btn-sm vom-desk-add-note', text: t('desk.addNote') });
    form = el('form', { className: 'vom-desk-form vom-desk-note-form', novalidate: true }, el('h5', { text: t('desk.addNoteTitle') }),
      text.group, summary, button);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      button.disabled = true;
      await sendChange(API + '/cases/' + encodeURIComponent(view.caseNumber) + '/notes', JSON.stringify({ text: text.control.value }),
        { text }, summary, additions.refresh);
      button.disabled = false;
    });
  }
  return section(t('common.notes'), 'vom-desk-plain-notes',
    el('p', { className: 'text-muted', text: t('desk.notesHint') }), ...list, form);
}

function notesSection(notes) {
  return section(t('common.confidentialNotes'), 'vom-desk-notes',
    el('p', { className: 'text-muted', text: t('desk.confidentialHint') }),
    ...(notes.length ? notes.map(n => el('div', { className: 'vom-desk-note' },
      el('strong', { text: label('noteKind', n.kind, n.label) }), el('span', { className: 'text-muted',
        text: ' ' + [n.personId, n.taskName, n.writtenBy, formatDate(n.writtenAt)].filter(Boolean).join(' · ') }),
      el('pre', { className: 'vom-desk-text', text: n.text }))) : [empty(t('common.noNotes'))]));
}

function versionsSection(versions) {
  const version = v => v.key + ' v' + v.version + (v.versionTag ? ' (' + v.versionTag + ')' : '');
  return section(t('desk.versions'), 'vom-desk-versions', el('ul', { className: 'list-inline' }, ...versions.map(v =>
    el('li', { className: 'vom-desk-version', text: v.running ? version(v) : t('desk.versionEnded', { version: version(v) }) }))));
}

/** What an entry of the timeline is about: an uploaded document's kind and title, else the server's words. */
function documentSubject(entry) {
  if (entry.kind === 'document' && entry.documentKind) return label('documentKind', entry.documentKind) + ': ' + (entry.title || '');
  return entry.subject || '';
}

function timelineSection(timeline) {
  if (!timeline.length) return section(t('desk.timeline'), 'vom-desk-timeline', empty(t('desk.nothingHappened')));
  const added = e => e.kind === 'note' || e.kind === 'document';
  const rows = timeline.map(e => el('tr', { className: 'vom-desk-event vom-desk-event-' + (e.kind === 'audit' || added(e) ? e.kind : 'step') },
    el('td', { className: 'text-nowrap', text: formatDate(e.at) }),
    el('td', { text: e.kind === 'audit' ? label('auditAction', e.what) : e.kind === 'note' ? t('desk.note')
      : e.kind === 'document' ? t('desk.documentUploaded') : e.what }),
    el('td', { className: added(e) ? 'vom-desk-text' : null, text: e.kind === 'audit' || added(e) ? documentSubject(e)
      : label('stepState', e.state, e.state || '') }),
    el('td', { text: e.who || '' })));
  const shown = el('tbody', {}, ...rows.slice(0, 30));
  const more = rows.length > 30 ? el('button', { type: 'button', className: 'btn btn-link btn-xs', text: t('desk.showAll', { count: rows.length }),
    onclick: event => { shown.replaceChildren(...rows); event.target.remove(); } }) : null;
  return section(t('desk.timelineNewest'), 'vom-desk-timeline', el('table', { className: 'table table-condensed' },
    el('thead', {}, el('tr', {}, ...[t('common.when'), t('common.what'), '', t('common.who')].map(h => el('th', { text: h })))), shown), more);
}

/**
 * Renders the overview of a case into the node; editable (Tasklist) adds the note and upload forms for those who may
 * add to the case (not read-only, not deleted).
 */
export async function showOverview(node, caseNumber, { onBack, editable, quiet } = {}) {
  addStyles();
  node.classList.add('vom-desk');
  // After a note or a document was added the overview is read again in place (quiet), keeping where the user is.
  if (!quiet) node.replaceChildren(el('div', { className: 'text-muted', text: t('desk.loadingOverview') }));
  const { body: view, error, kind } = await getJson(API + '/cases/' + encodeURIComponent(caseNumber), 'desk.what.overview');
  const additions = view && editable && !view.readOnly && view.phase !== 'deleted'
    ? { refresh: () => showOverview(node, caseNumber, { onBack, editable, quiet: true }) } : null;
  if (error) {
    node.replaceChildren(...(onBack ? [el('button', { type: 'button', className: 'btn btn-default btn-xs', text: t('desk.back'), onclick: onBack })]
      : []),
      notice(kind || 'danger', error));
    return;
  }
  // The configured vocabularies' words (offence category, item kind) come from the server, when in the staff language.
  const serverWords = view.labelLanguage === language;
  const header = el('div', { className: 'vom-desk-header' },
    el('button', { type: 'button', className: 'btn btn-default btn-xs pull-right vom-desk-reload', text: t('common.reload'),
      onclick: () => showOverview(node, caseNumber, { onBack, editable }) }),
    onBack ? el('button', { type: 'button', className: 'btn btn-default btn-xs pull-right vom-desk-back', text: t('desk.back'), onclick: onBack })
      : null,
    el('h3', { text: t('desk.overviewTitle', { caseNumber: view.caseNumber }) }),
    el('p', {}, el('span', { className: 'label label-primary vom-desk-phase', text: phaseText(view.phase, view.phaseLabel) }), ' ',
      view.readOnly ? el('span', { className: 'label label-default vom-desk-readonly', text: t('desk.readOnly') }) : null, ' ',
      el('span', { className: 'text-muted', text: [view.referrer, view.referrerReference,
        view.reportsTo && t('desk.reportsTo', { name: view.reportsTo }),
        view.offenceCategory && (serverWords && view.offenceCategoryLabel ? view.offenceCategoryLabel : label('offenceCategory', view.offenceCategory)),
        view.registeredAt && t('desk.registered', { date: formatDate(view.registeredAt, false) }),
        (view.mediators || []).length ? t('desk.mediators', { names: view.mediators.join(', ') }) : t('desk.noMediators')]
        .filter(Boolean).join(' · ') })));
  node.replaceChildren(header,
    waitingSection(view),
    personsSection(view.persons || []),
    sessionsSection(view.sessions || []),
    agreementSection(view.agreement || [], view.currency, serverWords),
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
    placeholder: t('desk.searchPlaceholder'), 'aria-label': t('desk.searchLabel') });
  const phase = el('select', { className: 'form-control input-sm vom-desk-phase-filter', name: 'phase', 'aria-label': t('desk.phase') },
    el('option', { value: '', text: t('desk.everyPhase') }));
  const sort = el('select', { className: 'form-control input-sm vom-desk-sort', name: 'sort', 'aria-label': t('desk.sort') },
    el('option', { value: 'next', text: t('desk.sortNext') }), el('option', { value: 'number', text: t('desk.sortNumber') }),
    el('option', { value: 'registered', text: t('desk.sortRegistered') }));
  sort.value = state.sort;
  const results = el('div', { className: 'vom-desk-results' }, el('div', { className: 'text-muted', text: t('desk.loadingCases') }));
  let timer = null;
  const reload = first => { state.first = first; load(); };
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { state.q = search.value; reload(0); }, 300); });
  phase.addEventListener('change', () => { state.phase = phase.value; reload(0); });
  sort.addEventListener('change', () => { state.sort = sort.value; reload(0); });
  node.replaceChildren(el('div', { className: 'vom-desk-header' }, el('h3', { text: t('desk.cases') }),
    el('form', { className: 'form-inline vom-desk-filters', onsubmit: e => { e.preventDefault(); state.q = search.value; reload(0); } },
      search, ' ', phase, ' ', sort)), results, calendarSection(openCase));
  let phasesFilled = false;

  // Only the answer to the latest search, phase, sort or page is shown: an earlier, slower answer is dropped.
  let asked = 0;
  async function load() {
    const mine = ++asked;
    const params = new URLSearchParams({ sort: state.sort, first: String(state.first), max: String(PAGE) });
    if (state.q.trim()) params.set('q', state.q.trim());
    if (state.phase) params.set('phase', state.phase);
    const { body, error, kind } = await getJson(API + '/cases?' + params, 'desk.what.list');
    if (mine !== asked) return;
    if (error) {
      results.replaceChildren(notice(kind || 'danger', error));
      return;
    }
    if (!phasesFilled) {
      phasesFilled = true;
      for (const [code, text] of Object.entries(body.phases || {})) phase.appendChild(el('option', { value: code, text: phaseText(code, text) }));
      phase.value = state.phase;
    }
    if (!body.cases.length) {
      results.replaceChildren(empty(state.q || state.phase ? t('desk.noMatch') : t('desk.noCases')));
      return;
    }
    const rows = body.cases.map(c => {
      const link = el('a', { href: '#', className: 'vom-desk-open', text: c.caseNumber,
        onclick: event => { event.preventDefault(); openCase(c.caseNumber); } });
      return el('tr', { className: 'vom-desk-case', 'data-case': c.caseNumber },
        el('td', {}, link),
        el('td', { text: (c.persons || []).join(', ') }),
        el('td', { text: phaseText(c.phase, c.phaseLabel) }),
        el('td', { className: 'text-nowrap', text: c.nextDate ? formatDate(c.nextDate) : '' }),
        el('td', { text: c.nextWhat || '' }),
        el('td', { text: (c.mediators || []).join(', ') }),
        el('td', { className: 'text-muted', text: c.referrerReference || '' }));
    });
    const last = Math.min(body.first + body.cases.length, body.total);
    results.replaceChildren(
      table('table-hover vom-desk-list', [t('desk.case'), t('desk.persons'), t('desk.phase'), t('desk.nextDate'), t('desk.waitsFor'),
        t('desk.mediatorsColumn'), t('desk.reference')], rows),
      el('div', { className: 'vom-desk-paging' },
        el('span', { className: 'text-muted', text: t('desk.range', { from: formatNumber(body.first + 1), to: formatNumber(last), total: formatNumber(body.total) }) }),
        el('button', { type: 'button', className: 'btn btn-default btn-xs', text: t('desk.previous'), disabled: body.first === 0,
          onclick: () => reload(Math.max(0, body.first - PAGE)) }), ' ',
        el('button', { type: 'button', className: 'btn btn-default btn-xs', text: t('desk.nextPage'), disabled: last >= body.total,
          onclick: () => reload(body.first + PAGE) })));
  }
  load();
  return state;
}

/** "Sessions to come" under the list: the calendar of the user's cases (GET /vom/calendar), and its file to subscribe to. */
function calendarSection(openCase) {
  const body = el('div', { className: 'vom-desk-calendar-body' }, el('div', { className: 'text-muted', text: t('desk.loadingSessions') }));
  const node = section(t('desk.sessionsToCome'), 'vom-desk-calendar', body);
  (async () => {
    const { body: calendar, error, kind } = await getJson(API + '/calendar', 'desk.what.calendar');
    if (error) {
      body.replaceChildren(notice(kind || 'danger', error));
      return;
    }
    const subscribe = el('p', { className: 'text-muted' }, t('desk.subscribe'),
      el('a', { href: calendar.ics, className: 'vom-desk-ics', text: t('desk.icsLink') }),
      t('desk.icsNote'));
    if (!calendar.events.length) {
      body.replaceChildren(empty(t('desk.noSessionToCome')), subscribe);
      return;
    }
    const rows = calendar.events.map(event => el('tr', { className: 'vom-desk-event', 'data-case': event.caseNumber },
      el('td', { className: 'text-nowrap', text: formatDate(event.start) }),
      el('td', {}, el('a', { href: '#', text: event.caseNumber, onclick: e => { e.preventDefault(); openCase(event.caseNumber); } })),
      el('td', { text: event.kind === 'appointment' ? t('desk.appointmentWith', { person: event.personId }) : t('desk.mediationSession') }),
      el('td', { text: event.place || '' })));
    body.replaceChildren(table('vom-desk-events', [t('common.when'), t('desk.case'), t('desk.meeting'), t('desk.place')], rows), subscribe);
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
      const { body, error, kind } = await getJson(API + '/case-of?' + query(context || {}), 'desk.what.case');
      if (error) {
        node.replaceChildren(notice(kind || 'danger', error));
        return;
      }
      showOverview(node, body.caseNumber, { editable });
    },
    properties: { label: t('desk.overviewTab') }
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
    panel = el('div', { className: 'vom-desk-panel', role: 'dialog', 'aria-label': t('desk.cases') },
      el('button', { type: 'button', className: 'btn btn-default btn-sm vom-desk-close', text: t('common.close'), onclick: closePanel }),
      content);
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
      node.appendChild(el('a', { href: '#/?vomCases=1', className: 'vom-desk-nav', role: 'button', title: t('desk.yourCases'),
        onclick: event => { event.preventDefault(); openPanel(null); } },
        el('span', { className: 'glyphicon glyphicon-briefcase', 'aria-hidden': 'true' }), ' ' + t('desk.cases')));
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
        node.appendChild(el('a', { href: '#' + ROUTE, className: 'vom-desk-nav', text: t('desk.cases') }));
      }).catch(() => {});
    },
    properties: { path: ROUTE, label: t('desk.cases'), checkActive: url => url.indexOf('#' + ROUTE) > -1 }
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
    properties: { path: ROUTE, label: t('desk.cases') }
  };
}
