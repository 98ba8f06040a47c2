// VOM Case: the DOM helpers of the Tasklist and Cockpit plugins (case-file.js, figures.js).
// Server data goes in as text only (textContent), never as HTML.

const added = new Set();

/** Adds a stylesheet to the page once. */
export function addStylesheet(href) {
  if (added.has(href)) return;
  added.add(href);
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.type = 'text/css';
  link.href = href;
  document.head.appendChild(link);
}

/**
 * An element: attributes (className, text = its text content, on<event> = a listener, the rest as
 * attributes; null, undefined and false left out) and children (elements, or strings as text).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'className') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}
