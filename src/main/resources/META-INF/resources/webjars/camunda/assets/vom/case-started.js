// VOM Case: after a coordinator starts a case from Tasklist's start form, a banner names the new case number
// (Tasklist itself only says that a process was started). The start form's submission (POST
// .../process-definition/<vom-case id or key>/submit-form) answers with the new process instance; its business key is
// the case number (ReferralIntakeListener sets it at the start), else the app's /vom/case-of names it. The banner
// stays until it is closed, and links to the case's overview on the desk (#/?vomCase=<case number>).
// Server text goes in as text only, never as HTML.
import { addStylesheet, el } from './dom.js';
import { t } from './i18n.js';

const START = /\/process-definition\/(key\/vom-case|vom-case:[^/]+)\/submit-form$/;
const CASE_NUMBER = /^VOM-\d{4}-\d{5}$/;

async function caseNumberOf(started) {
  if (started && CASE_NUMBER.test(started.businessKey || '')) return started.businessKey;
  if (!started || !started.id) return null;
  const response = await fetch('/vom/case-of?processInstance=' + encodeURIComponent(started.id),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return null;
  const body = await response.json();
  return body && CASE_NUMBER.test(body.caseNumber || '') ? body.caseNumber : null;
}

function show(caseNumber) {
  document.querySelectorAll('.vom-case-started').forEach(node => node.remove());
  const close = el('button', { type: 'button', className: 'close', 'aria-label': t('common.close'), text: '\u00d7' });
  const banner = el('div', { className: 'alert alert-success vom-case-started', role: 'status', 'aria-live': 'polite' },
    close,
    el('span', { text: t('caseStarted.registered') }),
    el('strong', { className: 'vom-case-number', text: caseNumber }),
    el('span', { text: ' \u2013 ' }),
    el('a', { href: '#/?vomCase=' + encodeURIComponent(caseNumber), text: t('caseStarted.openOverview') }));
  close.addEventListener('click', () => banner.remove());
  document.body.appendChild(banner);
}

function inspect(method, url, status, text) {
  if (method !== 'POST' || !START.test(url) || status < 200 || status >= 300) return;
  let started = null;
  try {
    started = JSON.parse(text);
  } catch (ignored) {
    return;
  }
  caseNumberOf(started).then(caseNumber => {
    if (caseNumber) show(caseNumber);
  }).catch(() => {
    // no banner: Tasklist's own notification still says that the case was started
  });
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.__vomStart = { method: String(method).toUpperCase(), url: String(url).split('?')[0] };
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  const request = this;
  request.addEventListener('load', () => {
    if (request.__vomStart && (request.responseType === '' || request.responseType === 'text')) {
      inspect(request.__vomStart.method, request.__vomStart.url, request.status, request.responseText);
    }
  });
  return send.apply(this, args);
};

if (window.fetch) {
  const original = window.fetch;
  window.fetch = async function (input, init) {
    const response = await original.apply(this, arguments);
    try {
      const url = String(typeof input === 'string' ? input : input.url).split('?')[0];
      const method = String((init && init.method) || (input && input.method) || 'GET').toUpperCase();
      if (method === 'POST' && START.test(url)) {
        response.clone().text().then(text => inspect(method, url, response.status, text));
      }
    } catch (ignored) {
      // not ours to show
    }
    return response;
  };
}

addStylesheet(new URL('./case-started.css', import.meta.url).href);

export default [];
