// Browser test of the engine boundary (Debian chromium, headless): every role clicks through the screens of
// its apps (Tasklist, Cockpit, Admin, Welcome) as its people do, and nothing those screens need is refused by
// the boundary's allow-list (RouteAllowList): no request the apps send answers the boundary's 403, and none
// answers 5xx. With DISCOVER=1 it prints every route the apps called, per role (how the allow-list was made).
// Usage: node e2e/boundary.mjs http://localhost:18090  (application running, demo users)
import path from 'path';
import { base, shots, fail, rest, browser, login, waitFor, referAndAssign } from './support.mjs';

const discover = process.env.DISCOVER === '1';
// What the screens ask for and the boundary withholds on purpose: comments are switched off for everyone (a
// note there would escape the confidential notes), and administrators get no case content (values, the case
// file and the case overview, the decisions' inputs) and start no case.
const withheld = {
  coordinator: [/^GET \/camunda\/api\/engine\/engine\/default\/task\/[^/]+\/comment$/],
  mediator: [/^GET \/camunda\/api\/engine\/engine\/default\/task\/[^/]+\/comment$/],
  supervisor: [],
  administrator: [/^GET \/camunda\/api\/engine\/engine\/default\/task\/[^/]+\/comment$/,
    /^POST \/camunda\/api\/engine\/engine\/default\/variable-instance(\/count)?$/,
    /^GET \/camunda\/api\/engine\/engine\/default\/history\/decision-instance(\/count)?$/,
    /^GET \/camunda\/api\/engine\/engine\/default\/process-definition\/[^/]+\/startForm$/,
    /^GET \/vom\/case-file$/, /^GET \/vom\/case-of$/]
};
const refusedOnPurpose = new Set();
const calls = new Map(); // role -> Set of "METHOD /path (status)"
const problems = [];

function template(url) {
  const { pathname } = new URL(url);
  return pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
    .replace(/VOM-\d{4}-\d{5}/g, '{case}')
    .replace(/\/(vom-case|record-case-event|contact-person|prepare-person|mediation-session|agreement|monitor-obligation|follow-up|case-retention|eligibility|contact-order):\d+:/g, '/{definition}:')
    .replace(/\/user\/(clara|mara|jonas|lea|sam|admin|policeapi)(?=\/|$)/g, '/user/{user}')
    .replace(/\/group\/(coordinators|mediators|supervisors|referrers|camunda-admin)(?=\/|$)/g, '/group/{group}');
}

function watch(page, role) {
  if (!calls.has(role)) calls.set(role, new Set());
  page.on('response', async response => {
    const url = response.url();
    const { pathname } = new URL(url);
    if (!/^\/(camunda\/api|engine-rest|api|vom)\//.test(pathname)) return;
    const request = response.request();
    const status = response.status();
    calls.get(role).add(`${request.method()} ${template(url)}${discover ? ' ' + status : ''}`);
    if (status >= 500) problems.push(`${role}: ${request.method()} ${pathname} answered ${status}`);
    if (status === 403 && response.headers()['x-vom-boundary'] === 'route') {
      const call = `${request.method()} ${pathname}`;
      if ((withheld[role] || []).some(pattern => pattern.test(call))) refusedOnPurpose.add(`${role}: ${template(url)}`);
      else problems.push(`${role}: the boundary refused ${call}`);
    }
  });
  page.on('pageerror', error => console.log(`${role} page error:`, String(error).slice(0, 200)));
}

async function visit(page, url, settle = 1500) {
  await page.goto(base + url);
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(settle);
}

async function clickIfThere(page, locator, settle = 1200) {
  if (await locator.count() > 0 && await locator.first().isVisible()) {
    await locator.first().click({ timeout: 5000 }).catch(() => {});
    await page.waitForLoadState('networkidle', { timeout: 10000 }).catch(() => {});
    await page.waitForTimeout(settle);
    return true;
  }
  return false;
}

// A case assigned to Mara and Jonas, waiting at the consent calls.
const referral = {
  referralSource: 'police', referrerName: 'Polizeiinspektion Mitte', referrerEmail: 'toa@polizei-mitte.example',
  referrerReference: 'E2E-B-' + Date.now(), proceduralStage: 'diversion', offenceCategory: 'theft',
  offenceDate: '2026-02-14', offenceSummary: 'E2E boundary: a bicycle was taken from a courtyard.',
  responsibilityAdmission: 'full',
  victims: [{ name: 'Ana Roth', dateOfBirth: '1980-04-02', preferredLanguage: 'de', email: 'ana.roth@example.org' }],
  offenders: [{ name: 'Carl Vogt', dateOfBirth: '1990-01-15', preferredLanguage: 'de', phone: '+49 30 1234567' }]
};
const { caseNumber, processInstanceId } = await referAndAssign(referral, 'mara', 'jonas');
const maraTask = await waitFor(async () => (await rest('mara',
  `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}`))[0], 'a task of Mara', 60);
// A second referral left at the coordinators' assignment step.
const second = await rest('policeapi', '/api/referrals', { ...referral, referrerReference: 'E2E-B2-' + Date.now() });
const assignTask = await waitFor(async () => (await rest('clara',
  `/engine-rest/task?processInstanceId=${second.processInstanceId}&taskDefinitionKey=Task_AssignMediators`))[0], 'the assignment');
const definition = (await rest('sam', '/engine-rest/process-definition?key=vom-case&latestVersion=true'))[0];
const decision = (await rest('sam', '/engine-rest/decision-definition?key=eligibility&latestVersion=true'))[0];
const decisionInstance = (await rest('sam', `/engine-rest/history/decision-instance?decisionDefinitionId=${decision.id}&maxResults=1`))[0];
console.log(`Case ${caseNumber}: Mara's task ${maraTask.name}`);

async function tasklist(role, user, taskId) {
  const context = await browser();
  try {
    const page = await context.newPage();
    watch(page, role);
    await login(page, user, 'tasklist', page.locator('.task-filters, .filters').first());
    await page.waitForTimeout(2000);
    for (const filter of await page.locator('.task-filters .item, .filters .item').all()) {
      await filter.click().catch(() => {});
      await page.waitForTimeout(800);
    }
    if (taskId) {
      await visit(page, `/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=${taskId}`, 2500);
      for (const tab of ['History', 'Diagram', 'Description', 'Case file', 'Form']) {
        await clickIfThere(page, page.locator('.nav-tabs a', { hasText: tab }));
      }
      if (await clickIfThere(page, page.getByText('Claim', { exact: true }))) {
        await clickIfThere(page, page.locator('.task-card .assignee, [cam-widget-inline-field] .view-value').first());
        await page.keyboard.press('Escape');
        await clickIfThere(page, page.locator('button.unclaim, [ng-click="unclaim()"]'));
      }
      await clickIfThere(page, page.locator('a', { hasText: 'Set follow-up date' }));
      await page.keyboard.press('Escape');
      await clickIfThere(page, page.locator('a', { hasText: 'Set due date' }));
      await page.keyboard.press('Escape');
      await clickIfThere(page, page.locator('a', { hasText: 'Add groups' }));
      await page.keyboard.press('Escape');
    }
    if (await clickIfThere(page, page.getByText('Start process'))) {
      for (const name of ['Victim-offender mediation case', 'Record a case event']) {
        if (await clickIfThere(page, page.getByRole('link', { name }), 2500)) {
          await page.keyboard.press('Escape');
          await page.waitForTimeout(500);
          await clickIfThere(page, page.getByText('Start process'));
        }
      }
      await page.keyboard.press('Escape');
    }
    // Tasklist's search: a process variable and a case number.
    await page.screenshot({ path: path.join(shots, `boundary-${role}-tasklist.png`) });
  } finally {
    await context.close();
  }
}

async function cockpit(role, user) {
  const context = await browser();
  try {
    const page = await context.newPage();
    watch(page, role);
    await login(page, user, 'cockpit', page.locator('.dashboard, [cam-dashboard], .processes-dashboard, .ctn-content').first());
    await page.waitForTimeout(2500);
    const app = '/camunda/app/cockpit/default/#';
    await visit(page, `${app}/processes`);
    await visit(page, `${app}/process-definition/${definition.id}/runtime`, 2500);
    for (const tab of ['Process Instances', 'Incidents', 'Called Process Definitions', 'Job Definitions']) {
      await clickIfThere(page, page.locator('.nav-tabs a, .ctn-tabbed-content a', { hasText: tab }));
    }
    await visit(page, `${app}/process-instance/${processInstanceId}/runtime`, 2500);
    for (const tab of ['Variables', 'Incidents', 'Called Process Instances', 'User Tasks', 'Jobs', 'External Tasks', 'Case file']) {
      await clickIfThere(page, page.locator('.nav-tabs a, .ctn-tabbed-content a', { hasText: tab }));
    }
    await visit(page, `${app}/decisions`);
    await visit(page, `${app}/decision-definition/${decision.id}`, 2000);
    if (decisionInstance) await visit(page, `${app}/decision-instance/${decisionInstance.id}`, 2000);
    await visit(page, `${app}/repository`, 2000);
    await clickIfThere(page, page.locator('.deployments li a, .deployment a').first());
    await visit(page, `${app}/batch`);
    await visit(page, `${app}/tasks`);
    await visit(page, `${app}/dashboard`, 3000);
    await page.screenshot({ path: path.join(shots, `boundary-${role}-cockpit.png`) });
  } finally {
    await context.close();
  }
}

async function admin(role, user) {
  const context = await browser();
  try {
    const page = await context.newPage();
    watch(page, role);
    await login(page, user, 'admin', page.locator('.ctn-content, .dashboard, [cam-dashboard]').first());
    await page.waitForTimeout(2000);
    const app = '/camunda/app/admin/default/#';
    await visit(page, `${app}/users`);
    for (const tab of ['profile', 'account', 'groups', 'tenants']) await visit(page, `${app}/users/mara?tab=${tab}`, 1000);
    await visit(page, `${app}/groups`);
    await visit(page, `${app}/groups/mediators?tab=group`, 1000);
    await visit(page, `${app}/groups/mediators?tab=users`, 1000);
    await visit(page, `${app}/tenants`);
    for (const resource of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 19, 20, 21]) {
      await visit(page, `${app}/authorization?resource=${resource}`, 700);
    }
    for (const section of ['system-settings-general', 'system-settings-flow-node-count', 'system-settings-diagnostics']) {
      await visit(page, `${app}/system?section=${section}`, 1000);
    }
    await page.screenshot({ path: path.join(shots, `boundary-${role}-admin.png`) });
  } finally {
    await context.close();
  }
}

async function welcome(role, user) {
  const context = await browser();
  try {
    const page = await context.newPage();
    watch(page, role);
    // The start page's "Applications" (its view element itself may count as hidden: floated content, no height).
    await login(page, user, 'welcome', page.getByText('Applications').first());
    await page.waitForTimeout(2500);
  } finally {
    await context.close();
  }
}

await welcome('coordinator', 'clara');
await tasklist('coordinator', 'clara', assignTask.id);
await welcome('mediator', 'mara');
await tasklist('mediator', 'mara', maraTask.id);
await welcome('supervisor', 'sam');
await cockpit('supervisor', 'sam');
await welcome('administrator', 'admin');
await cockpit('administrator', 'admin');
await admin('administrator', 'admin');
await tasklist('administrator', 'admin', maraTask.id);

if (discover) {
  for (const [role, routes] of calls) {
    console.log(`\n## ${role}`);
    [...routes].sort((a, b) => a.split(' ')[1].localeCompare(b.split(' ')[1])).forEach(line => console.log(line));
  }
}
console.log('Withheld on purpose: ' + [...refusedOnPurpose].sort().join('; '));
if (problems.length) fail('\n' + [...new Set(problems)].join('\n'));
console.log('E2E PASSED');
