// Browser test of the "Case file" tabs (Debian chromium, headless): a referral over the API whose
// offender has a postal address and no email, so his introduction becomes a letter to post. The lead
// mediator sees it in the task's "Case file" tab in Tasklist, opens the letter and marks it posted; the
// supervisor sees the same file read-only in Cockpit; another mediator cannot see it.
// Usage: node e2e/case-file.mjs http://localhost:18090  (application running, demo users)
import path from 'path';
import { base, shots, fail, rest, browser, login, waitFor, referAndAssign } from './support.mjs';

// Records the plugin scripts the page loaded (the network log), to prove customScripts took effect.
function watchScripts(page) {
  const loaded = [];
  page.on('response', response => {
    if (/vom-case-file\.js|assets\/vom\/case-file\.js/.test(response.url())) loaded.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', error => console.log('page error:', String(error).slice(0, 200)));
  return loaded;
}

function expectLoaded(loaded, app) {
  for (const script of [`/camunda/app/${app}/scripts/vom-case-file.js`, '/camunda/assets/vom/case-file.js']) {
    if (!loaded.some(line => line.startsWith('200 ') && line.includes(script))) {
      fail(`${app} did not load ${script}; loaded: ${JSON.stringify(loaded)}`);
    }
  }
}

// 1. Setup over the REST API: a referral (offender: postal address, no email), mediators assigned.
const referral = {
  referralSource: 'police',
  referrerName: 'Polizeiinspektion Mitte',
  referrerEmail: 'toa@polizei-mitte.example',
  referrerReference: 'E2E-' + Date.now(),
  proceduralStage: 'diversion',
  offenceCategory: 'property_damage',
  offenceDate: '2026-02-14',
  offenceSummary: 'E2E case file: two bicycles of the victim were damaged in the courtyard of a block of flats.',
  responsibilityAdmission: 'full',
  victims: [{ name: 'Ana Roth', dateOfBirth: '1980-04-02', preferredLanguage: 'de', email: 'ana.roth@example.org' }],
  offenders: [{ name: 'Carl Vogt', dateOfBirth: '2009-01-15', preferredLanguage: 'de', phone: '+49 30 1234567',
    interpreterNeeded: false, postalAddress: 'Hofweg 3\n10115 Berlin' }]
};
const { caseNumber, processInstanceId } = await referAndAssign(referral, 'mara', 'jonas');
console.log(`Referral sent: case ${caseNumber}`);
let file;
const letter = await waitFor(async () => {
  file = await rest('mara', `/vom/case-file?case=${encodeURIComponent(caseNumber)}`);
  return file.messages.find(m => m.message === 'introduction' && m.recipientName === 'Carl Vogt' && m.status === 'to_post');
}, 'the introduction letter', 60);
const maraTask = await waitFor(async () => (await rest('mara',
  `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}&assignee=mara`))[0], 'a task of Mara in the case');
console.log(`Mediators assigned; the offender's introduction is a letter to post; Mara's task: ${maraTask.name}`);

const context = await browser();
try {
  // 2. Tasklist: Mara opens her task's "Case file" tab, opens the letter, marks it posted.
  const page = await context.newPage();
  const tasklistScripts = watchScripts(page);
  await login(page, 'mara', 'tasklist', page.getByText('My tasks').first());
  await page.goto(`${base}/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=${maraTask.id}`);
  await page.locator('.nav-tabs a', { hasText: 'Case file' }).click({ timeout: 15000 });
  const tab = page.locator('.vom-case-file');
  const row = tab.locator('tr.vom-case-file-row', { hasText: 'Carl Vogt' }).filter({ hasText: 'Introduction' });
  await row.waitFor({ timeout: 15000 });
  expectLoaded(tasklistScripts, 'tasklist');
  if (!(await tab.getByText(`Case file ${caseNumber}`).isVisible())) fail('the tab does not name the case');
  const runsOn = await tab.locator('.vom-case-file-versions').textContent();
  if (!/^Runs on: .*\d+\.\d+\.\d+ \(version \d+\)/.test(runsOn)) fail('the tab does not show the version the case runs on: ' + runsOn);
  if (!(await row.locator('.vom-status-to_post', { hasText: 'letter to post' }).isVisible())) fail('no "letter to post" status');
  const letterLink = row.locator('a.vom-case-file-letter');
  if ((await letterLink.getAttribute('href')) !== `/vom/documents/${letter.documentId}`) fail('no link to the letter');
  const letterDocument = file.documents.find(d => d.id === letter.documentId);
  if (!letterDocument || !(await tab.locator('a.vom-case-file-document', { hasText: letterDocument.fileName }).isVisible())) {
    fail('the documents list does not show the letter');
  }
  // The text of the letter shows on a click on the row, as text.
  await row.click();
  const text = tab.locator('tr.vom-case-file-body:not([hidden]) .vom-case-file-text');
  await text.waitFor({ timeout: 5000 });
  if (!(await text.textContent()).includes('Carl Vogt')) fail('the message text does not show');
  // The letter's PDF, fetched with the page's login session.
  const pdf = await page.evaluate(async href => {
    const response = await fetch(href, { credentials: 'same-origin' });
    return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
  }, await letterLink.getAttribute('href'));
  if (pdf.status !== 200 || pdf.type !== 'application/pdf' || pdf.size < 500) fail('the letter PDF: ' + JSON.stringify(pdf));
  await page.screenshot({ path: path.join(shots, 'case-file-1-tasklist.png'), fullPage: true });
  // The link opens the PDF in a new tab, which Chromium blocks if it inherits the webapps' CSP sandbox.
  const [pdfTab] = await Promise.all([context.waitForEvent('page'), letterLink.click()]);
  await pdfTab.waitForLoadState().catch(() => {});
  await pdfTab.waitForTimeout(1000);
  if (!pdfTab.url().endsWith(`/vom/documents/${letter.documentId}`)) fail('the letter tab shows ' + pdfTab.url());
  await pdfTab.screenshot({ path: path.join(shots, 'case-file-2-letter-tab.png') });
  await pdfTab.close();
  await row.getByRole('button', { name: 'Mark as posted' }).click();
  await row.locator('.vom-status-posted', { hasText: 'posted' }).waitFor({ timeout: 10000 });
  if (await page.getByRole('button', { name: 'Mark as posted' }).count()) fail('"Mark as posted" still shows after posting');
  const posted = (await rest('mara', `/vom/case-file?case=${encodeURIComponent(caseNumber)}`)).messages.find(m => m.id === letter.id);
  if (posted.status !== 'posted') fail('the letter is ' + posted.status);
  await page.screenshot({ path: path.join(shots, 'case-file-3-tasklist-posted.png'), fullPage: true });
  console.log(`Tasklist: the case file shows the letter to post (PDF ${pdf.size} bytes); marked as posted`);

  // 3. Another mediator (Lea) has no task in the case and gets 404 for its file.
  await context.clearCookies();
  const lea = await context.newPage();
  await login(lea, 'lea', 'tasklist', lea.getByText('My tasks').first());
  const leaStatus = await lea.evaluate(async url => (await fetch(url, { credentials: 'same-origin' })).status,
    `/vom/case-file?case=${encodeURIComponent(caseNumber)}`);
  if (leaStatus !== 404) fail('another mediator reads the case file: ' + leaStatus);
  // Lea has no task of the case to open, so the tab is rendered by hand for Mara's task: the 404 message.
  const message = await lea.evaluate(async taskId => {
    const plugins = (await import('/camunda/app/tasklist/scripts/vom-case-file.js')).default;
    const node = document.createElement('div');
    node.id = 'vom-e2e-lea';
    document.body.prepend(node);
    plugins[0].render(node, { taskId });
    for (let i = 0; i < 50 && !node.querySelector('.alert'); i++) await new Promise(resolve => setTimeout(resolve, 200));
    return node.textContent;
  }, maraTask.id);
  if (!message.includes("You cannot see this case's file")) fail('another mediator sees: ' + message);
  console.log('Another mediator gets 404 for the case file and the tab says: ' + message);
  // A failed mail and markup in the data (a stubbed answer): the error shows, the markup stays text.
  const stubbed = await lea.evaluate(async () => {
    const markup = '<img src=x onerror="window.vomInjected=1"><b>bold</b>';
    const file = { caseNumber: 'VOM-2026-99999', documents: [],
      confidentialNotes: [{ kind: 'meetingNotes', label: 'Notes of the preparation meeting', personId: 'V1',
        taskName: 'Hold the preparation meeting', writtenBy: 'mara', writtenAt: '2026-03-01T10:00:00Z', text: 'She said ' + markup }],
      messages: [
      { id: 'm1', message: 'mandate-reminder', recipientRole: 'coordinators', recipientName: markup, recipientAddress: 'x@example.org',
        channel: 'email', status: 'failed', subject: markup, body: markup, error: 'SMTP 550 ' + markup, createdAt: '2026-03-01T10:00:00Z' },
      { id: 'm2', message: 'introduction', recipientRole: 'victim', recipientName: 'Ana Roth', channel: 'none', status: 'no_address',
        subject: 'Hello', body: 'Text', createdAt: '2026-03-01T10:00:00Z' }] };
    const realFetch = window.fetch;
    window.fetch = async () => new Response(JSON.stringify(file), { status: 200, headers: { 'Content-Type': 'application/json' } });
    try {
      const plugins = (await import('/camunda/app/tasklist/scripts/vom-case-file.js')).default;
      const node = document.createElement('div');
      node.id = 'vom-e2e-stub';
      node.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; z-index: 10000; background: white';
      document.body.prepend(node);
      plugins[0].render(node, { taskId: 'stub' });
      for (let i = 0; i < 50 && !node.querySelector('table'); i++) await new Promise(resolve => setTimeout(resolve, 100));
      node.querySelector('.vom-case-file-row').click();
      await new Promise(resolve => setTimeout(resolve, 300));
      const result = { text: node.textContent, elements: node.querySelectorAll('img, b').length, injected: !!window.vomInjected,
        failed: node.querySelector('.vom-status-failed')?.textContent, noAddress: node.querySelector('.vom-status-no_address')?.textContent,
        note: node.querySelector('.vom-case-file-notes')?.textContent };
      return result;
    } finally {
      window.fetch = realFetch;
    }
  });
  if (stubbed.elements || stubbed.injected || !stubbed.text.includes('<b>bold</b>')) fail('markup in the data rendered: ' + JSON.stringify(stubbed));
  if (!stubbed.note || !stubbed.note.includes('Confidential notes') || !stubbed.note.includes('She said <img')) {
    fail('confidential notes section: ' + JSON.stringify(stubbed.note));
  }
  if (stubbed.failed !== 'failed' || !stubbed.text.includes('SMTP 550') || stubbed.noAddress !== 'no address') {
    fail('failed / no address statuses: ' + JSON.stringify(stubbed));
  }
  await lea.locator('#vom-e2e-stub').screenshot({ path: path.join(shots, 'case-file-5-failed-stubbed.png') });
  await lea.evaluate(() => document.getElementById('vom-e2e-stub').remove());
  console.log('The tab shows failed sendings with their error and keeps markup in the data as text');

  // 4. Cockpit: Sam (supervisor) sees the same file, read-only, on the case and on a called instance.
  await context.clearCookies();
  const cockpit = await context.newPage();
  const cockpitScripts = watchScripts(cockpit);
  await login(cockpit, 'sam', 'cockpit', cockpit.getByText('Sam Carter').first());
  for (const [instance, what] of [[processInstanceId, 'case'], [maraTask.processInstanceId, 'called instance']]) {
    await cockpit.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${instance}/runtime`);
    await cockpit.locator('.nav-tabs a', { hasText: 'Case file' }).click({ timeout: 20000 });
    const cockpitTab = cockpit.locator('.vom-case-file');
    await cockpitTab.getByText(`Case file ${caseNumber}`).waitFor({ timeout: 15000 });
    const cockpitRow = cockpitTab.locator('tr.vom-case-file-row', { hasText: 'Carl Vogt' }).filter({ hasText: 'Introduction' });
    await cockpitRow.waitFor({ timeout: 15000 });
    if (!(await cockpitRow.locator('.vom-status-posted').isVisible())) fail(`Cockpit (${what}): the letter is not shown as posted`);
    if (await cockpit.getByRole('button', { name: 'Mark as posted' }).count()) fail(`Cockpit (${what}) offers "Mark as posted"`);
    if (instance === processInstanceId) {
      await cockpit.screenshot({ path: path.join(shots, 'case-file-4-cockpit.png'), fullPage: true });
    }
    console.log(`Cockpit (${what}): the supervisor sees the case file, read-only`);
  }
  expectLoaded(cockpitScripts, 'cockpit');

  console.log('E2E PASSED');
} finally {
  await context.close();
}
