// Browser test of the real Tasklist (Debian chromium, headless): a coordinator registers a referral with
// the start form, the eligibility rules accept it, she assigns a mediator; the mediator finds the consent
// call in "My tasks". Usage: node e2e/tasklist.mjs http://localhost:18090  (application running, demo users)
import path from 'path';
import { base, shots, fail, basic, rest, browser, login as loginTo, waitFor, field, choose, date } from './support.mjs';

async function login(page, user) {
  await loginTo(page, user, 'tasklist', page.getByText('My tasks').first());
}


const summary = 'E2E ' + Date.now() + ': a bicycle was taken from the courtyard of a block of flats.';
const context = await browser();
try {
  // 1. Coordinator registers the referral with the Tasklist start form.
  const page = await context.newPage();
  page.on('pageerror', error => console.log('page error:', String(error).slice(0, 200)));
  await login(page, 'clara');
  await page.getByText('Start process').click();
  await page.getByRole('link', { name: 'Victim-offender mediation case' }).click();
  await field(page, 'Field_ReferrerName').waitFor();
  await choose(page, 'Field_ReferralSource', 'Prosecutor');
  await field(page, 'Field_ReferrerName').fill('Staatsanwaltschaft Musterstadt');
  await field(page, 'Field_ReferrerEmail').fill('toa@sta.example');
  await choose(page, 'Field_ProceduralStage', 'Diversion / pre-charge');
  await choose(page, 'Field_OffenceCategory', 'Theft');
  await date(page, 'Field_OffenceDate', '01/03/2026');
  await field(page, 'Field_OffenceSummary').fill(summary);
  await choose(page, 'Field_ResponsibilityAdmission', 'Fully admits');
  await field(page, 'Field_Victim1Name').fill('Eva Lind');
  await date(page, 'Field_Victim1DateOfBirth', '04/02/1990');
  await choose(page, 'Field_Victim1Language', 'English');
  await field(page, 'Field_Victim1Email').fill('eva.lind@example.org');
  await field(page, 'Field_Offender1Name').fill('Tim Ost');
  await date(page, 'Field_Offender1DateOfBirth', '01/15/1995');
  await choose(page, 'Field_Offender1Language', 'German');
  await field(page, 'Field_Offender1Phone').fill('+49 30 123456');
  await field(page, 'Field_Offender1Phone').press('Tab');
  await page.screenshot({ path: path.join(shots, '1-referral-form.png'), fullPage: true });
  const invalid = await page.locator('.fjs-has-errors .fjs-form-field-label').allTextContents();
  if (invalid.length) fail('the referral form shows errors at: ' + invalid.join(', '));
  await page.getByRole('button', { name: 'Start', exact: true }).click({ timeout: 10000 });

  const instance = await waitFor(async () => {
    // The supervisor reads the cases' values, as Cockpit does (administrators do not: case content comes with a role).
    const cases = await rest('sam', '/engine-rest/process-instance?processDefinitionKey=vom-case');
    for (const c of cases) {
      // The referral's facts are one record of the case (a Json variable), the summary among them.
      const values = await rest('sam', `/engine-rest/variable-instance?processInstanceIdIn=${c.id}&variableName=referral&deserializeValues=false`);
      if (values.some(v => (typeof v.value === 'string' ? JSON.parse(v.value) : v.value || {}).offenceSummary === summary)) return c;
    }
    return null;
  }, 'the case started from the Tasklist form');
  if (!/^VOM-\d{4}-\d{5}$/.test(instance.businessKey)) fail('case number ' + instance.businessKey);
  console.log(`Referral registered in Tasklist: case ${instance.businessKey}`);
  // Tasklist says only that a process started: the banner of case-started.js names the new case.
  const banner = page.locator('.vom-case-started .vom-case-number');
  await banner.waitFor({ timeout: 15000 });
  const shown = (await banner.textContent()).trim();
  if (shown !== instance.businessKey) fail(`the banner after the start names ${shown}, the case is ${instance.businessKey}`);
  await page.screenshot({ path: path.join(shots, '1b-case-started.png') });
  console.log(`The start names the case: ${shown}`);

  // 2. The job executor checks eligibility; the coordinator assigns Mara in Tasklist.
  const assign = await waitFor(async () => (await rest('admin',
    `/engine-rest/task?processInstanceId=${instance.id}&taskDefinitionKey=Task_AssignMediators`))[0], 'the assignment task');
  await page.goto(`${base}/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=${assign.id}`);
  await page.getByText('Claim', { exact: true }).click();
  await field(page, 'Field_LeadMediator').waitFor();
  await page.waitForTimeout(500);
  // The assignment shows the case's persons and offers each mediator with their open cases.
  const persons = await field(page, 'Field_PersonsShown').inputValue();
  if (!persons.includes('Eva Lind, victim') || !persons.includes('Tim Ost, offender')) fail('the assignment shows the persons as: ' + persons);
  await choose(page, 'Field_LeadMediator', 'Mara Jensen');
  // A searchable select shows the chosen option's label in its input.
  const chosen = await field(page, 'Field_LeadMediator').inputValue();
  if (!/Mara Jensen — (no open cases|1 open case|\d+ open cases)/.test(chosen)) fail('the mediator is offered as: ' + chosen);
  await page.screenshot({ path: path.join(shots, '2-assign-mediators.png'), fullPage: true });
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await waitFor(async () => (await fetch(`${base}/engine-rest/task/${assign.id}`,
    { headers: { 'Authorization': basic('admin') } })).status === 404,
    'the assignment to complete');
  console.log('Mediators assigned in Tasklist');

  // 3. The mediator finds the offender's consent call in "My tasks".
  const mara = await context.newPage();
  await context.clearCookies();
  await login(mara, 'mara');
  await waitFor(async () => {
    await mara.reload();
    await mara.getByText('My tasks').first().click();
    return (await mara.getByText('Call the person for consent').count()) > 0;
  }, 'the consent call in Mara\'s task list', 60);
  await mara.screenshot({ path: path.join(shots, '3-mediator-tasks.png'), fullPage: true });
  console.log('The mediator sees the consent call in My tasks');
  // Comments are switched off (TaskCommentsOff): Tasklist's "Add comment" link is there but hidden.
  await mara.getByText('Call the person for consent').first().click();
  await mara.locator('.createCommentLink').first().waitFor({ state: 'attached', timeout: 15000 });
  if (await mara.locator('.createCommentLink').first().isVisible()) fail('the "Add comment" link is visible');
  console.log('The task opens without an "Add comment" link');
  // The form shows the person from the person itself (person.name, person.role) and the referral's summary, which
  // the case keeps in its record of the referral and hands to the contact.
  await field(mara, 'Field_PersonNameShown').waitFor({ timeout: 15000 });
  const shownName = await waitFor(async () => (await field(mara, 'Field_PersonNameShown').inputValue()) || null,
    'the person\'s name on the consent call');
  if (!['Tim Ost', 'Eva Lind'].includes(shownName)) fail('the consent call shows the person as: ' + shownName);
  const shownPhone = await field(mara, shownName === 'Tim Ost' ? 'Field_PersonPhoneShown' : 'Field_PersonEmailShown').inputValue();
  if (shownPhone !== (shownName === 'Tim Ost' ? '+49 30 123456' : 'eva.lind@example.org')) {
    fail('the consent call shows the way to reach ' + shownName + ' as: ' + shownPhone);
  }
  const shownSummary = await field(mara, 'Field_SummaryShown').inputValue();
  if (shownSummary !== summary) fail('the consent call shows the summary as: ' + shownSummary);
  await mara.screenshot({ path: path.join(shots, '4-consent-call.png'), fullPage: true });
  console.log(`The consent call shows the person (${shownName}, ${shownPhone}) and the summary`);
  console.log('E2E PASSED');
} finally {
  await context.close();
}
