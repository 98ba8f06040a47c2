// Browser test of a refused form in the real Tasklist (Debian chromium, headless): the coordinator submits a
// referral whose victim is born in the future; the server refuses it (400, the field named), the date of birth
// is marked in the form, the summary is in view next to the Start button, and no case is created. The same for
// a task form: the assignment with the same person as mediator and co-mediator.
// Usage: node e2e/form-errors.mjs http://localhost:18090  (application running, demo users)
import path from 'path';
import { base, shots, fail, rest, browser, login, waitFor, field, choose, date } from './support.mjs';


async function inView(page, locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  return box && box.y >= 0 && box.y + box.height <= viewport.height;
}

const casesBefore = (await rest('sam', '/engine-rest/process-instance/count?processDefinitionKey=vom-case')).count;
const context = await browser();
try {
  const page = await context.newPage();
  page.on('pageerror', error => console.log('page error:', String(error).slice(0, 200)));
  await login(page, 'clara', 'tasklist', page.getByText('My tasks').first());
  await page.getByText('Start process').click();
  await page.getByRole('link', { name: 'Victim-offender mediation case' }).click();
  await field(page, 'Field_ReferrerName').waitFor();
  await choose(page, 'Field_ReferralSource', 'Prosecutor');
  await field(page, 'Field_ReferrerName').fill('Staatsanwaltschaft Musterstadt');
  await choose(page, 'Field_ProceduralStage', 'Diversion / pre-charge');
  await choose(page, 'Field_OffenceCategory', 'Theft');
  await date(page, 'Field_OffenceDate', '01/03/2026');
  await field(page, 'Field_OffenceSummary').fill('E2E refused form: a bicycle was taken from a courtyard.');
  await choose(page, 'Field_ResponsibilityAdmission', 'Fully admits');
  await field(page, 'Field_Victim1Name').fill('Eva Lind');
  await date(page, 'Field_Victim1DateOfBirth', '04/02/2999');
  await choose(page, 'Field_Victim1Language', 'English');
  await field(page, 'Field_Victim1Email').fill('eva.lind@example.org');
  await field(page, 'Field_Offender1Name').fill('Tim Ost');
  await date(page, 'Field_Offender1DateOfBirth', '01/15/1995');
  await choose(page, 'Field_Offender1Language', 'German');
  await field(page, 'Field_Offender1Phone').fill('+49 30 123456');
  await field(page, 'Field_Offender1Phone').press('Tab');
  await page.getByRole('button', { name: 'Start', exact: true }).click({ timeout: 10000 });

  const marked = page.locator('.fjs-form-field.vom-has-server-error');
  await marked.first().waitFor({ timeout: 15000 });
  const markedIds = await marked.locator('[id]').evaluateAll(nodes => nodes.map(n => n.id));
  if (!markedIds.some(id => id.includes('Field_Victim1DateOfBirth'))) fail('the date of birth is not marked: ' + markedIds);
  if (!(await marked.first().innerText()).includes('must not be in the future')) fail('no message at the field');
  const summary = page.locator('.vom-form-summary');
  if (!(await summary.isVisible())) fail('no summary');
  if (!(await summary.innerText()).includes('Victim 1 – Date of birth')) fail('the summary does not use the form\'s label');
  if (!(await inView(page, marked.first())) && !(await inView(page, summary))) fail('the refusal is out of sight');
  await page.screenshot({ path: path.join(shots, 'form-errors-1-referral.png') });
  const casesAfter = (await rest('sam', '/engine-rest/process-instance/count?processDefinitionKey=vom-case')).count;
  if (casesAfter !== casesBefore) fail('a refused referral created a case');
  console.log('A refused referral: the date of birth is marked, the summary is in view, no case was created');
  // Correcting the field takes its mark away.
  await date(page, 'Field_Victim1DateOfBirth', '04/02/1990');
  await waitFor(async () => (await page.locator('.vom-has-server-error').count()) === 0, 'the mark to go', 10);
  await page.keyboard.press('Escape');

  // A task form: the same person as mediator and co-mediator.
  const referral = await rest('policeapi', '/api/referrals', {
    referralSource: 'police', referrerName: 'Polizeiinspektion Mitte', referrerEmail: 'toa@polizei-mitte.example',
    proceduralStage: 'diversion', offenceCategory: 'theft', offenceDate: '2026-02-14',
    offenceSummary: 'E2E refused task form: a bicycle was taken.', responsibilityAdmission: 'full',
    victims: [{ name: 'Ana Roth', dateOfBirth: '1980-04-02', preferredLanguage: 'de', email: 'ana.roth@example.org' }],
    offenders: [{ name: 'Carl Vogt', dateOfBirth: '1990-01-15', preferredLanguage: 'de', phone: '+49 30 1234567' }]
  });
  const assign = await waitFor(async () => (await rest('clara',
    `/engine-rest/task?processInstanceId=${referral.processInstanceId}&taskDefinitionKey=Task_AssignMediators`))[0], 'the assignment');
  await page.goto(`${base}/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=${assign.id}`);
  await page.getByText('Claim', { exact: true }).click();
  await field(page, 'Field_LeadMediator').waitFor();
  await page.waitForTimeout(500);
  await choose(page, 'Field_LeadMediator', 'Mara Jensen');
  await choose(page, 'Field_CoMediator', 'Mara Jensen');
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await page.locator('.vom-has-server-error').first().waitFor({ timeout: 15000 });
  const coMarked = await page.locator('.vom-has-server-error [id]').evaluateAll(nodes => nodes.map(n => n.id));
  if (!coMarked.some(id => id.includes('Field_CoMediator'))) fail('the co-mediator is not marked: ' + coMarked);
  await page.screenshot({ path: path.join(shots, 'form-errors-2-assignment.png') });
  const still = await rest('clara', `/engine-rest/task?processInstanceId=${referral.processInstanceId}&taskDefinitionKey=Task_AssignMediators`);
  if (still.length !== 1) fail('the refused assignment completed the task');
  console.log('A refused task form: the co-mediator is marked, the task stays open');
  console.log('E2E PASSED');
} finally {
  await context.close();
}
