// Browser test of the mediator's desk (Debian chromium, headless): a case whose offender wants time (call again in
// three days) waits at a timer with no open task. Its mediator Mara finds it in Tasklist's "Cases" by the victim's
// name, opens its overview and sees what it waits for and until when, and opens the overview by its address; the
// "Case overview" tab of a task of a second case shows that case. The supervisor Sam opens the same overview in
// Cockpit ("Cases" and the process instance's tab), read-only. From the overview Mara adds a note and uploads a small
// PDF, which the Case file tab then lists; an HTML file named .pdf is refused at the file field. Sam has no such forms.
// Screenshots to $E2E_SCREENSHOTS.
// Usage: node e2e/case-overview.mjs http://localhost:18090  (application running, demo users)
import fs from 'fs';
import path from 'path';
import { base, shots, fail, rest, browser, login, waitFor, referAndAssign } from './support.mjs';

const family = 'Brandt' + Date.now().toString(36).slice(-5);
const referral = victim => ({
  referralSource: 'police',
  referrerName: 'Polizeiinspektion Mitte',
  referrerEmail: 'toa@polizei-mitte.example',
  referrerReference: 'E2E-DESK-' + Date.now(),
  proceduralStage: 'diversion',
  offenceCategory: 'property_damage',
  offenceDate: '2026-02-14',
  offenceSummary: 'E2E desk: the window of a kiosk was broken.',
  responsibilityAdmission: 'full',
  victims: [{ name: victim, dateOfBirth: '1975-06-12', preferredLanguage: 'de', email: 'desk@example.org', interpreterNeeded: true }],
  offenders: [{ name: 'Tom Keller', dateOfBirth: '2008-03-01', preferredLanguage: 'de', phone: '+49 30 555111' }]
});

// 1. Setup over the REST API: case A waits at "Day of the next call" (no open task), case B at a task.
const { caseNumber, processInstanceId } = await referAndAssign(referral('Ida ' + family), 'mara', 'jonas');
const call = await waitFor(async () => (await rest('mara',
  `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}&taskDefinitionKey=Task_CallForConsent`))[0],
  'the consent call of case A');
const nextCall = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
await rest('mara', `/engine-rest/task/${call.id}/submit-form`,
  { variables: { callOutcome: { value: 'call_again' }, nextCallDate: { value: nextCall } } });
const listed = await waitFor(async () => {
  const list = await rest('mara', `/vom/cases?q=${encodeURIComponent(family)}`);
  const row = list.cases.find(c => c.caseNumber === caseNumber);
  return row && row.nextWhat && row.nextWhat.includes('Day of the next call') ? row : null;
}, 'case A in the case list waiting for the next call', 60);
if ((await rest('mara', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`)).length) {
  fail('case A still has an open task');
}
console.log(`Case ${caseNumber} waits for "${listed.nextWhat}" until ${listed.nextDate}, with no open task`);
const second = await referAndAssign(referral('Olga ' + family), 'mara', 'jonas');
const taskOfB = await waitFor(async () => (await rest('mara',
  `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(second.caseNumber)}&assignee=mara`))[0], 'a task of case B');

const context = await browser();
try {
  // 2. Tasklist: Mara opens "Cases", searches the victim's name, opens case A's overview.
  const page = await context.newPage();
  page.on('pageerror', error => console.log('page error:', String(error).slice(0, 200)));
  await login(page, 'mara', 'tasklist', page.getByText('My tasks').first());
  await page.locator('a.vom-desk-nav', { hasText: 'Cases' }).click({ timeout: 15000 });
  const panel = page.locator('.vom-desk-panel');
  await panel.locator('input.vom-desk-search').fill('Ida ' + family);
  const row = panel.locator('tr.vom-desk-case', { hasText: caseNumber });
  await row.waitFor({ timeout: 15000 });
  // The list shown before the search (every case of Mara) gives way to the search's answer: case A alone.
  await panel.locator('tr.vom-desk-case', { hasText: second.caseNumber }).waitFor({ state: 'detached', timeout: 15000 })
    .catch(() => fail('the search for Ida also lists case B'));
  if ((await panel.locator('tr.vom-desk-case').count()) !== 1) fail('the search for Ida lists more than case A');
  if (!(await row.textContent()).includes('Day of the next call')) fail('the list does not say what case A waits for');
  // Under the list, the sessions to come and the calendar file to subscribe to (case A has none yet).
  await panel.locator('.vom-desk-calendar a.vom-desk-ics').waitFor({ timeout: 15000 })
    .catch(() => fail('the Cases panel has no "Sessions to come" with its calendar file'));
  await page.screenshot({ path: path.join(shots, 'case-overview-1-cases.png'), fullPage: true });
  await row.locator('a.vom-desk-open').click();
  const next = panel.locator('.vom-desk-next');
  await next.waitFor({ timeout: 15000 });
  const nextText = await next.textContent();
  if (!nextText.includes('Day of the next call') || !nextText.includes('Tom Keller (O1)')) fail('the overview says: ' + nextText);
  const timerRow = panel.locator('tr.vom-desk-wait-timer', { hasText: 'Day of the next call' });
  if (!(await timerRow.count())) fail('no timer row "Day of the next call"');
  if (await panel.locator('tr.vom-desk-wait-task').count()) fail('the overview shows an open task');
  const ida = panel.locator('tr.vom-desk-person[data-person="V1"]');
  if (!(await ida.textContent()).includes('needed')) fail('the interpreter need of V1 does not show');
  if (!(await panel.locator('tr.vom-desk-person[data-person="O1"] .vom-desk-state').textContent()).includes('contacted')) {
    fail('O1 is not shown as contacted');
  }
  if (await panel.locator('.vom-desk-readonly').count()) fail("the case's own mediator sees it as read-only");
  if (!page.url().includes('vomCase=' + caseNumber)) fail('the address does not name the case: ' + page.url());
  await page.screenshot({ path: path.join(shots, 'case-overview-2-overview.png'), fullPage: true });
  console.log(`Tasklist: Mara found ${caseNumber} by "Ida ${family}" and sees: ${nextText.trim()}`);

  // Mara adds a note and uploads the prosecutor's letter from the overview; an HTML page named .pdf is refused.
  const noteText = 'Ida ' + family + ' asked for the call after 4 pm.';
  const noteForm = panel.locator('form.vom-desk-note-form');
  await noteForm.getByLabel('Note').fill(noteText);
  await noteForm.getByRole('button', { name: 'Add note' }).click();
  await panel.locator('.vom-desk-plain-note', { hasText: noteText }).waitFor({ timeout: 15000 });
  await panel.locator('tr.vom-desk-event-note', { hasText: noteText }).waitFor({ timeout: 15000 });
  const files = fs.mkdtempSync(path.join(shots, 'upload-'));
  const fake = path.join(files, 'letter.pdf');
  fs.writeFileSync(fake, '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
  const uploadForm = panel.locator('form.vom-desk-upload-form');
  await uploadForm.getByLabel('File').setInputFiles(fake);
  await uploadForm.getByLabel('Kind').selectOption('mandate_letter');
  await uploadForm.getByLabel('Title').fill('Mandate of the prosecutor');
  await uploadForm.getByRole('button', { name: 'Upload' }).click();
  await uploadForm.locator('.has-error .vom-desk-field-error', { hasText: 'is not a PDF, PNG or JPEG' }).waitFor({ timeout: 15000 });
  const pdf = path.join(files, 'mandate.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>'
    + ' endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await uploadForm.getByLabel('File').setInputFiles(pdf);
  await uploadForm.getByRole('button', { name: 'Upload' }).click();
  await panel.locator('li.vom-desk-uploaded', { hasText: 'Mandate of the prosecutor' }).waitFor({ timeout: 15000 });
  await page.screenshot({ path: path.join(shots, 'case-overview-5-note-and-upload.png'), fullPage: true });
  const file = await rest('mara', `/vom/case-file?case=${encodeURIComponent(caseNumber)}`);
  const uploaded = file.documents.find(d => d.uploaded && d.title === 'Mandate of the prosecutor');
  if (!uploaded || uploaded.fileName !== 'mandate.pdf' || uploaded.mediaType !== 'application/pdf') {
    fail('the case file does not list the uploaded PDF: ' + JSON.stringify(file.documents));
  }
  if (!file.notes.some(n => n.text === noteText && n.writtenBy === 'mara')) fail('the case file does not list the note');
  console.log(`Tasklist: Mara added a note and uploaded ${uploaded.fileName}; an HTML file named .pdf was refused at the file`);

  // The address with the case number opens the overview on a fresh page.
  const byAddress = await context.newPage();
  await byAddress.goto(`${base}/camunda/app/tasklist/default/#/?vomCase=${encodeURIComponent(caseNumber)}`);
  await byAddress.locator('.vom-desk-panel h3', { hasText: 'Case overview ' + caseNumber }).waitFor({ timeout: 20000 });
  await byAddress.close();
  console.log('Tasklist: #/?vomCase=' + caseNumber + ' opens the overview');

  // The "Case overview" tab of a task of case B.
  await page.locator('.vom-desk-close').click();
  await page.goto(`${base}/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=${taskOfB.id}`);
  await page.locator('.nav-tabs a', { hasText: 'Case overview' }).click({ timeout: 15000 });
  const tab = page.locator('.vom-desk:not(.vom-desk-panel-content)').filter({ hasText: 'Case overview ' + second.caseNumber });
  await tab.locator('tr.vom-desk-wait-task').first().waitFor({ timeout: 15000 });
  if (!(await tab.locator('form.vom-desk-upload-form').count())) fail('the task tab offers no upload form');
  await page.screenshot({ path: path.join(shots, 'case-overview-3-task-tab.png'), fullPage: true });
  console.log(`Tasklist: the task's "Case overview" tab shows ${second.caseNumber} and its open task`);

  // 3. Cockpit: Sam (supervisor) opens case A from "Cases", read-only, and the process instance's tab.
  await context.clearCookies();
  const cockpit = await context.newPage();
  await login(cockpit, 'sam', 'cockpit', cockpit.getByText('Sam Carter').first());
  await cockpit.locator('a.vom-desk-nav', { hasText: 'Cases' }).click({ timeout: 20000 });
  await cockpit.locator('input.vom-desk-search').fill(family);
  const samRow = cockpit.locator('tr.vom-desk-case', { hasText: caseNumber });
  await samRow.waitFor({ timeout: 15000 });
  await samRow.locator('a.vom-desk-open').click();
  await cockpit.locator('.vom-desk-next', { hasText: 'Day of the next call' }).waitFor({ timeout: 15000 });
  if (!(await cockpit.locator('.vom-desk-readonly').isVisible())) fail('the supervisor does not see "read-only"');
  if (await cockpit.locator('.vom-desk-notes').count()) fail('the supervisor sees the confidential notes section');
  if (await cockpit.getByRole('button', { name: 'Mark as posted' }).count()) fail('the supervisor is offered "Mark as posted"');
  if (await cockpit.locator('form.vom-desk-upload-form, form.vom-desk-note-form').count()) fail('the supervisor is offered a form');
  await cockpit.locator('li.vom-desk-uploaded', { hasText: 'Mandate of the prosecutor' }).waitFor({ timeout: 15000 });
  await cockpit.screenshot({ path: path.join(shots, 'case-overview-4-cockpit.png'), fullPage: true });
  await cockpit.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${processInstanceId}/runtime`);
  await cockpit.locator('.nav-tabs a', { hasText: 'Case overview' }).click({ timeout: 20000 });
  await cockpit.locator('.vom-desk h3', { hasText: 'Case overview ' + caseNumber }).waitFor({ timeout: 15000 });
  await cockpit.locator('.vom-desk-next', { hasText: 'Day of the next call' }).waitFor({ timeout: 15000 });
  console.log('Cockpit: the supervisor sees the same overview read-only (Cases and the process instance tab)');

  console.log('E2E PASSED');
} finally {
  await context.close();
}
