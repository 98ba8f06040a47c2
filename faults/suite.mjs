// The fault suite (README "Reliability: the fault suite"): the packaged application on a throw-away PostgreSQL
// cluster (.ci/faults.sh makes it; never the shared server) with an SMTP server whose faults it switches
// (smtp-sink.mjs). Each fault is injected while real work goes on over HTTP, then the suite counts, from the
// database and from the mails the SMTP server holds:
//   lost        a referral answered 201 that does not exist, a task completion answered 204 that is not kept,
//               a mail recorded as sent that never arrived, or a mail neither delivered nor flagged at the end;
//   duplicated  a case or a successful job twice, or a mail that arrived with a Message-ID the case's message log
//               does not have (a second copy under another id);
//   repeated    a mail that arrived again with the same Message-ID (at least once: the receiver sees it is one);
//   recovery    the time from the end of the fault until everything is delivered (or, for the database, answered).
// It prints the table and writes it to $FAULTS_REPORT; any lost or duplicated, or a recovery over its bound, fails.
import { spawn, execFileSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { SmtpSink } from './smtp-sink.mjs';

const env = process.env;
const JAR = env.FAULTS_JAR;
const WORK = env.FAULTS_WORK;
const PG_PORT = env.FAULTS_PG_PORT;
const SMTP_PORT = Number(env.FAULTS_SMTP_PORT || 12525);
const REPORT = env.FAULTS_REPORT || path.join(WORK, 'faults.md');
const PER_NODE = Number(env.FAULTS_REFERRALS_PER_NODE || 200);
const PASSWORD = 'VomDemo#2026';
const MAIL_TIMEOUT_MS = 3000;
/** The faults to inject (all by default): mail, database, two-nodes, crash. */
const ONLY = new Set((env.FAULTS_ONLY || 'mail,database,two-nodes,crash').split(','));

const results = [];
const problems = [];
const sink = new SmtpSink(SMTP_PORT);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const seconds = ms => (ms / 1000).toFixed(1) + ' s';
const log = text => console.log(`faults: ${text}`);

function check(condition, text) {
  if (!condition) {
    problems.push(text);
    log('PROBLEM: ' + text);
  }
  return condition;
}

// ---- the database, through psql ------------------------------------------------------------------------------
function sql(query) {
  return execFileSync('psql', ['-X', '-q', '-At', '-F', '\t', '-h', '127.0.0.1', '-p', PG_PORT, '-U', 'postgres', '-d', 'vom',
    '-c', query], { encoding: 'utf8' }).trim();
}
const rows = query => { const out = sql(query); return out === '' ? [] : out.split('\n').map(line => line.split('\t')); };
const quoted = values => values.map(v => `'${String(v).replace(/'/g, "''")}'`).join(',') || "''";
const pg = command => execFileSync('bash', ['-c', command], { stdio: 'inherit' });

// ---- an application node -------------------------------------------------------------------------------------
class AppNode {
  constructor(name, port) {
    this.name = name;
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
  }

  start() {
    const out = fs.openSync(path.join(WORK, `${this.name}.log`), 'a');
    this.process = spawn('java', ['-Xmx768m', '-jar', JAR, '--spring.profiles.active=postgres,demo', `--server.port=${this.port}`, '--vom.programme.staff-language=en',
      '--spring.mail.host=127.0.0.1', `--spring.mail.port=${SMTP_PORT}`,
      `--spring.mail.properties.mail.smtp.connectiontimeout=${MAIL_TIMEOUT_MS}`,
      `--spring.mail.properties.mail.smtp.timeout=${MAIL_TIMEOUT_MS}`,
      `--spring.mail.properties.mail.smtp.writetimeout=${MAIL_TIMEOUT_MS}`,
      `--vom.mail.drop-dir=${WORK}/drop-${this.name}`,
      ], {
      env: { ...env, VOM_DB_HOST: '127.0.0.1', VOM_DB_PORT: PG_PORT, VOM_DB_NAME: 'vom', VOM_DB_USER: 'postgres',
        VOM_DB_PASSWORD: 'unused', VOM_NODE_NAME: `node-${this.name}` },
      detached: true, stdio: ['ignore', out, out]
    });
    this.exited = false;
    this.process.on('exit', () => { this.exited = true; });
  }

  async ready(limitSeconds = 240) {
    const started = Date.now();
    while (Date.now() - started < limitSeconds * 1000) {
      if (this.exited) break;
      try {
        if ((await fetch(this.base + '/actuator/health', { signal: AbortSignal.timeout(5000) })).ok) return Date.now() - started;
      } catch (notYet) { /* starting */ }
      await sleep(1000);
    }
    const tail = fs.readFileSync(path.join(WORK, `${this.name}.log`), 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`node ${this.name} did not start:\n${tail}`);
  }

  kill9() {
    process.kill(-this.process.pid, 'SIGKILL');
  }

  async stop() {
    if (!this.process || this.exited) return;
    try { process.kill(-this.process.pid, 'SIGTERM'); } catch (gone) { return; }
    for (let i = 0; i < 60 && !this.exited; i++) await sleep(500);
    if (!this.exited) this.kill9();
  }
}

// ---- work over HTTP, as the demo users -----------------------------------------------------------------------
async function call(node, user, method, url, body, timeoutMs = 30000) {
  const started = Date.now();
  try {
    const response = await fetch(node.base + url, {
      method,
      headers: { 'Authorization': 'Basic ' + Buffer.from(user + ':' + PASSWORD).toString('base64'),
        'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs)
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
    return { status: response.status, json, text, headers: response.headers, ms: Date.now() - started };
  } catch (error) {
    return { status: 0, error: error.message, ms: Date.now() - started };
  }
}

function referral(tag) {
  return {
    referralSource: 'police', referrerName: 'Polizeiinspektion Mitte', referrerEmail: 'toa@pi.example',
    proceduralStage: 'diversion', offenceCategory: 'theft', offenceDate: '2026-02-14',
    offenceSummary: `A bicycle was taken from the courtyard (${tag}).`, responsibilityAdmission: 'full',
    victims: [{ name: 'Ana Roth', dateOfBirth: '1980-04-02', preferredLanguage: 'de', email: `victim-${tag}@example.org` }],
    offenders: [{ name: 'Carl Vogt', dateOfBirth: '1990-01-15', preferredLanguage: 'de', email: `offender-${tag}@example.org`,
      phone: '+49 30 1234567' }]
  };
}

async function refer(node, tag) {
  const answer = await call(node, 'policeapi', 'POST', '/api/referrals', referral(tag));
  return { ...answer, caseNumber: answer.status === 201 ? answer.json.caseNumber : null };
}

/** Clara assigns the mediators (a task completion): answers the submit's status, and the task's id. */
async function assign(node, caseNumber) {
  let task = null;
  for (let i = 0; i < 40 && !task; i++) {
    const tasks = await call(node, 'clara', 'GET',
      `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&taskDefinitionKey=Task_AssignMediators`);
    if (tasks.status === 0) return { status: 0 };
    task = tasks.status === 200 && tasks.json.length ? tasks.json[0] : null;
    if (!task) await sleep(250);
  }
  if (!task) return { status: -1 };
  const claim = await call(node, 'clara', 'POST', `/engine-rest/task/${task.id}/claim`, { userId: 'clara' });
  if (claim.status !== 204) return { status: claim.status, taskId: task.id };
  const submit = await call(node, 'clara', 'POST', `/engine-rest/task/${task.id}/submit-form`,
    { variables: { leadMediator: { value: 'mara' }, coMediator: { value: 'jonas' } } });
  return { status: submit.status, taskId: task.id };
}

/** Runs work(i) for i < count with the given concurrency; answers the results in order. */
async function parallel(count, concurrency, work) {
  const out = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await work(i);
    }
  }));
  return out;
}

// ---- what the database and the SMTP server say ---------------------------------------------------------------
const messageId = key => `<${crypto.createHash('sha256').update(key, 'utf8').digest('hex')}@vom-case>`;
const FINAL = new Set(['sent', 'resent']);

function mailRows(cases) {
  return rows(`SELECT idempotency_key, status, case_number, message FROM vom_message WHERE channel = 'email'
    AND case_number IN (${quoted(cases)})`).map(([key, status, caseNumber, message]) => ({ key, status, caseNumber, message }));
}

/** Jobs of these cases that failed delivering a mail, with their failure messages (which name the case). */
function flaggedJobs(cases) {
  return rows(`SELECT id_, retries_, exception_msg_ FROM act_ru_job WHERE exception_msg_ LIKE 'Delivery %'`)
    .filter(([, , message]) => cases.some(caseNumber => message.includes(`of case ${caseNumber} `)));
}

function mailCounts(cases) {
  const log = mailRows(cases);
  const expected = new Map(log.map(row => [messageId(row.key), row]));
  const received = sink.of(cases);
  const perId = new Map();
  for (const mail of received) perId.set(mail.messageId, (perId.get(mail.messageId) || 0) + 1);
  const lost = log.filter(row => !FINAL.has(row.status) || !perId.get(messageId(row.key)));
  const foreign = received.filter(mail => !expected.has(mail.messageId));
  const repeated = [...perId.entries()].filter(([id]) => expected.has(id)).reduce((sum, [, n]) => sum + n - 1, 0);
  return { log, received, lost, foreign, repeated, pending: log.filter(row => !FINAL.has(row.status)) };
}

async function until(condition, limitSeconds, what) {
  const started = Date.now();
  while (Date.now() - started < limitSeconds * 1000) {
    if (await condition()) return Date.now() - started;
    await sleep(500);
  }
  check(false, `timed out after ${limitSeconds} s waiting for ${what}`);
  return null;
}

function record(fault, counts, recoveryMs, bound, extra = {}) {
  const lost = (counts.lost?.length || 0) + (extra.lost || 0);
  const duplicated = (counts.foreign?.length || 0) + (extra.duplicated || 0);
  const row = { fault, work: extra.work || '', lost, duplicated, repeated: counts.repeated || 0,
    recovery: recoveryMs == null ? 'not recovered' : seconds(recoveryMs), bound: bound ? `< ${bound} s` : '' };
  results.push(row);
  check(lost === 0, `${fault}: ${lost} lost`);
  check(duplicated === 0, `${fault}: ${duplicated} duplicated`);
  if (bound) check(recoveryMs != null && recoveryMs < bound * 1000, `${fault}: recovery ${row.recovery}, bound ${bound} s`);
  log(`${fault}: lost ${lost}, duplicated ${duplicated}, repeated (same Message-ID) ${row.repeated}, recovery ${row.recovery}`);
}

// ---- the load balancer (deploy/haproxy.cfg in front of both nodes) -------------------------------------------
const PROXY = env.FAULTS_PROXY ? { name: 'proxy', base: env.FAULTS_PROXY } : null;

/** A browser's cookies: the session, the CSRF token and the balancer's VOMNODE. */
class Browser {
  constructor() { this.cookies = new Map(); }
  header(without = []) {
    return [...this.cookies].filter(([name]) => !without.includes(name)).map(([n, v]) => `${n}=${v}`).join('; ');
  }
  async fetch(url, options = {}, without = []) {
    const response = await fetch(PROXY.base + url, { ...options, redirect: 'manual', signal: AbortSignal.timeout(30000),
      headers: { ...(options.headers || {}), Cookie: this.header(without) } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    await response.arrayBuffer();
    return response.status;
  }
  async login(user) {
    await this.fetch('/camunda/app/tasklist/default/');
    return this.fetch('/camunda/api/admin/auth/user/default/login/tasklist', { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': this.cookies.get('XSRF-TOKEN') },
      body: `username=${user}&password=${encodeURIComponent(PASSWORD)}` });
  }
}

/** Referrals through the balancer reach both nodes; a logged-in browser stays on its node (sticky sessions). */
async function balancer() {
  const served = {};
  const answers = await parallel(20, 4, async i => {
    const response = await fetch(PROXY.base + '/api/referrals', { method: 'POST', signal: AbortSignal.timeout(30000),
      headers: { 'Authorization': 'Basic ' + Buffer.from('policeapi:' + PASSWORD).toString('base64'),
        'Content-Type': 'application/json' }, body: JSON.stringify(referral(`balancer-${i}`)) });
    const node = (response.headers.getSetCookie().find(c => c.startsWith('VOMNODE=')) || '').split(/[=;]/)[1] || '?';
    served[node] = (served[node] || 0) + 1;
    await response.arrayBuffer();
    return response.status;
  });
  check(answers.every(status => status === 201), `balancer: referrals answered ${answers.join(' ')}`);
  check(Object.keys(served).filter(n => n !== '?').length === 2, `balancer: referrals went to ${JSON.stringify(served)}`);
  const browser = new Browser();
  const login = await browser.login('clara');
  check(login === 200 || login === 204, `balancer: the login answered ${login}`);
  const sticky = await parallel(20, 1, () => browser.fetch('/camunda/api/engine/engine/default/task/count'));
  check(sticky.every(status => status === 200), `balancer: a logged-in browser got ${sticky.join(' ')} (not sticky)`);
  // The control: without the balancer's cookie the session is known to one node only, so some requests are refused.
  const loose = await parallel(10, 1, () => browser.fetch('/camunda/api/engine/engine/default/task/count', {}, ['VOMNODE']));
  check(loose.some(status => status === 401), `balancer: without VOMNODE every request was ${loose[0]}: the test proves nothing`);
  log(`balancer: 20 referrals served by ${JSON.stringify(served)}; a logged-in browser: ${sticky.filter(s => s === 200).length}/20`
    + ` answered on its node; without the balancer's cookie ${loose.filter(s => s === 401).length}/10 refused (session on the`
    + ` other node)`);
}

/** After a node's crash: how long the balancer sends requests to it before its health check takes it out. */
async function failover(killedAt) {
  let refused = 0;
  let firstOk = null;
  let inRow = 0;
  while (Date.now() - killedAt < 60000 && inRow < 10) {
    const answer = await call(PROXY, 'policeapi', 'POST', '/api/referrals', referral(`failover-${Date.now()}`), 10000);
    if (answer.status === 201) { if (inRow++ === 0) firstOk = Date.now(); } else { refused++; inRow = 0; firstOk = null; }
    await sleep(200);
  }
  check(inRow >= 10, 'balancer: requests still failing 60 s after the crash');
  return { refused, ms: firstOk == null ? null : firstOk - killedAt };
}

// ---- the faults ----------------------------------------------------------------------------------------------
/** A mail server fault while cases are referred and assigned: the work is kept, the mails flagged, then delivered. */
async function mailFault(node, fault, inject, flaggedAs, expectedState) {
  await inject();
  const cases = [];
  const tasks = [];
  for (let i = 0; i < 3; i++) {
    const answer = await refer(node, `${fault.replace(/[^a-z]+/g, '-')}${i}-${Date.now()}`);
    if (!check(answer.status === 201, `${fault}: referral answered ${answer.status} ${answer.text || answer.error}`)) continue;
    cases.push(answer.caseNumber);
    const assignment = await assign(node, answer.caseNumber);
    check(assignment.status === 204, `${fault}: assignment answered ${assignment.status}`);
    tasks.push(assignment.taskId);
  }
  check(cases.length > 0, `${fault}: no case was referred`);
  // Flagged: the mail's state says so and its job failed with a message naming the message and the case.
  await until(() => {
    const log = mailRows(cases);
    const jobs = flaggedJobs(cases);
    return log.length >= cases.length && log.some(row => row.status === expectedState)
      && jobs.some(([, , message]) => message.includes(flaggedAs)) && cases.every(c => log.some(row => row.caseNumber === c
        && row.status !== 'sent'));
  }, 90, `${fault}: the mails of ${cases.length} cases flagged as ${expectedState}`);
  const kept = Number(sql(`SELECT count(*) FROM act_hi_taskinst WHERE id_ IN (${quoted(tasks)}) AND end_time_ IS NOT NULL`));
  check(kept === tasks.length, `${fault}: ${tasks.length - kept} completed assignments were rolled back`);
  await sink.up();
  const recovered = await until(() => mailCounts(cases).pending.length === 0 && mailCounts(cases).lost.length === 0, 120,
    `${fault}: delivery after the mail server is back`);
  await sleep(2000);
  record(fault, mailCounts(cases), recovered, 60, { work: `${cases.length} referrals + assignments`,
    lost: tasks.length - kept });
}

async function databaseOutage(node) {
  const before = await refer(node, `db-before-${Date.now()}`);
  check(before.status === 201, `database outage: referral before answered ${before.status}`);
  const assignment = await assign(node, before.caseNumber);
  check(assignment.status === 204, `database outage: assignment before answered ${assignment.status}`);
  pg(env.FAULTS_PG_STOP);
  const stoppedAt = Date.now();
  const during = await refer(node, `db-during-${Date.now()}`);
  check(during.status === 503, `database outage: referral during answered ${during.status}`);
  check(during.ms <= 5000, `database outage: the 503 took ${during.ms} ms`);
  check(during.headers && during.headers.get('retry-after'), 'database outage: no Retry-After');
  check((during.text || '').includes('cannot reach its database'), `database outage: the 503 does not say why: ${during.text}`);
  const health = await call(node, 'policeapi', 'GET', '/actuator/health', undefined, 10000);
  check(health.status === 503 && health.ms <= 2000, `database outage: health ${health.status} in ${health.ms} ms`);
  await sleep(Math.max(0, 30000 - (Date.now() - stoppedAt)));
  pg(env.FAULTS_PG_START);
  const back = Date.now();
  let after = null;
  const recovered = await until(async () => (after = await refer(node, `db-after-${Date.now()}`)).status === 201, 60,
    'a referral answered 201 after the database came back');
  const cases = [before.caseNumber, after?.caseNumber].filter(Boolean);
  // Settled: nothing pending, and no new message for 3 s (a case's later messages are created by jobs that run after its
  // first mails are sent; counting between the two would count the newest as lost).
  await until(async () => {
    const first = mailCounts(cases);
    if (first.pending.length > 0 || first.log.length === 0) return false;
    await sleep(3000);
    const again = mailCounts(cases);
    return again.pending.length === 0 && again.log.length === first.log.length;
  }, 120, 'database outage: the mails of the case referred before the outage');
  const missing = [before.caseNumber].filter(c => sql(`SELECT count(*) FROM vom_case WHERE case_number = '${c}'`) !== '1').length;
  log(`database outage: during: referral 503 in ${during.ms} ms, health 503 in ${health.ms} ms; back: 201 after ${
    recovered == null ? '-' : seconds(Date.now() - back)}`);
  record('database stopped for 30 s', mailCounts(cases), recovered, 60,
    { work: 'referrals before, during and after', lost: missing });
}

async function twoNodes(a, b) {
  const startedAt = sql('SELECT now()');
  const started = Date.now();
  const work = async (node, prefix) => parallel(PER_NODE, 8, i => refer(node, `${prefix}-${i}`));
  const [onA, onB] = await Promise.all([work(a, 'two-a'), work(b, 'two-b')]);
  const answers = [...onA, ...onB];
  const refused = answers.filter(r => r.status !== 201);
  check(refused.length === 0, `two nodes: ${refused.length} referrals not answered 201, e.g. ${refused[0]?.status} ${
    refused[0]?.text || refused[0]?.error}`);
  const cases = answers.filter(r => r.status === 201).map(r => r.caseNumber);
  log(`two nodes: ${cases.length} referrals in ${seconds(Date.now() - started)}`);
  const distinct = new Set(cases).size;
  const registered = Number(sql(`SELECT count(*) FROM vom_case WHERE case_number IN (${quoted(cases)})`));
  const instances = Number(sql(`SELECT count(*) FROM act_hi_procinst WHERE business_key_ IN (${quoted(cases)})
    AND super_process_instance_id_ IS NULL`));
  check(distinct === cases.length, `two nodes: ${cases.length - distinct} case numbers given twice`);
  // Every second case is assigned, half on each node: the introductions are sent by both nodes' job executors.
  const assigned = await parallel(Math.floor(cases.length / 2), 8, i => assign(i % 2 ? a : b, cases[2 * i]));
  const notAssigned = assigned.filter(r => r.status !== 204).length;
  check(notAssigned === 0, `two nodes: ${notAssigned} assignments not answered 204`);
  const recovered = await until(() => mailCounts(cases).pending.length === 0 && mailCounts(cases).log.length >= assigned.length,
    180, 'two nodes: every mail delivered');
  await sleep(2000);
  // The engine's history cleanup is one job that runs again and again under the same id in its nightly window (01:00 to
  // 05:00): not a job run twice.
  const twice = Number(sql(`SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2
    AND timestamp_ >= '${startedAt}' AND job_def_type_ <> 'history-cleanup' GROUP BY job_id_ HAVING count(*) > 1) twice`));
  const timersTwice = Number(sql(`SELECT count(*) FROM (SELECT execution_id_, handler_cfg_ FROM act_ru_job WHERE type_ = 'timer'
    GROUP BY execution_id_, handler_cfg_ HAVING count(*) > 1) twice`));
  const successes = Number(sql(`SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND timestamp_ >= '${startedAt}'`));
  const byNode = rows(`SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND timestamp_ >= '${startedAt}'
    GROUP BY hostname_`).map(([host, n]) => `${host}: ${n}`).join(', ');
  log(`two nodes: ${cases.length} cases, ${distinct} case numbers, ${registered} registered, ${instances} case instances;`
    + ` ${successes} jobs ran once each (${byNode}); jobs run twice: ${twice}; timers twice: ${timersTwice}`);
  record(`two nodes, ${PER_NODE} concurrent referrals each`, mailCounts(cases), recovered, null, {
    work: `${cases.length} referrals, ${assigned.length} assignments, ${successes} jobs`,
    lost: cases.length - registered + refused.length + notAssigned,
    duplicated: (cases.length - distinct) + (instances - cases.length) + twice + timersTwice });
}

async function crash(survivor, victim) {
  // Mails take 1.5 s to be confirmed, so some are being sent at the crash.
  await sink.slow(1500);
  const referred = [];
  const completed = [];
  let stop = false;
  const load = async (node, w) => {
    for (let i = 0; !stop; i++) {
      const answer = await refer(node, `crash-${node.name}-${w}-${i}`);
      if (answer.status !== 201) { if (node === victim && stop) break; await sleep(200); continue; }
      referred.push(answer.caseNumber);
      const assignment = await assign(node, answer.caseNumber);
      if (assignment.status === 204) completed.push(assignment.taskId);
    }
  };
  const workers = [0, 1, 2].map(w => load(victim, w)).concat([0, 1].map(w => load(survivor, w)));
  await until(() => referred.length >= 24 && sql(`SELECT count(*) FROM vom_message WHERE status IN ('sending', 'resending')`)
    !== '0', 90, 'crash: load with mails in flight');
  const inFlight = Number(sql(`SELECT count(*) FROM vom_message WHERE status IN ('sending', 'resending')`));
  victim.kill9();
  const killedAt = Date.now();
  log(`crash: kill -9 of node ${victim.name} with ${referred.length} referrals answered and ${inFlight} mails being sent`);
  const switched = PROXY ? await failover(killedAt) : null;
  if (switched) {
    log(`crash: the balancer sent ${switched.refused} request(s) to the dead node (answered 502/503, nothing done), then`
      + ` every request to the survivor, ${switched.ms == null ? '-' : seconds(switched.ms)} after the crash`);
  }
  await sleep(Math.max(0, 3000 - (Date.now() - killedAt)));
  stop = true;
  await Promise.all(workers);
  await sink.up();
  // The survivor takes over the dead node's jobs when their locks expire (50 s after they were taken).
  const cases = [...new Set(referred)];
  const recovered = await until(() => {
    const counts = mailCounts(cases);
    return counts.pending.length === 0 && counts.lost.length === 0;
  }, 180, 'crash: every mail of the load delivered by the surviving node');
  const recoveredAt = Date.now();
  victim.start();
  const restart = await victim.ready();
  const afterRestart = await refer(victim, `crash-after-${Date.now()}`);
  check(afterRestart.status === 201, `crash: the restarted node answered ${afterRestart.status}`);
  await sleep(2000);
  const registered = Number(sql(`SELECT count(*) FROM vom_case WHERE case_number IN (${quoted(cases)})`));
  const instances = Number(sql(`SELECT count(*) FROM act_hi_procinst WHERE business_key_ IN (${quoted(cases)})
    AND super_process_instance_id_ IS NULL`));
  const kept = Number(sql(`SELECT count(*) FROM act_hi_taskinst WHERE id_ IN (${quoted(completed)}) AND end_time_ IS NOT NULL`));
  const stuck = Number(sql(`SELECT count(*) FROM vom_message WHERE status IN ('sending', 'resending')`));
  const resent = Number(sql(`SELECT count(*) FROM vom_message WHERE status = 'resent' AND case_number IN (${quoted(cases)})`));
  log(`crash: ${cases.length} referrals answered, ${registered} registered, ${instances} case instances; ${completed.length}`
    + ` assignments answered, ${kept} kept; ${resent} mails resent after the crash; ${stuck} still sending;`
    + ` node ${victim.name} restarted in ${seconds(restart)} (${seconds(Date.now() - recoveredAt)} after recovery)`);
  record('kill -9 of a node under load', mailCounts(cases), recovered == null ? null : recoveredAt - killedAt, 60, {
    work: `${cases.length} referrals, ${completed.length} assignments` + (switched ? `; balancer: ${switched.refused} request(s)`
      + ` refused, all to the survivor after ${switched.ms == null ? '-' : seconds(switched.ms)}` : ''),
    lost: (cases.length - registered) + (completed.length - kept) + stuck, duplicated: instances - registered });
}

// ---- the run -------------------------------------------------------------------------------------------------
const a = new AppNode('a', Number(env.FAULTS_PORT_A || 18201));
const b = new AppNode('b', Number(env.FAULTS_PORT_B || 18202));
const began = Date.now();
try {
  await sink.up();
  a.start();
  log(`node a started in ${seconds(await a.ready())}`);
  if (ONLY.has('mail')) {
    await mailFault(a, 'mail server down', () => sink.down(), 'the mail server could not be reached', 'failed');
    await mailFault(a, 'mail server hung (no greeting)', () => sink.hang(), 'the mail server could not be reached', 'failed');
    await mailFault(a, 'mail server slow to confirm (stored, confirmed late)', () => sink.slow(MAIL_TIMEOUT_MS * 2),
      'Delivery outcome unknown', 'unknown');
  }
  if (ONLY.has('database')) await databaseOutage(a);
  if (ONLY.has('two-nodes') || ONLY.has('crash')) {
    b.start();
    log(`node b started in ${seconds(await b.ready())}`);
  }
  if (ONLY.has('two-nodes')) await twoNodes(a, b);
  if (ONLY.has('two-nodes') && PROXY) await balancer();
  if (ONLY.has('crash')) await crash(a, b);
} catch (error) {
  check(false, error.stack || String(error));
} finally {
  await Promise.all([a.stop(), b.stop()]);
  await sink.close();
}

const table = ['| Fault | Work during the fault | Lost | Duplicated | Repeated (same Message-ID) | Time to recover | Bound |',
  '|---|---|---|---|---|---|---|',
  ...results.map(r => `| ${r.fault} | ${r.work} | ${r.lost} | ${r.duplicated} | ${r.repeated} | ${r.recovery} | ${r.bound} |`)]
  .join('\n');
fs.writeFileSync(REPORT, table + '\n');
console.log('\n' + table + '\n');
log(`${results.length} faults in ${seconds(Date.now() - began)}; report: ${REPORT}`);
if (problems.length) {
  console.error(`faults: FAILED (${problems.length}):\n - ` + problems.join('\n - '));
  process.exit(1);
}
log('passed');
