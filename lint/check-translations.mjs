// The programme's language everywhere a person reads (README "Languages: forms, tasks, letters").
// Checks that every text a person reads has its translation in every staff language, and that no translation is
// left over from a text that is gone:
//   forms/i18n/<form id>.<language>.json   every label, description, text, date/time label, placeholder, adorner and
//                                          option label of forms/<form>.form (English, the source) -> its translation
//   processes/i18n/<language>.json         every process name and user task name of processes/*.bpmn
//   src/main/resources/vom-templates/messages/<message>.<language>.txt   every message in de, da and en
// Usage: node lint/check-translations.mjs            (check; exit 1 on a missing, empty or unused key)
//        node lint/check-translations.mjs --skeleton (add every missing key with an empty value, drop nothing)
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const LANGUAGES = ['de', 'da'];
// Fields whose options the application fills from the vocabularies (vocabularies.yaml has their labels per language).
const VOCABULARY_FIELDS = new Set(['offenceCategory', 'referralSource', 'kind']);
const TEXT_PROPERTIES = ['label', 'description', 'text', 'dateLabel', 'timeLabel', 'placeholder'];

/** The texts of a form to translate, in order, without repeats. Must match org.vomcase.deployment.FormTranslation. */
export function formTexts(form) {
  const texts = [];
  const add = (value) => {
    if (typeof value === 'string' && /\p{L}/u.test(value) && !value.startsWith('=') && !texts.includes(value)) {
      texts.push(value);
    }
  };
  const walk = (components) => {
    for (const component of components || []) {
      TEXT_PROPERTIES.forEach((property) => add(component[property]));
      if (component.appearance) {
        add(component.appearance.prefixAdorner);
        add(component.appearance.suffixAdorner);
      }
      if (Array.isArray(component.values) && !VOCABULARY_FIELDS.has(String(component.key).split('.').pop())) {
        component.values.forEach((option) => add(option.label));
      }
      walk(component.components);
    }
  };
  walk(form.components);
  return texts;
}

/** The process and user task names of a diagram. */
export function diagramNames(xml) {
  const names = [];
  for (const match of xml.matchAll(/<bpmn:(process|userTask)\b[^>]*?\bname="([^"]*)"/g)) {
    const name = match[2].replace(/&#10;/g, '\n').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>').replace(/&#39;|&apos;/g, "'");
    if (name.trim() && !names.includes(name)) {
      names.push(name);
    }
  }
  return names;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function checkCatalogue(file, texts, problems, skeleton) {
  const catalogue = readJson(file) || {};
  const missing = texts.filter((text) => !(text in catalogue));
  const empty = texts.filter((text) => text in catalogue && !String(catalogue[text]).trim());
  const unused = Object.keys(catalogue).filter((key) => !texts.includes(key));
  if (skeleton) {
    if (missing.length) {
      const filled = { ...catalogue };
      missing.forEach((text) => { filled[text] = ''; });
      writeFileSync(file, JSON.stringify(filled, null, 2) + '\n');
    }
    return;
  }
  if (!existsSync(file)) {
    problems.push(`${file}: missing (${texts.length} texts to translate)`);
    return;
  }
  missing.forEach((text) => problems.push(`${file}: no translation of ${JSON.stringify(text)}`));
  empty.forEach((text) => problems.push(`${file}: empty translation of ${JSON.stringify(text)}`));
  unused.forEach((text) => problems.push(`${file}: unused key ${JSON.stringify(text)} (the form or diagram no longer has it)`));
  for (const [key, value] of Object.entries(catalogue)) {
    const placeholders = (s) => [...String(s).matchAll(/\{\{[^}]*\}\}/g)].map((m) => m[0]).sort().join(' ');
    if (texts.includes(key) && String(value).trim() && placeholders(key) !== placeholders(value)) {
      problems.push(`${file}: the translation of ${JSON.stringify(key)} must keep its placeholders ${placeholders(key)}`);
    }
  }
}

export function check(root, skeleton = false) {
  const problems = [];
  const forms = readdirSync(join(root, 'forms')).filter((f) => f.endsWith('.form')).sort();
  if (skeleton) {
    mkdirSync(join(root, 'forms', 'i18n'), { recursive: true });
    mkdirSync(join(root, 'processes', 'i18n'), { recursive: true });
  }
  for (const file of forms) {
    const form = JSON.parse(readFileSync(join(root, 'forms', file), 'utf8'));
    const texts = formTexts(form);
    for (const language of LANGUAGES) {
      checkCatalogue(join(root, 'forms', 'i18n', `${form.id}.${language}.json`), texts, problems, skeleton);
    }
  }
  const names = [];
  for (const file of readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).sort()) {
    diagramNames(readFileSync(join(root, 'processes', file), 'utf8')).forEach((n) => names.includes(n) || names.push(n));
  }
  for (const language of LANGUAGES) {
    checkCatalogue(join(root, 'processes', 'i18n', `${language}.json`), names, problems, skeleton);
  }
  const templates = join(root, 'src', 'main', 'resources', 'vom-templates', 'messages');
  const messages = new Set(readdirSync(templates).map((f) => f.match(/^(.+)\.(de|da|en)\.txt$/)).filter(Boolean)
    .map((m) => m[1]).filter((m) => m !== 'footer'));
  for (const message of [...messages].sort()) {
    for (const language of ['en', ...LANGUAGES]) {
      if (!existsSync(join(templates, `${message}.${language}.txt`))) {
        problems.push(`${templates}/${message}.${language}.txt: missing (every message has de, da and en)`);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const skeleton = process.argv.includes('--skeleton');
  const problems = check(process.cwd(), skeleton);
  if (skeleton) {
    console.log('translations: skeleton keys added where missing');
  } else if (problems.length) {
    problems.forEach((p) => console.error(p));
    console.error(`translations: ${problems.length} problems`);
    process.exit(1);
  } else {
    console.log('translations: every form, diagram name and message is complete in de, da and en');
  }
}
