// VOM Case: the texts form-js writes itself in Tasklist's forms (its validation messages, a select's "Select" and
// "Search", "No results") in the staff language. form-js 1.8.7, the version Tasklist 7.24 renders forms with, has no
// translations of its own: each text is replaced where form-js puts it, as it appears. English installations are
// left alone. The forms' own labels come translated from the server (README "Languages: what staff read").
import { language, t } from './i18n.js';

/** form-js's sentences, each with the text that replaces it. */
const SENTENCES = [
  [/^Field is required\.$/, () => t('formjs.required')],
  [/^Field must have minimum length of (\d+)\.$/, m => t('formjs.minLength', { n: m[1] })],
  [/^Field must have maximum length of (\d+)\.$/, m => t('formjs.maxLength', { n: m[1] })],
  [/^Field must have minimum value of (.+)\.$/, m => t('formjs.minValue', { n: m[1] })],
  [/^Field must have maximum value of (.+)\.$/, m => t('formjs.maxValue', { n: m[1] })],
  [/^Field must match pattern (.+)\.$/, m => t('formjs.pattern', { pattern: m[1] })],
  [/^Field must be a valid email\.$/, () => t('formjs.email')],
  [/^Field must be a valid\s+international phone number\..*$/, () => t('formjs.phone')],
  [/^Select$/, () => t('formjs.select')],
  [/^No results$/, () => t('formjs.noResults')],
  [/^All values selected$/, () => t('formjs.allSelected')]
];

/** The replacement of a text of form-js, or null for any other text. */
export function translated(text) {
  const trimmed = String(text).trim();
  for (const [pattern, replace] of SENTENCES) {
    const match = trimmed.match(pattern);
    if (match) return replace(match);
  }
  return null;
}

function translateWithin(root) {
  if (!root || !root.querySelectorAll) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  for (const node of nodes) {
    if (!node.parentElement || !node.parentElement.closest('.fjs-container')) continue;
    const replacement = translated(node.nodeValue);
    if (replacement !== null && replacement !== node.nodeValue) node.nodeValue = replacement;
  }
  const hint = (input, text) => { if (input.getAttribute('placeholder') !== text) input.setAttribute('placeholder', text); };
  root.querySelectorAll('.fjs-container input[placeholder="Search"]').forEach(input => hint(input, t('formjs.search')));
  // form-js 1.8.7 takes dates as month/day/year whatever the language: the hint says so in the language's letters.
  root.querySelectorAll('.fjs-container input[placeholder="mm/dd/yyyy"]').forEach(input => hint(input, t('formjs.datePlaceholder')));
}

if (language !== 'en' && typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateWithin(mutation.target.parentElement);
      } else {
        mutation.addedNodes.forEach(node => translateWithin(node.nodeType === 1 ? node : node.parentElement));
        if (mutation.type === 'attributes') translateWithin(mutation.target.parentElement);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder'] });
}

export default [];
