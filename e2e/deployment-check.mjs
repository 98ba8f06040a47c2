// Browser test of the administrators' "Deployment check" page in Cockpit (Debian chromium, headless).
// On a fresh application every repository resource equals the engine (GET /vom/deployments/drift over HTTP Basic,
// then the page shows the same table with "All N resources equal the repository"). A police referral for a theft
// with a full confession is checked by eligibility (eligible). The administrator uploads a copy of eligibility.dmn
// whose rule "offence not in the catalogue" also takes theft, compared with the last recorded decision: the page lists
// exactly that case, eligible before (Rule_Eligible), needs review after (Rule_OffenceNotInCatalogue), inputs as codes
// and no name. A file that is not the table shows the refusal. Sam (supervisor) has no "Deployment check" link and the
// page tells him it is for administrators.
// Usage: node e2e/deployment-check.mjs http://localhost:18090  (application running, demo users)
import fs from 'fs';
import path from 'path';
import { base, shots, fail, rest, basic, browser, login, waitFor } from './support.mjs';

function expect(condition, message) {
  if (!condition) fail(message);
}

// 1. The drift over the API: a fresh start deploys the repository, so everything is the same.
const drift = await rest('admin', '/vom/deployments/drift');
expect(drift.resources > 20 && drift.equal >= drift.resources, `after the start not every resource equals: ${JSON.stringify(drift).slice(0, 400)}`);
const driftForSam = await fetch(base + '/vom/deployments/drift', { headers: { Authorization: basic('sam') } });
expect(driftForSam.status === 403, `the supervisor got ${driftForSam.status} for the drift`);

// 2. A decision to compare: a theft with a full confession, eligible under the deployed table.
const referral = {
  referralSource: 'police',
  referrerName: 'Polizeiinspektion Mitte',
  referrerEmail: 'toa@polizei-mitte.example',
  referrerReference: 'E2E-CHECK-' + Date.now(),
  proceduralStage: 'diversion',
  offenceCategory: 'theft',
  offenceDate: '2026-02-14',
  offenceSummary: 'E2E deployment check: a bicycle was taken from the courtyard.',
  responsibilityAdmission: 'full',
  victims: [{ name: 'Eva Lind', dateOfBirth: '1975-06-02', preferredLanguage: 'de', email: 'eva.lind@example.org' }],
  offenders: [{ name: 'Tom Brandt', dateOfBirth: '2001-03-10', preferredLanguage: 'de', email: 'tom.brandt@example.org',
    interpreterNeeded: false }]
};
const { caseNumber, processInstanceId } = await rest('policeapi', '/api/referrals', referral);
await waitFor(async () => (await rest('sam',
  `/engine-rest/history/decision-instance?decisionDefinitionKey=eligibility&processInstanceId=${processInstanceId}`)).length > 0,
  'the eligibility decision of ' + caseNumber);
const table = fs.readFileSync('processes/eligibility.dmn', 'utf8');
const changed = table.replace(
  '<inputEntry id="InputEntry_OffenceNotInCatalogue_OffenceCategory">\n          <text>"other"</text>',
  '<inputEntry id="InputEntry_OffenceNotInCatalogue_OffenceCategory">\n          <text>"other","theft"</text>');
expect(changed !== table, 'the rule to change was not found in eligibility.dmn');

const context = await browser({ viewport: { width: 1500, height: 1000 }, locale: 'en-US' });
try {
  // 3. The administrator: the link in Cockpit's header, the drift table, the preview.
  const page = await context.newPage();
  page.on('pageerror', error => console.log('page error:', String(error).slice(0, 200)));
  await login(page, 'admin', 'cockpit', page.getByText('Alex Admin').first());
  const link = page.locator('a.vom-deployment-check-link');
  await link.waitFor({ state: 'visible', timeout: 15000 });
  await link.click();
  const check = page.locator('.vom-deployment-check');
  await check.locator('.vom-drift-table').waitFor({ state: 'attached', timeout: 20000 });
  const rows = await check.locator('.vom-drift-row').count();
  expect(rows === drift.entries.length, `the page lists ${rows} resources, the drift ${drift.entries.length}`);
  const summary = (await check.locator('.vom-drift-summary').textContent()).trim();
  expect(summary === `All ${drift.resources} resources equal the repository.`, `the drift summary says "${summary}"`);
  const contactOrder = check.locator('.vom-drift-row[data-resource="processes/contact-order.dmn"]');
  expect((await contactOrder.locator('.vom-drift-status').textContent()).trim() === 'same', 'contact-order is not "same"');
  expect((await contactOrder.locator('.vom-drift-from').textContent()).trim() === 'the application', 'contact-order not from the application');
  expect(await check.locator('.vom-drift-details').getAttribute('open') === null, 'the table of equal resources is open');
  await check.locator('.vom-drift-details > summary').click();
  await page.screenshot({ path: path.join(shots, 'deployment-check-1-drift.png') });
  await check.locator('.vom-drift-details > summary').click();

  // A file that is not the table: the refusal in words.
  await page.setInputFiles('.vom-preview-form input[name=file]',
    { name: 'mandate-required.dmn', mimeType: 'application/xml', buffer: fs.readFileSync('processes/mandate-required.dmn') });
  await page.click('.vom-preview-run');
  await page.locator('.vom-preview-problem', { hasText: 'mandate-required' }).waitFor({ timeout: 15000 });

  await page.setInputFiles('.vom-preview-form input[name=file]',
    { name: 'eligibility.dmn', mimeType: 'application/xml', buffer: Buffer.from(changed, 'utf8') });
  await page.fill('.vom-preview-form input[name=last]', '1');
  await page.click('.vom-preview-run');
  await check.locator('.vom-preview-summary').waitFor({ timeout: 20000 });
  const said = (await check.locator('.vom-preview-summary').textContent()).trim();
  expect(said.includes('1 of the last 1 recorded decisions would change'), `the preview says "${said}"`);
  const row = check.locator('.vom-preview-row');
  expect(await row.count() === 1, `the preview lists ${await row.count()} decisions`);
  expect(await row.getAttribute('data-case') === caseNumber, `the changed decision is not case ${caseNumber}`);
  const cells = (await row.locator('td').allTextContents()).map(t => t.trim());
  expect(cells[2].includes('Offence category: theft') && cells[2].includes('Offender\'s position: full'), `inputs: ${cells[2]}`);
  expect(cells[3].includes('outcome: eligible') && cells[4].includes('Rule_Eligible'), `before: ${cells[3]} / ${cells[4]}`);
  expect(cells[5].includes('outcome: needs_review') && cells[6].includes('Rule_OffenceNotInCatalogue'), `after: ${cells[5]} / ${cells[6]}`);
  const pageText = await check.textContent();
  for (const name of ['Eva Lind', 'Tom Brandt', 'bicycle']) expect(!pageText.includes(name), `the page shows "${name}"`);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'deployment-check-2-preview.png') });
  console.log(`Drift: ${drift.resources} resources equal; preview: case ${caseNumber} eligible -> needs_review`);

  // 4. Sam (supervisor): no link, and the page itself refuses.
  const other = await browser({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  try {
    const samPage = await other.newPage();
    await login(samPage, 'sam', 'cockpit', samPage.getByText('Sam Carter').first());
    await samPage.waitForTimeout(1500);
    expect(!(await samPage.locator('a.vom-deployment-check-link').isVisible()), 'the supervisor sees the "Deployment check" link');
    await samPage.goto(`${base}/camunda/app/cockpit/default/#/vom-deployment-check`);
    await samPage.locator('.vom-deployment-check .vom-check-notice', { hasText: 'Only administrators' }).waitFor({ timeout: 15000 });
    expect(await samPage.locator('.vom-preview-form').count() === 0, 'the supervisor gets the preview form');
    await samPage.screenshot({ path: path.join(shots, 'deployment-check-3-supervisor.png') });
  } finally {
    await other.close();
  }
} finally {
  await context.close();
}
console.log('deployment-check: OK');
