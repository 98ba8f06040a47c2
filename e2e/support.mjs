// Shared by the browser tests: the running application's address, the demo password, Debian's
// headless chromium, the webapps' login, the REST API as the demo users, waiting, and a referral
// assigned to mediators over the API.
import { chromium } from 'playwright-core';
import fs from 'fs';
import os from 'os';
import path from 'path';

export const base = process.argv[2] || 'http://localhost:8080';
export const password = 'VomDemo#2026';
export const shots = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'vom-e2e');
fs.mkdirSync(shots, { recursive: true });

export function fail(message) {
  console.error('E2E FAILED: ' + message);
  process.exit(1);
}

export function basic(user) {
  return 'Basic ' + Buffer.from(user + ':' + password).toString('base64');
}

/** GET, or POST of a JSON body, as a demo user over HTTP Basic; any answer but 2xx fails the test. */
export async function rest(user, url, body) {
  const response = await fetch(base + url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Authorization': basic(user), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!response.ok) fail(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.status === 204 ? null : response.json();
}

/** Debian's chromium, headless, with a fresh profile; options are added to Playwright's. */
export async function browser(options = {}) {
  return chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'vom-chromium-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options
  });
}

/**
 * Logs in to a webapp (tasklist, cockpit) and waits for the locator that shows it is ready. The first page
 * load after the application started can be slow on a busy machine (the webapps' scripts and plugins are
 * served for the first time), so the login gets a minute and one second try after a reload; a failed
 * try leaves a screenshot and the page's text behind.
 */
export async function login(page, user, app, ready) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${base}/camunda/app/${app}/default/`, { timeout: 60000 });
      const name = page.getByPlaceholder('Username');
      // Either the login form or, with a session still open, the app itself; checked in turn (a locator that matches
      // either would wait for the first match in the page, which can be a hidden element of the app).
      let form = false;
      for (let waited = 0; waited < 60000; waited += 250) {
        if (await name.isVisible()) { form = true; break; }
        if (await ready.isVisible()) break;
        await page.waitForTimeout(250);
      }
      if (form) {
        // The login page may still be settling (its autofocus, a re-render) on a busy machine: fill until both fields
        // hold what was typed into them.
        const secret = page.getByPlaceholder('Password');
        for (let fill = 1; fill <= 10; fill++) {
          await name.fill(user);
          await secret.fill(password);
          if (await name.inputValue() === user && await secret.inputValue() === password) break;
          await page.waitForTimeout(500);
        }
        await page.click('button[type=submit]');
      }
      await ready.waitFor({ timeout: 60000 });
      return;
    } catch (error) {
      const file = path.join(shots, `login-${app}-${user}-try-${attempt}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      const text = await page.locator('body').innerText({ timeout: 2000 }).catch(() => '(no page text)');
      console.log(`login of ${user} to ${app}, try ${attempt}, failed: ${String(error).split('\n')[0]}; ` +
        `screenshot ${file}; the page said: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
      if (attempt >= 2) throw error;
    }
  }
}

/** Polls check() every half second until it returns something, or fails after the seconds. */
export async function waitFor(check, what, seconds = 30) {
  for (let i = 0; i < seconds * 2; i++) {
    const value = await check();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  fail('timed out waiting for ' + what);
}

/** Sends the referral as the referral API (policeapi); Clara assigns the lead and co-mediator. */
export async function referAndAssign(referral, leadMediator, coMediator) {
  const { caseNumber, processInstanceId } = await rest('policeapi', '/api/referrals', referral);
  const assign = await waitFor(async () => (await rest('clara',
    `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=Task_AssignMediators`))[0], 'the assignment task');
  await rest('clara', `/engine-rest/task/${assign.id}/claim`, { userId: 'clara' });
  await rest('clara', `/engine-rest/task/${assign.id}/submit-form`,
    { variables: { leadMediator: { value: leadMediator }, coMediator: { value: coMediator } } });
  return { caseNumber, processInstanceId };
}

/** A form-js field by its component id (the DOM id ends with it). */
export const field = (page, id) => page.locator(`[id$="-${id}"]`).first();

/** Chooses an option of a form-js select (searchable or not) by its label; form-js re-renders, so it retries. */
export async function choose(page, id, label) {
  for (let attempt = 1; ; attempt++) {
    try {
      const display = page.locator(`[id$="-${id}-display"]`).first();
      if (await display.count() === 0) {
        const search = field(page, id);
        await search.scrollIntoViewIfNeeded();
        await search.click();
        await search.fill(label.split(' ')[0]);
        await search.locator('xpath=../..').locator('.fjs-dropdownlist-item', { hasText: label }).first().click({ timeout: 3000 });
        return;
      }
      await display.scrollIntoViewIfNeeded({ timeout: 3000 });
      const options = display.locator('xpath=../..').locator('.fjs-dropdownlist-item');
      if (!(await options.first().isVisible())) await display.click({ timeout: 3000 }); // focus may have opened it
      await display.locator('xpath=../..').locator('.fjs-dropdownlist-item', { hasText: label }).first().click({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.waitForTimeout(500);
    }
  }
}

/** Types a date (MM/DD/YYYY, as form-js 1.8.7 takes it) into a form-js date field. */
export async function date(page, id, mmddyyyy) {
  const input = page.locator(`[id$="-${id}-date"]`).first();
  await input.fill(mmddyyyy);
  await input.press('Tab');
}
