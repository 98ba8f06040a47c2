// Browser test of "Migrate cases", the administrators' Cockpit page (Debian chromium, headless).
// Two cases wait at the consent calls (contact-person); the administrator deploys a changed contact-person
// through the REST API, in which the consent call has another id (Task_ConsentCall) and label, as Camunda
// Modeler would. On the page: the dry run shows both cases among those that cannot move, with the renamed
// step as the reason; with the extra mappings (the step and the timer attached to it) the check says they
// can move; "Migrate" (confirmed) starts a run whose progress ends with both cases moved, and the mediator's
// tasks are the renamed step. Then the same page rolls them back (target = the previous version), and the
// changed deployment is removed. A supervisor sees neither the navigation entry nor the page.
// Screenshots go to $E2E_SCREENSHOTS. Usage: node e2e/migration.mjs http://localhost:18090 (application
// running, demo users). Run it last: it moves every case waiting on the current contact-person.
import fs from 'fs';
import path from 'path';
import { base, shots, fail, rest, basic, browser, login, waitFor, referAndAssign } from './support.mjs';

function expect(condition, message) {
  if (!condition) fail(message);
}

const KEY = 'contact-person';
const OLD_STEP = 'Task_CallForConsent';
const NEW_STEP = 'Task_ConsentCall';
const TIMER = 'BoundaryEvent_ConsentCallOverdue';

function referral(n) {
  return {
    referralSource: 'police', referrerName: 'Polizeiinspektion Mitte', referrerEmail: 'toa@polizei-mitte.example',
    referrerReference: 'E2E-MIG-' + n + '-' + Date.now(), proceduralStage: 'diversion', offenceCategory: 'theft',
    offenceDate: '2026-02-14', offenceSummary: 'E2E migration: a scooter was taken from a car park.',
    responsibilityAdmission: 'full',
    victims: [{ name: 'Ida Berger ' + n, dateOfBirth: '1982-05-12', preferredLanguage: 'de', email: 'ida.berger@example.org' }],
    offenders: [{ name: 'Leo Hahn ' + n, dateOfBirth: '1995-09-01', preferredLanguage: 'de', phone: '+49 30 7654321' }]
  };
}

async function consentCalls(caseNumber, step) {
  return rest('mara', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}&taskDefinitionKey=${step}`);
}

// 1. Two cases, each waiting at its consent calls (the victim's and the offender's contact-person).
const cases = [];
for (const n of [1, 2]) {
  const { caseNumber } = await referAndAssign(referral(n), 'mara', 'jonas');
  await waitFor(async () => (await consentCalls(caseNumber, OLD_STEP)).length > 0, 'the consent call of ' + caseNumber, 60);
  cases.push(caseNumber);
}
console.log('Two cases wait at the consent call: ' + cases.join(', '));

// 2. The administrator deploys a changed contact-person (the consent call renamed) with the forms it uses.
const old = await rest('admin', '/engine-rest/process-definition/' + (await consentCalls(cases[0], OLD_STEP))[0].processDefinitionId);
const xml = fs.readFileSync('processes/contact-person.bpmn', 'utf8')
  .replaceAll(OLD_STEP, NEW_STEP)
  .replace('name="Call the person for consent"', 'name="Call the person and ask for consent"');
expect(xml.includes(NEW_STEP), 'the diagram has the renamed step');
const form = new FormData();
form.append('deployment-name', 'contact-person renamed step (e2e/migration.mjs)');
form.append('deployment-source', 'e2e');
form.append('contact-person.bpmn', new Blob([xml], { type: 'application/xml' }), 'contact-person.bpmn');
for (const file of fs.readdirSync('forms').filter(f => f.endsWith('.form'))) {
  form.append(file, new Blob([fs.readFileSync(path.join('forms', file))], { type: 'application/json' }), file);
}
const deployed = await fetch(base + '/engine-rest/deployment/create', { method: 'POST', headers: { Authorization: basic('admin') }, body: form });
if (!deployed.ok) fail('the deployment answered ' + deployed.status + ': ' + (await deployed.text()).slice(0, 300));
const deployment = await deployed.json();
const created = (await rest('admin', `/engine-rest/process-definition?key=${KEY}&latestVersion=true`))[0];
expect(created.version > old.version, `a new version of ${KEY} (${created.version} after ${old.version})`);
console.log(`Deployed ${KEY} version ${created.version} (the consent call renamed); the cases run on version ${old.version}`);

// 3. A supervisor sees no entry and no page.
const samContext = await browser();
try {
  const sam = await samContext.newPage();
  await login(sam, 'sam', 'cockpit', sam.locator('.dashboard'));
  await sam.waitForTimeout(1500);
  expect(await sam.locator('a.vom-migration-nav').count() === 0, 'no "Migrate cases" entry for a supervisor');
  await sam.goto(base + '/camunda/app/cockpit/default/#/vom-migration');
  await sam.waitForTimeout(2000);
  expect(await sam.locator('.vom-migration h2').count() === 0, 'no migration page for a supervisor');
  await sam.screenshot({ path: path.join(shots, 'migration-0-supervisor-sees-nothing.png') });
} finally {
  await samContext.close();
}

const context = await browser();
try {
  // 4. The administrator opens the page from Cockpit's navigation bar.
  const page = await context.newPage();
  await login(page, 'admin', 'cockpit', page.locator('a.vom-migration-nav'));
  await page.locator('a.vom-migration-nav').click();
  await page.locator('.vom-migration h2', { hasText: 'Migrate cases' }).waitFor({ timeout: 15000 });
  await waitFor(async () => (await page.locator(`select[name=processKey] option[value="${KEY}"]`).count()) > 0, 'the processes');
  await page.selectOption('select[name=processKey]', KEY);
  await waitFor(async () => (await page.locator(`select[name=sourceVersion] option[value="${old.version}"]`).count()) > 0, 'the versions');
  await page.selectOption('select[name=sourceVersion]', String(old.version));
  await page.selectOption('select[name=targetVersion]', String(created.version));
  await waitFor(async () => (await page.locator(`#vom-migration-to-ids option[value="${NEW_STEP}"]`).count()) > 0,
    'the target\'s activity ids offered for the mappings');

  // 5. The dry run without a mapping: both cases cannot move, because of the renamed step.
  await page.locator('button.vom-migration-check').click();
  await page.locator('.vom-migration-check-result').waitFor({ timeout: 30000 });
  for (const caseNumber of cases) {
    const row = page.locator(`.vom-migration-blocked tr[data-case="${caseNumber}"]`);
    expect(await row.count() === 1, caseNumber + ' among the cases that cannot move');
    const reason = await row.innerText();
    expect(reason.includes(OLD_STEP) && reason.includes('Call the person for consent'), 'the reason names the step: ' + reason);
  }
  const unmapped = await page.locator('.vom-migration-unmapped').first().innerText();
  expect(unmapped.includes(OLD_STEP) && unmapped.includes(TIMER), 'the plan lists the unmapped step and timer: ' + unmapped);
  await page.screenshot({ path: path.join(shots, 'migration-1-dry-run-cannot-move.png'), fullPage: true });
  console.log('The dry run shows both cases as not movable, with the renamed step as the reason');

  expect(await page.locator(`#vom-migration-from-ids option[value="${OLD_STEP}"]`).count() === 1, 'the unmapped step offered as From');

  // 6. The mappings (the renamed step and its overdue reminder), and the check again: both can move.
  for (const [from, to] of [[OLD_STEP, NEW_STEP], [TIMER, TIMER]]) {
    await page.locator('button.vom-migration-add').click();
    const row = page.locator('tr.vom-migration-mapping').last();
    await row.locator('input[name=from]').fill(from);
    await row.locator('input[name=to]').fill(to);
  }
  await page.locator('button.vom-migration-check').click();
  await waitFor(async () => (await page.locator('.vom-migration-check-result').count()) > 0
    && (await page.locator('.vom-migration-plan-block').first().innerText()).length > 0
    && (await page.locator(`.vom-migration-blocked tr[data-case="${cases[0]}"]`).count()) === 0, 'the second check');
  for (const caseNumber of cases) {
    expect(await page.locator(`.vom-migration-blocked tr[data-case="${caseNumber}"]`).count() === 0, caseNumber + ' can move now');
  }
  const summary = await page.locator('.vom-migration-summary').innerText();
  console.log('Check with the mappings: ' + summary);
  expect(!(await page.locator('button.vom-migration-run').isDisabled()), 'Migrate is offered after the check');
  await page.screenshot({ path: path.join(shots, 'migration-2-dry-run-with-mapping.png'), fullPage: true });

  // 7. Migrate (confirmed on the page): the run's progress ends with both cases moved.
  await page.locator('button.vom-migration-run').click();
  await page.locator('.vom-migration-confirm').waitFor();
  await page.screenshot({ path: path.join(shots, 'migration-3-confirm.png'), fullPage: true });
  await page.locator('button.vom-migration-confirm-yes').click();
  await page.locator('.vom-migration-run-result[data-status="finished"]').waitFor({ timeout: 120000 });
  for (const caseNumber of cases) {
    const row = page.locator(`.vom-migration-cases tr[data-case="${caseNumber}"]`);
    expect(await row.getAttribute('data-status') === 'migrated', caseNumber + ' moved: ' + await row.innerText());
  }
  const progress = await page.locator('.vom-migration-progress').innerText();
  expect(/Finished/.test(progress), 'the run finished: ' + progress);
  expect(await page.locator(`.vom-migration-run-list tr`).count() > 1, 'the run in the list of last runs');
  await page.screenshot({ path: path.join(shots, 'migration-4-run-finished.png'), fullPage: true });
  console.log('The run moved both cases: ' + progress);
  for (const caseNumber of cases) {
    expect((await consentCalls(caseNumber, NEW_STEP)).length > 0, caseNumber + ': the mediator works the renamed step');
    expect((await consentCalls(caseNumber, OLD_STEP)).length === 0, caseNumber + ': no consent call of the old version left');
  }

  // 8. The rollback on the same page: target = the previous version, the mappings the other way round.
  await page.locator('button.vom-migration-rollback').click();
  expect(await page.inputValue('select[name=sourceVersion]') === String(created.version), 'rollback: source is the new version');
  expect(await page.inputValue('select[name=targetVersion]') === String(old.version), 'rollback: target is the previous version');
  expect(await page.locator('tr.vom-migration-mapping input[name=from]').first().inputValue() === NEW_STEP, 'mappings swapped');
  await page.locator('button.vom-migration-check').click();
  await waitFor(async () => !(await page.locator('button.vom-migration-run').isDisabled()), 'the rollback check');
  await page.locator('button.vom-migration-run').click();
  await page.locator('button.vom-migration-confirm-yes').click();
  await waitFor(async () => (await page.locator(`.vom-migration-run-result[data-status="finished"]`).count()) > 0
    && (await page.locator('.vom-migration-run-result h3').innerText()).includes('to version ' + old.version), 'the rollback run', 120);
  await page.screenshot({ path: path.join(shots, 'migration-5-rollback-finished.png'), fullPage: true });
  for (const caseNumber of cases) {
    expect((await consentCalls(caseNumber, OLD_STEP)).length > 0, caseNumber + ' back at the old consent call');
  }
  console.log('The rollback took both cases back to version ' + old.version);
} finally {
  await context.close();
}

// 9. The changed version has no running instance left: its deployment is removed.
const removed = await fetch(base + '/engine-rest/deployment/' + deployment.id, { method: 'DELETE', headers: { Authorization: basic('admin') } });
expect(removed.status === 204, 'the changed deployment removed (' + removed.status + ')');
console.log('Migration page: OK');
