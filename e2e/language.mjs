// Browser test of an installation whose staff work in German or Danish (README "Languages: forms, tasks, letters"),
// in the real Tasklist (Debian chromium, headless): Tasklist's own interface is in the installation's language whatever
// the browser says (the browser here asks for English), the filters are named in it, and the start form and a task
// form, the task's case file and Cockpit's figures show no English text of the product: every English text of the
// repository's forms and diagrams and of the application's screens (assets/vom/i18n.js) that has another translation
// is looked for in the page's text.
// Usage: node e2e/language.mjs http://localhost:18091 de   (application running with that staff language, demo users)
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { base, shots, fail, rest, browser, waitFor, password } from './support.mjs';

const language = process.argv[3];
if (!['de', 'da'].includes(language)) fail('usage: node e2e/language.mjs <base url> de|da');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8').replace(/^\uFEFF/, ''));

// The product's English texts that read differently in the language: none of them may show.
const english = new Set();
const translated = {};
for (const file of fs.readdirSync(path.join(root, 'forms', 'i18n')).filter((f) => f.endsWith(`.${language}.json`))) {
  for (const [text, translation] of Object.entries(readJson(`forms/i18n/${file}`))) {
    translated[text] = translation;
    if (translation !== text) english.add(text);
  }
}
const names = readJson(`processes/i18n/${language}.json`);
Object.entries(names).forEach(([text, translation]) => translation !== text && english.add(text));
['My tasks', 'Tasks I can take', 'Intake and assignment', 'Tasks of my cases', 'My overdue tasks'].forEach((f) => english.add(f));
const staff = Object.fromEntries(fs.readFileSync(path.join(root, `src/main/resources/vom-templates/labels/${language}.properties`), 'utf8')
  .split('\n').filter((l) => l.startsWith('staff.')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
// Short texts ("Name", "Email") may be the same word in a sentence of the language: only texts of two words or more count.
const lookFor = [...english].map((t) => t.replace(/[*_#`]/g, '').split('\n')[0].trim()).filter((t) => t.split(/\s+/).length >= 2);

// The application's own screens (case file, figures): their English words (assets/vom/i18n.js, one entry per line) that
// read differently in the language, of two words or more.
const i18nSource = fs.readFileSync(path.join(root, 'src/main/resources/META-INF/resources/webjars/camunda/assets/vom/i18n.js'), 'utf8');
const table = (name) => {
  const start = i18nSource.indexOf(`const ${name} = {`);
  const body = i18nSource.slice(start, i18nSource.indexOf('\n};', start));
  return Object.fromEntries([...body.matchAll(/^\s*'([^']+)':\s*'((?:[^'\\]|\\.)*)',?\s*$/gm)].map((m) => [m[1], m[2].replace(/\\'/g, "'")]));
};
const i18nEnglish = table('en');
const i18nOwn = table(language);
const screenWords = Object.entries(i18nEnglish).filter(([id, text]) => i18nOwn[id] && i18nOwn[id] !== text
  && !/[{]/.test(text) && text.trim().split(/\s+/).length >= 2).map(([, text]) => text.trim());
if (screenWords.length < 100) fail(`only ${screenWords.length} English texts of the application's screens found in i18n.js`);
function noEnglishOnScreen(text, where) {
  const flat = text.replace(/\s+/g, ' ');
  const found = screenWords.filter((w) => flat.includes(w));
  if (found.length) fail(`${where} shows English words of the application: ${found.slice(0, 8).map((w) => JSON.stringify(w)).join(', ')}`);
}

const locale = await (await fetch(`${base}/camunda/app/tasklist/locales/${language}.json`)).json();

function noEnglish(text, where) {
  const flat = text.replace(/\s+/g, ' ');
  const found = lookFor.filter((t) => flat.includes(t));
  if (found.length) fail(`${where} shows English text of the product: ${found.slice(0, 8).map((t) => JSON.stringify(t)).join(', ')}`);
}

const context = await browser({ locale: 'en-US' });
const contexts = [context];
try {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log('page error:', String(error).slice(0, 200)));
  await page.goto(`${base}/camunda/app/tasklist/default/`, { timeout: 60000 });
  await page.locator('input[type=password]').waitFor({ timeout: 60000 });
  await page.locator('form input[type=text], form input:not([type])').first().fill('clara');
  await page.locator('input[type=password]').fill(password);
  await page.click('button[type=submit]');

  // Tasklist's own chrome in the language although the browser asks for English, and the filters named in it.
  const intake = staff['staff.filter.intake'];
  await page.getByText(intake).first().waitFor({ timeout: 60000 });
  const chrome = await page.locator('body').innerText();
  if (!chrome.includes(locale.labels.START_PROCESS)) fail(`Tasklist's chrome is not in ${language}: no "${locale.labels.START_PROCESS}"`);
  if (chrome.includes('Start process')) fail('Tasklist shows "Start process" in English');
  noEnglish(chrome, 'Tasklist with the filters');
  await page.screenshot({ path: path.join(shots, `language-${language}-1-tasklist.png`), fullPage: true });

  // The start form.
  await page.getByText(locale.labels.START_PROCESS).first().click();
  await page.getByRole('link', { name: names['Victim-offender mediation case'] }).click();
  await page.locator('.fjs-form-field').first().waitFor({ timeout: 30000 });
  await page.getByText(translated['Referral source']).first().waitFor({ timeout: 15000 });
  // form-js's own texts: a required field left empty and a text too short, a select's placeholder.
  const name = page.locator('[id$="-Field_ReferrerName"]').first();
  await name.fill('x');
  await name.press('Tab');
  await name.fill('');
  await name.press('Tab');
  await page.locator('.fjs-form-field-error').first().waitFor({ timeout: 15000 });
  const errors = (await page.locator('.fjs-form-field-error').allInnerTexts()).join(' ');
  if (/Field is required|Field must/.test(errors)) fail(`form-js's validation message is English: ${errors}`);
  const formText = await page.locator('.fjs-container').first().innerText();
  if (/(^|\n)Select(\n|$)/.test(formText)) fail('a select shows the English placeholder "Select"');
  noEnglish(await page.locator('body').innerText(), 'the referral start form');
  await page.screenshot({ path: path.join(shots, `language-${language}-2-start-form.png`), fullPage: true });
  await page.keyboard.press('Escape');

  // A task form: a referral sent by the referral API waits for Clara's assignment.
  const referral = {
    referralSource: 'police', referrerName: 'Polizeiinspektion Mitte', referrerEmail: 'toa@polizei-mitte.example',
    referrerReference: 'E2E-L-' + Date.now(), proceduralStage: 'diversion', offenceCategory: 'theft',
    offenceDate: '2026-02-14', offenceSummary: 'E2E language: a bicycle was taken from a courtyard.',
    responsibilityAdmission: 'full',
    victims: [{ name: 'Ana Roth', dateOfBirth: '1980-04-02', preferredLanguage: language, email: 'ana.roth@example.org' }],
    offenders: [{ name: 'Carl Vogt', dateOfBirth: '1990-01-15', preferredLanguage: language, phone: '+49 30 1234567' }]
  };
  const { processInstanceId } = await rest('policeapi', '/api/referrals', referral);
  const task = await waitFor(async () => (await rest('clara',
    `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=Task_AssignMediators`))[0], 'the assignment task');
  if (!task.name.startsWith(names['Assign mediators'])) fail(`the task is named "${task.name}", not in ${language}`);
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${task.id}`, { timeout: 60000 });
  await page.locator('.fjs-form-field').first().waitFor({ timeout: 30000 });
  await page.getByText(translated['Co-mediator (optional)']).first().waitFor({ timeout: 15000 });
  noEnglish(await page.locator('body').innerText(), 'the assignment task form');
  await page.screenshot({ path: path.join(shots, `language-${language}-3-task-form.png`), fullPage: true });

  // The task's case file tab.
  await page.locator('.nav-tabs a', { hasText: i18nOwn['caseFile.tab'] }).click({ timeout: 15000 });
  const caseNumber = task.name.split(': ').pop();
  await page.getByText(i18nOwn['caseFile.title'].replace('{caseNumber}', caseNumber)).first().waitFor({ timeout: 20000 });
  const caseFile = await page.locator('body').innerText();
  noEnglish(caseFile, 'the case file tab');
  noEnglishOnScreen(caseFile, 'the case file tab');
  await page.screenshot({ path: path.join(shots, `language-${language}-4-case-file.png`), fullPage: true });

  // The supervisors' figures on Cockpit's start page.
  // A browser of its own: the Tasklist session above is Clara's.
  const supervisor = await browser({ locale: 'en-US' });
  contexts.push(supervisor);
  const cockpit = await supervisor.newPage();
  await cockpit.goto(`${base}/camunda/app/cockpit/default/`, { timeout: 60000 });
  await cockpit.locator('input[type=password]').waitFor({ timeout: 60000 });
  await cockpit.locator('form input[type=text], form input:not([type])').first().fill('sam');
  await cockpit.locator('input[type=password]').fill(password);
  await cockpit.click('button[type=submit]');
  await cockpit.locator('.vom-figures .vom-figures-content').waitFor({ timeout: 60000 });
  const title = (await cockpit.locator('section.vom-figures-section header .section-title').textContent()).trim();
  if (title !== i18nOwn['figures.title']) fail(`the figures are titled "${title}", not "${i18nOwn['figures.title']}"`);
  const figures = await cockpit.locator('.vom-figures').innerText();
  noEnglishOnScreen(figures, 'the figures page');
  noEnglish(figures, 'the figures page');
  await cockpit.screenshot({ path: path.join(shots, `language-${language}-5-figures.png`), fullPage: true });
  console.log(`${language}: Tasklist's chrome, filters, start form, task form and case file, and Cockpit's figures, without `
    + `English text of the product (${lookFor.length} texts of forms and diagrams, ${screenWords.length} of the screens)`);
} finally {
  for (const c of contexts) await c.close();
}
