// VOM Case: shows the server's refusal of a form where the user is (Tasklist's start forms and task forms).
// When a form submission answers 400 with the application's error contract
//   {"message": "...", "errors": [{"field": "victim1.dateOfBirth", "label": "Victim 1 – Date of birth", "message": "..."}]}
// each named field is marked as form-js marks its own validation errors, the first is scrolled into view,
// and a short summary is put next to the Start/Complete button. A field's mark goes when it is changed.
// No per-form code: the form's schema (which the Tasklist fetches before it renders the form) maps each field
// to its element. Server text goes in as text only, never as HTML.
import { addStylesheet, el } from './dom.js';
import { t } from './i18n.js';

const schemas = [];
const SUBMIT = /\/(task\/[^/]+|process-definition\/[^/]+(\/[^/]+)?)\/submit-form$/;
const FORM = /\/deployed-(start-)?form$/;

/** form field path (victim1.dateOfBirth) -> form-js component id, for every form seen. */
function fieldIds() {
  const ids = {};
  const walk = (components, group) => {
    for (const component of components || []) {
      const path = component.key ? (group ? group + '.' + component.key : component.key) : null;
      if (path) ids[path] = component.id;
      if (component.path && !group) ids[component.path] = component.id;
      walk(component.components, component.path && !group ? component.path : group);
    }
  };
  schemas.forEach(schema => walk(schema.components, null));
  return ids;
}

function fieldElement(componentId) {
  if (!componentId) return null;
  const pattern = new RegExp('-' + componentId.replace(/[^A-Za-z0-9_]/g, '') + '(-date|-time|-display|-search)?$');
  const inputs = Array.from(document.querySelectorAll('.fjs-container [id]')).filter(node => pattern.test(node.id));
  for (const input of inputs) {
    const field = input.closest('.fjs-form-field');
    if (field && field.offsetParent !== null) return field;
  }
  return null;
}

function clear() {
  document.querySelectorAll('.vom-server-error, .vom-form-summary').forEach(node => node.remove());
  document.querySelectorAll('.vom-has-server-error').forEach(node => node.classList.remove('fjs-has-errors', 'vom-has-server-error'));
}

function submitButton() {
  const buttons = Array.from(document.querySelectorAll('button, input[type=submit]'))
    .filter(b => b.offsetParent !== null && /^(complete|start|abschlie|starten|fuldf|start)/i.test((b.textContent || b.value || '').trim()));
  return buttons[buttons.length - 1] || null;
}

function show(refusal) {
  clear();
  const ids = fieldIds();
  const unplaced = [];
  let first = null;
  for (const error of refusal.errors || []) {
    const field = fieldElement(ids[error.field]) || fieldElement(ids[String(error.field).split('.')[0]]);
    if (!field) {
      unplaced.push(error);
      continue;
    }
    field.classList.add('fjs-has-errors', 'vom-has-server-error');
    field.appendChild(el('div', { className: 'fjs-form-field-error vom-server-error', 'aria-live': 'polite' },
      el('ul', {}, el('li', { text: error.message }))));
    const unmark = () => {
      field.classList.remove('fjs-has-errors', 'vom-has-server-error');
      field.querySelectorAll('.vom-server-error').forEach(node => node.remove());
    };
    field.addEventListener('input', unmark, { once: true });
    field.addEventListener('change', unmark, { once: true });
    if (!first) first = field;
  }
  const button = submitButton();
  const lines = (refusal.errors || []).map(error => (error.label || error.field) + ': ' + error.message);
  const summary = el('div', { className: 'alert alert-danger vom-form-summary', role: 'alert' },
    el('strong', { text: lines.length ? t('formErrors.correct') : refusal.message }),
    lines.length ? el('ul', {}, ...lines.map(line => el('li', { text: line }))) : null);
  if (button && button.parentElement) {
    button.parentElement.insertBefore(summary, button.parentElement.firstChild);
  } else {
    const container = document.querySelector('.fjs-container');
    if (container) container.appendChild(summary);
  }
  (first || summary).scrollIntoView({ block: 'center' });
}

function inspect(method, url, status, text) {
  try {
    if (method === 'GET' && FORM.test(url) && status === 200) {
      schemas.unshift(JSON.parse(text));
      schemas.length = Math.min(schemas.length, 5);
    } else if (method === 'POST' && SUBMIT.test(url)) {
      if (status === 400) {
        const body = JSON.parse(text);
        if (body && Array.isArray(body.errors)) show(body);
      } else if (status >= 200 && status < 300) {
        clear();
      }
    }
  } catch (ignored) {
    // not ours to show
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.__vom = { method: String(method).toUpperCase(), url: String(url).split('?')[0] };
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  const request = this;
  request.addEventListener('load', () => {
    if (request.__vom && (request.responseType === '' || request.responseType === 'text')) {
      inspect(request.__vom.method, request.__vom.url, request.status, request.responseText);
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
      if ((FORM.test(url) && method === 'GET') || (SUBMIT.test(url) && method === 'POST')) {
        response.clone().text().then(text => inspect(method, url, response.status, text));
      }
    } catch (ignored) {
      // not ours to show
    }
    return response;
  };
}

addStylesheet(new URL('./form-errors.css', import.meta.url).href);

export default [];
