// Browser test of the changes a mediator makes on her desk without a workaround (Debian chromium, headless): a case
// whose direct session is scheduled. In the real Tasklist, Mara corrects the offender's phone number with the start
// form "Record a case event" (the case overview shows the new number), then moves the session with the task "Change
// the session if needed" (both parties get the changed invitation, her calendar shows the new time). Screenshots to
// $E2E_SCREENSHOTS. Usage: node e2e/desk-changes.mjs http://localhost:18090  (application running, demo users)
import path from 'path';
import { shots, fail, rest, browser, login, waitFor, referAndAssign, field, choose, date } from './support.mjs';

const family = 'Wendt' + Date.now().toString(36).slice(-5);
const NEW_PHONE = '+49 30 5550100';
const CHECKLIST = JSON.stringify(['confidentiality', 'ground_rules', 'account', 'harm', 'wishes', 'support', 'safety', 'readiness']);

// 1. Setup over the REST API: consent, preparation, suitability, and a direct session on 20 May 2099, 14:30.
const { caseNumber } = await referAndAssign({
  referralSource: 'police',
  referrerName: 'Polizeiinspektion Mitte',
  referrerEmail: 'toa@polizei-mitte.example',
  referrerReference: 'E2E-CHANGES-' + Date.now(),
  proceduralStage: 'diversion',
  offenceCategory: 'property_damage',
  offenceDate: '2026-02-14',
  offenceSummary: 'E2E desk changes: a fence was damaged.',
  responsibilityAdmission: 'full',
  victims: [{ name: 'Eva ' + family, dateOfBirth: '1975-06-12', preferredLanguage: 'de', email: 'eva.changes@example.org' }],
  offenders: [{ name: 'Jan ' + family, dateOfBirth: '1990-03-01', preferredLanguage: 'de', email: 'jan.changes@example.org',
    phone: '+49 30 555111' }]
}, 'mara', 'jonas');
const key = encodeURIComponent(caseNumber);
const taskOf = (definition, person) => waitFor(async () => (await rest('mara',
  `/engine-rest/task?processInstanceBusinessKey=${key}&taskDefinitionKey=${definition}`))
  .find(task => !person || task.name.includes(': ' + person + ',')), definition + (person ? ' of ' + person : ''), 60);
const complete = async (task, variables) => rest('mara', `/engine-rest/task/${task.id}/submit-form`, { variables });
for (let call = 0; call < 2; call++) {
  await complete(await taskOf('Task_CallForConsent'), { callOutcome: { value: 'agrees' } });
}
const meeting = { meetingDate: { value: '2026-03-01' }, meetingFormat: { value: 'in_person' },
  checklist: { type: 'Json', value: CHECKLIST }, readiness: { value: 'ready' } };
await complete(await taskOf('Task_HoldPreparationMeeting', 'O1'), meeting);
await complete(await taskOf('Task_HoldPreparationMeeting', 'V1'), { ...meeting, meetingType: { value: 'direct' },
  preferredPlace: { value: 'Community centre' }, firstSpeaker: { value: 'victim' } });
await complete(await taskOf('Task_DecideSuitability'), { suitability: { value: 'suitable' } });
await complete(await taskOf('Task_ScheduleSession'), { meetingType: { value: 'direct' }, sessionDate: { value: '2099-05-20' },
  sessionTime: { value: '14:30' }, sessionPlace: { value: 'Community centre, room 2' }, sessionAttendeeIds: { type: 'Json', value: JSON.stringify(['V1', 'O1']) } });
await taskOf('Task_ChangeSession');
const invitations = async () => (await rest('mara', `/vom/case-file?case=${key}`)).messages
  .filter(m => m.message === 'session-invitation');
await waitFor(async () => (await invitations()).length === 2, 'the two invitations to the session', 60);
console.log(`Case ${caseNumber}: the session on 20 May 2099 is scheduled and both parties are invited`);

const context = await browser();
try {
  const page = await context.newPage();
  page.on('pageerror', error => console.log('page error:', String(error).slice(0, 200)));
  await login(page, 'mara', 'tasklist', page.getByText('My tasks').first());

  // 2. The offender's new phone number, with "Record a case event".
  await page.getByText('Start process').click();
  await page.getByRole('link', { name: 'Record a case event' }).click();
  await field(page, 'Field_EventCaseNumber').waitFor({ timeout: 15000 });
  await field(page, 'Field_EventCaseNumber').fill(caseNumber);
  await choose(page, 'Field_EventType', "A person's or guardian's contact details or language changed");
  await field(page, 'Field_EventPersonId').fill('O1');
  await field(page, 'Field_ContactPhone').fill(NEW_PHONE);
  await field(page, 'Field_EventReason').fill('He called from his new number.');
  await page.screenshot({ path: path.join(shots, 'desk-changes-1-contact.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await waitFor(async () => {
    const o1 = (await rest('mara', `/vom/cases/${key}`)).persons.find(p => p.id === 'O1');
    return o1 && o1.contact && o1.contact.phone === NEW_PHONE;
  }, 'the new phone number in the case overview', 30);
  console.log('The offender\'s new phone number is in the case');

  // 3. The session moved to 27 May 2099, 10:00, with "Change the session if needed".
  await page.goto(page.url().split('#')[0] + '#/');
  // A reload right after the start may land while Tasklist still settles the started process (its own follow-up
  // requests are cut off): a reload whose filter list does not come within 15 s is tried again.
  const deadline = Date.now() + 90000;
  for (;;) {
    await page.reload();
    const shown = await page.getByText('My tasks').first().click({ timeout: 15000 }).then(() => true, () => false);
    if (shown && (await page.getByText('Change the session if needed').count()) > 0) break;
    if (Date.now() > deadline) fail('timed out waiting for the task "Change the session if needed" in My tasks');
    await page.waitForTimeout(1000);
  }
  await page.getByText('Change the session if needed').first().click();
  await page.getByText('Move it to another date, time or place').waitFor({ timeout: 15000 });
  await page.getByText('Move it to another date, time or place').click();
  await date(page, 'Field_NewSessionDate', '05/27/2099');
  await field(page, 'Field_NewSessionTime').fill('10:00');
  await field(page, 'Field_NewSessionPlace').fill('Fachstelle TOA, Raum 2');
  await page.screenshot({ path: path.join(shots, 'desk-changes-2-move-session.png'), fullPage: true });
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  const updates = await waitFor(async () => {
    const sent = await invitations();
    return sent.length === 4 ? sent : null;
  }, 'the changed invitations to both parties', 60);
  const recipients = new Set(updates.slice(2).map(m => m.recipientName));
  if (recipients.size !== 2) fail('the changed invitation did not go to both parties: ' + [...recipients].join(', '));
  const calendar = await rest('mara', '/vom/calendar');
  const event = calendar.events.find(e => e.caseNumber === caseNumber);
  if (!event || !event.place.includes('Fachstelle') || !event.start.startsWith('2099-05-27')) {
    fail('the calendar does not show the moved session: ' + JSON.stringify(event));
  }
  console.log('The session is moved: both parties got the changed invitation, the calendar shows 27 May 2099');
  console.log('E2E PASSED');
} finally {
  await context.close();
}
