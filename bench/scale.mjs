// Performance at scale (README "Performance at scale", issue 21): seeds cases through the application's own intake and
// the engine's REST API, in parallel, on a PostgreSQL database of its own, and measures at several sizes what grows with
// the number of running cases. Run by bench/scale.sh, which makes the database, starts the packaged application and
// drops the database afterwards. Environment:
//   BENCH_BASE          the application (http://127.0.0.1:18194)
//   BENCH_DB            the PostgreSQL database the application runs on (psql at 127.0.0.1:5432 as postgres)
//   BENCH_SIZES         cumulative numbers of referrals to seed before each measurement (1000,5000,20000)
//   BENCH_CONCURRENCY   parallel HTTP clients while seeding (8)
//   BENCH_RUNS          timed runs per request and size, after 3 warm-up runs (20)
//   BENCH_FIGURES_MAX_MS  the figures' p95 at the largest size must stay under this (1000)
//   BENCH_REPORT        where the Markdown table is written (bench/scale-report.md)
//   BENCH_MAX_GROWTH    the median of a mediator's and a coordinator's task lists may grow at most this much between the
//                       smallest and the largest size (4: far off the goal of 1.5, so that a busy machine does not fail it);
//                       the coordinators' intake list, which holds every waiting referral, at most as much as its length
//   BENCH_MAX_AUTH_PER_CASE  authorization rows per running case at every size (2)
//   BENCH_INTAKE        referrals sent at each size for the intake's throughput and database work, once with 1 client and
//                       once with 4 (40; 0 skips it)
//   BENCH_PGBENCH_SECONDS  how long pgbench runs for the write path's floor, at 1 and at 4 clients (10; 0 skips it)
//   BENCH_SAMPLE        cases sampled for the bytes per running and per closed case (200)
// Cases are spread over the phases (of every 20 referrals): 6 wait at the coordinators' assignment, 10 at the offender's
// consent call (a mediator's task with its reminder timer), 2 at the timer of the next call ("call again"), 2 are
// closed (the offender declines).
import { execFileSync } from 'child_process';
import fs from 'fs';

const env = process.env;
const BASE = env.BENCH_BASE || 'http://127.0.0.1:18194';
const DB = env.BENCH_DB || 'bench_x';
const SIZES = (env.BENCH_SIZES || '1000,5000,20000').split(',').map(Number);
const CONCURRENCY = Number(env.BENCH_CONCURRENCY || 8);
const RUNS = Number(env.BENCH_RUNS || 20);
const FIGURES_MAX_MS = Number(env.BENCH_FIGURES_MAX_MS || 1000);
const REPORT = env.BENCH_REPORT || 'bench/scale-report.md';
const MAX_GROWTH = Number(env.BENCH_MAX_GROWTH || 4);
const MAX_AUTH_PER_CASE = Number(env.BENCH_MAX_AUTH_PER_CASE || 2);
const INTAKE = Number(env.BENCH_INTAKE ?? 40);
const PGBENCH_SECONDS = Number(env.BENCH_PGBENCH_SECONDS ?? 10);
const SAMPLE = Number(env.BENCH_SAMPLE || 200);
/** The requests whose growth is checked: what every open Tasklist asks again and again. */
const GROWTH_CHECKED = [/^Tasklist "My tasks", mediator/, /^Tasklist "Intake and assignment"/, /^Task query, mediator/,
  /^Tasklist filter list with counts/];
const PASSWORD = 'VomDemo#2026';
// A mediator works a caseload, not the programme: every block of CASELOAD_BLOCK referrals goes to one pair of
// mediators (the first to Mara and Jonas, whose lists are measured; the others to mediators made for the run), so
// Mara's own tasks stay the same at every size and what grows is everyone else's cases (70 of a block are assigned, 50
// of them wait at her consent call).
const CASELOAD_BLOCK = Number(env.BENCH_CASELOAD_BLOCK || 100);

const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function sql(query) {
  return execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', DB, '-At', '-F', '\t', '-c', query],
    { encoding: 'utf8', maxBuffer: 1 << 26 }).trim();
}

async function call(user, method, url, body, accept = 'application/json') {
  const started = performance.now();
  const response = await fetch(BASE + url, {
    method,
    headers: { 'Authorization': 'Basic ' + Buffer.from(user + ':' + PASSWORD).toString('base64'),
      'Content-Type': 'application/json', 'Accept': accept },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120000)
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
  return { status: response.status, json, text, ms };
}

async function ok(user, method, url, body, accept) {
  const answer = await call(user, method, url, body, accept);
  if (answer.status >= 300) throw new Error(`${user} ${method} ${url}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer;
}

function referral(i) {
  // The cases that go on to the consent calls come from the police at diversion (no mandate to wait for); those that
  // stay at intake vary their source and stage, so the figures have something to count.
  const intakeOnly = i % 20 < 6;
  const sources = ['police', 'prosecutor', 'court', 'victim_service', 'probation'];
  const stages = ['diversion', 'after_charge', 'at_trial'];
  return {
    referralSource: intakeOnly ? sources[i % 5] : 'police', referrerName: 'Polizeiinspektion Mitte',
    proceduralStage: intakeOnly ? stages[i % 3] : 'diversion',
    referrerEmail: 'toa@pi.example', referrerReference: `BENCH-${i}`,
    offenceCategory: 'theft', offenceDate: '2026-02-14',
    offenceSummary: `A bicycle was taken from the courtyard (bench ${i}).`, responsibilityAdmission: 'full',
    victims: [{ name: 'Ana Roth', dateOfBirth: '1980-04-02', preferredLanguage: 'de', email: `victim-${i}@example.org` }],
    offenders: [{ name: 'Carl Vogt', dateOfBirth: '1990-01-15', preferredLanguage: 'de', email: `offender-${i}@example.org`,
      phone: '+49 30 1234567' }]
  };
}

/** The one task of that kind in the case, as its user sees it; waits for the jobs that lead to it. */
async function taskOf(user, key, caseNumber) {
  for (let i = 0; i < 240; i++) {
    const tasks = await ok(user, 'GET', `/engine-rest/task?taskDefinitionKey=${key}&processInstanceBusinessKey=${caseNumber}`);
    if (tasks.json.length) return tasks.json[0];
    await sleep(250);
  }
  throw new Error(`no ${key} in ${caseNumber} for ${user}`);
}

/** The next call, two weeks on (before the contact deadline of six weeks), as Tasklist's date picker sends it. */
const NEXT_CALL = new Date(Date.now() + 14 * 86400000).toISOString().replace('Z', '+0000');

const phases = { intake: 0, consentCall: 0, nextCallTimer: 0, closed: 0 };

const pairs = new Map();
/** The pair of mediators of referral i's block; made (users in the mediators group, as Admin does) when first needed. */
function mediatorsOf(i) {
  const block = Math.floor(i / CASELOAD_BLOCK);
  if (block === 0) return Promise.resolve(['mara', 'jonas']);
  if (!pairs.has(block)) {
    pairs.set(block, (async () => {
      const pair = [`bench${block}a`, `bench${block}b`];
      for (const id of pair) {
        const created = await call('admin', 'POST', '/engine-rest/user/create', {
          profile: { id, firstName: 'Bench', lastName: `Mediator ${id}`, email: `${id}@example.org` }, credentials: { password: PASSWORD } });
        if (created.status >= 300 && !/already exists|duplicate|unique/i.test(created.text)) {
          throw new Error(`user ${id}: ${created.status} ${created.text.slice(0, 200)}`);
        }
        await ok('admin', 'PUT', `/engine-rest/group/mediators/members/${id}`);
      }
      return pair;
    })());
  }
  return pairs.get(block);
}

/** Referral i and the steps of its phase. */
async function seedOne(i) {
  const answer = await ok('policeapi', 'POST', '/api/referrals', referral(i));
  const caseNumber = answer.json.caseNumber;
  const slot = i % 20;
  if (slot < 6) { phases.intake++; return; }
  const [lead, co] = await mediatorsOf(i);
  const assignment = await taskOf('clara', 'Task_AssignMediators', caseNumber);
  await ok('clara', 'POST', `/engine-rest/task/${assignment.id}/claim`, { userId: 'clara' });
  await ok('clara', 'POST', `/engine-rest/task/${assignment.id}/submit-form`,
    { variables: { leadMediator: { value: lead }, coMediator: { value: co } } });
  if (slot < 16) { phases.consentCall++; return; }
  const callTask = await taskOf(lead, 'Task_CallForConsent', caseNumber);
  if (slot < 18) {
    await ok(lead, 'POST', `/engine-rest/task/${callTask.id}/submit-form`, { variables: {
      callOutcome: { value: 'call_again' }, nextCallDate: { value: NEXT_CALL, type: 'Date' } } });
    phases.nextCallTimer++;
  } else {
    await ok(lead, 'POST', `/engine-rest/task/${callTask.id}/submit-form`, { variables: { callOutcome: { value: 'declines' } } });
    phases.closed++;
  }
}

async function parallel(from, to, concurrency, work) {
  let next = from;
  let failures = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < to) {
      const i = next++;
      try { await work(i); } catch (error) {
        if (++failures <= 5) log('seeding', i, 'failed:', error.message);
      }
    }
  }));
  return failures;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];

async function timed(name, once) {
  for (let i = 0; i < 3; i++) await once();
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { name, median: percentile(times, 50), p95: percentile(times, 95) };
}

async function filterId(user, name) {
  const filters = await ok(user, 'GET', '/engine-rest/filter?resourceType=Task');
  const filter = filters.json.find(f => f.name === name);
  if (!filter) throw new Error(`${user} has no filter ${name}`);
  return filter.id;
}

/** The body Tasklist sends with a filter's list and count. */
const FILTER_BODY = { processVariables: [], taskVariables: [], caseInstanceVariables: [], orQueries: [],
  sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }], variableNames: ['caseNumber', 'personLabel'] };

/**
 * Tasklist's refresh of a filter: the first page of the list (HAL, with the filter's variables) and the count. Given a
 * logged-in Tasklist (a session), as Tasklist sends it: through the webapp's engine API with its session cookie and CSRF
 * token. Given a user name, as a script sends it: the engine's REST API over HTTP Basic, a login with every request.
 */
async function tasklistRefresh(who, id) {
  if (who instanceof TasklistSession) {
    const list = await who.post(`/filter/${id}/list?firstResult=0&maxResults=15`, FILTER_BODY, 'application/hal+json');
    const count = await who.post(`/filter/${id}/count`, FILTER_BODY);
    return list.ms + count.ms;
  }
  const list = await ok(who, 'POST', `/engine-rest/filter/${id}/list?firstResult=0&maxResults=15`, FILTER_BODY, 'application/hal+json');
  const count = await ok(who, 'POST', `/engine-rest/filter/${id}/count`, FILTER_BODY);
  return list.ms + count.ms;
}

/**
 * A user logged in to Tasklist as a browser is: the login form once, then every request with the session cookie and the
 * CSRF token (the webapps keep the user's groups with the session, so a request does not log in again).
 */
class TasklistSession {
  constructor(user) { this.user = user; this.cookies = new Map(); }

  async fetch(url, options = {}) {
    const started = performance.now();
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(BASE + url, { ...options, redirect: 'manual', signal: AbortSignal.timeout(120000),
      headers: { ...(options.headers || {}), Cookie: cookie } });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  }

  async login() {
    await this.fetch('/camunda/app/tasklist/default/');
    const answer = await this.fetch('/camunda/api/admin/auth/user/default/login/tasklist', { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': this.cookies.get('XSRF-TOKEN') },
      body: `username=${encodeURIComponent(this.user)}&password=${encodeURIComponent(PASSWORD)}` });
    if (answer.status >= 300) throw new Error(`${this.user} could not log in to Tasklist: ${answer.status} ${answer.text.slice(0, 200)}`);
    // The login starts a new session, whose CSRF token comes with its first read (Tasklist reads the user's authentication).
    const user = await this.fetch('/camunda/api/admin/auth/user/default', { headers: { 'Accept': 'application/json' } });
    if (user.status >= 300) throw new Error(`${this.user}'s Tasklist session: ${user.status} ${user.text.slice(0, 200)}`);
    return this;
  }

  get(path) {
    return this.engine('GET', path, { headers: { 'Accept': 'application/json' } });
  }

  post(path, body, accept = 'application/json') {
    return this.engine('POST', path, { body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Accept': accept, 'X-XSRF-TOKEN': this.cookies.get('XSRF-TOKEN') } });
  }

  /** A request to the webapps' engine API, as Tasklist sends it; anything but a success stops the run. */
  async engine(method, path, options) {
    const answer = await this.fetch(`/camunda/api/engine/engine/default${path}`, { ...options, method });
    if (answer.status >= 300) throw new Error(`${this.user}'s Tasklist ${method} ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
    return answer;
  }
}

function counts() {
  const [running, tasks, jobs, timers, authorizations, allVariables, closedRegistered, beyondOpenTasks, onCases, closedFigures] = sql(`SELECT
    (SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ WHERE e.id_ = e.proc_inst_id_ AND d.key_ = 'vom-case'),
    (SELECT count(*) FROM act_ru_task), (SELECT count(*) FROM act_ru_job),
    (SELECT count(*) FROM act_ru_job WHERE type_ = 'timer'), (SELECT count(*) FROM act_ru_authorization),
    (SELECT count(*) FROM act_ru_variable),
    (SELECT count(*) FROM vom_case c WHERE NOT EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = c.process_instance_id)),
    (SELECT count(*) FROM act_ru_authorization a WHERE a.resource_id_ <> '*' AND (a.resource_type_ IN (8, 19, 20)
      OR (a.resource_type_ = 7 AND NOT EXISTS (SELECT 1 FROM act_ru_task t WHERE t.id_ = a.resource_id_)))),
    (SELECT count(*) FROM act_ru_authorization a WHERE a.resource_id_ <> '*' AND a.resource_type_ IN (7, 8, 19, 20)),
    (SELECT count(*) FROM vom_case_figures)`)
    .split('\t').map(Number);
  // Per case: the grants on single tasks, instances and their history (the roles' grants on all resources or on a
  // process definition are the same at every size).
  return { running, tasks, jobs, timers, authorizations, variables: allVariables, closedRegistered, beyondOpenTasks, closedFigures,
    authorizationsPerCase: onCases / running, variablesPerCase: allVariables / running };
}

/** The engine's acquisition query as the job executor sends it (by due date, every job dated), explained. */
function acquisitionPlan() {
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  return sql(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
    from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= '${now}')
    and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < '${now}') and RES.SUSPENSION_STATE_ = 1
    and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2 where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_
      and (J2.EXCLUSIVE_ = true) and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= '${now}')))
      or RES.EXCLUSIVE_ = false)
    order by RES.DUEDATE_ asc LIMIT 3 OFFSET 0`);
}

// --- the write path: intake throughput and database work per referral, and pgbench's floor ---------------------------

/** The database's own counters (pg_stat_database): rows inserted, updated and deleted. */
function dbWork() {
  const [inserted, updated, deleted] = sql(`SELECT tup_inserted, tup_updated, tup_deleted
    FROM pg_stat_database WHERE datname = current_database()`).split('\t').map(Number);
  return { inserted, updated, deleted };
}

/**
 * Until no asynchronous step is due (every active asynchronous continuation with retries left and due now; timers and a
 * retry waiting for its later date do not count). After 10 minutes it says so and goes on.
 */
async function settled() {
  for (let i = 0; i < 2400; i++) {
    if (Number(sql(`SELECT count(*) FROM act_ru_job WHERE type_ = 'message' AND retries_ > 0 AND suspension_state_ = 1
      AND (duedate_ IS NULL OR duedate_ <= localtimestamp)`)) === 0) return;
    await sleep(250);
  }
  log('warning: asynchronous steps still due after 10 minutes; the intake figures include their wait');
}

/**
 * INTAKE referrals (each goes on to wait at the coordinators' assignment) sent by this many clients: how many are answered
 * per second, how many are settled per second (their asynchronous steps done too), and what the database did for each:
 * rows inserted, updated and deleted, read from PostgreSQL's counters before and after (its
 * backends report them within 10 s of going idle, hence the pauses).
 */
async function intake(clients, seeded) {
  await settled();
  await sleep(11000);
  const before = dbWork();
  const started = performance.now();
  const failures = await parallel(0, INTAKE, clients, async i =>
    ok('policeapi', 'POST', '/api/referrals', referral(700000 + seeded * 10 + clients * 1000 + i * 20)));
  const answered = (performance.now() - started) / 1000;
  await settled();
  const done = (performance.now() - started) / 1000;
  await sleep(11000);
  const after = dbWork();
  const per = key => (after[key] - before[key]) / INTAKE;
  if (failures) throw new Error(`intake with ${clients} client(s): ${failures} of ${INTAKE} referrals failed`);
  return { clients, answeredPerSecond: INTAKE / answered, settledPerSecond: INTAKE / done,
    inserted: per('inserted'), updated: per('updated'), deleted: per('deleted'),
    rows: per('inserted') + per('updated') + per('deleted') };
}

/** pgbench's TPC-B-like transactions per second on a database of its own on the same server, at 1 and 4 clients. */
function pgbench() {
  if (!PGBENCH_SECONDS) return null;
  try {
    return runPgbench();
  } catch (error) {
    log('pgbench did not run:', error.message);
    return null;
  }
}

function runPgbench() {
  const db = `${DB}_pgbench`;
  const admin = args => execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-q', '-c', args],
    { encoding: 'utf8' });
  admin(`DROP DATABASE IF EXISTS ${db}`);
  admin(`CREATE DATABASE ${db}`);
  try {
    execFileSync('pgbench', ['-h', '127.0.0.1', '-U', 'postgres', '-i', '-q', '-s', '4', db], { stdio: 'ignore' });
    const tps = clients => {
      const out = execFileSync('pgbench', ['-h', '127.0.0.1', '-U', 'postgres', '-c', String(clients), '-j', String(Math.min(clients, 2)),
        '-T', String(PGBENCH_SECONDS), db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const found = /tps = ([\d.]+)/.exec(out);
      return found ? Number(found[1]) : NaN;
    };
    return { 1: tps(1), 4: tps(4) };
  } finally {
    admin(`DROP DATABASE IF EXISTS ${db}`);
  }
}

// --- bytes per case --------------------------------------------------------------------------------------------------

const HISTORY_TABLES = ['act_hi_procinst', 'act_hi_actinst', 'act_hi_taskinst', 'act_hi_varinst', 'act_hi_detail',
  'act_hi_identitylink', 'act_hi_job_log', 'act_hi_op_log', 'act_hi_incident', 'act_hi_comment', 'act_hi_attachment',
  'act_hi_decinst', 'act_hi_dec_in', 'act_hi_dec_out', 'act_hi_ext_task_log'];

/**
 * The bytes a case holds (the sum of its rows' sizes, pg_column_size), averaged over a sample of SAMPLE cases: in the
 * engine's history (every table that carries the case's root instance, byte arrays included, for the case and for its
 * retention) and, for a running case, in the runtime tables of its instances.
 */
function bytesPerCase(closed) {
  const cases = `SELECT case_number FROM vom_case WHERE closed_at IS ${closed ? 'NOT ' : ''}NULL AND deleted_at IS NULL
    ORDER BY case_number DESC LIMIT ${SAMPLE}`;
  const roots = `SELECT h.id_ FROM act_hi_procinst h WHERE h.business_key_ IN (${cases}) AND h.id_ = h.root_proc_inst_id_`;
  const sizeOf = (table, where) => `(SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM ${table} t WHERE ${where})`;
  const history = HISTORY_TABLES.map(table => sizeOf(table, `t.root_proc_inst_id_ IN (${roots})`))
    .concat(sizeOf('act_ge_bytearray', `t.root_proc_inst_id_ IN (${roots})`)).join(' + ');
  const instances = `SELECT e.id_ FROM act_ru_execution e WHERE e.root_proc_inst_id_ IN (${roots}) AND e.id_ = e.proc_inst_id_`;
  const runtime = [sizeOf('act_ru_execution', `t.root_proc_inst_id_ IN (${roots})`),
    sizeOf('act_ru_variable', `t.proc_inst_id_ IN (${instances})`), sizeOf('act_ru_task', `t.proc_inst_id_ IN (${instances})`),
    sizeOf('act_ru_job', `t.process_instance_id_ IN (${instances})`),
    sizeOf('act_ru_identitylink', `t.task_id_ IN (SELECT k.id_ FROM act_ru_task k WHERE k.proc_inst_id_ IN (${instances}))`),
    sizeOf('act_ru_event_subscr', `t.proc_inst_id_ IN (${instances})`),
    // Object variables keep their value in a byte array that carries no root instance.
    sizeOf('act_ge_bytearray', `t.id_ IN (SELECT v.bytearray_id_ FROM act_ru_variable v WHERE v.proc_inst_id_ IN (${instances}))`)]
    .join(' + ');
  const [count, historyBytes, runtimeBytes] = sql(`SELECT (SELECT count(*) FROM (${cases}) c), ${history}, ${runtime}`)
    .split('\t').map(Number);
  return { count, history: count ? historyBytes / count : NaN, runtime: count ? runtimeBytes / count : NaN };
}

// --- the floor of the reads: the same data in the database alone ------------------------------------------------------

/** The server's execution time of a query (EXPLAIN ANALYZE), median of RUNS after 3 warm-ups: no HTTP, engine or check. */
function inTheDatabase(name, queries) {
  const once = () => queries.reduce((sum, query) => {
    const plan = sql(`EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) ${query}`);
    return sum + Number((/Execution Time: ([\d.]+) ms/.exec(plan) || [0, NaN])[1]);
  }, 0);
  for (let i = 0; i < 3; i++) once();
  const times = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
  return { name, median: percentile(times, 50), p95: percentile(times, 95) };
}

async function measure(seeded) {
  log('ANALYZE');
  sql('ANALYZE');
  const c = counts();
  const maraMyTasks = await filterId('mara', 'My tasks');
  const claraIntake = await filterId('clara', 'Intake and assignment');
  const claraMyTasks = await filterId('clara', 'My tasks');
  const [mara, clara] = [await new TasklistSession('mara').login(), await new TasklistSession('clara').login()];
  const year = new Date().getFullYear();
  let extra = 0;
  const rows = [
    await timed('GET /vom/figures (sam, the year)', async () =>
      (await ok('sam', 'GET', `/vom/figures?from=${year}-01-01&to=${year}-12-31`)).ms),
    await timed('Tasklist "My tasks", mediator (list + count)', () => tasklistRefresh(mara, maraMyTasks)),
    await timed('Tasklist "My tasks", mediator, over HTTP Basic (a login with every request, as a script sends it)', () =>
      tasklistRefresh('mara', maraMyTasks)),
    await timed('Tasklist filter list with counts, mediator (GET /filter?itemCount=true, as Tasklist polls it)', async () =>
      (await mara.get('/filter?resourceType=Task&itemCount=true')).ms),
    await timed('Tasklist "My tasks", coordinator (list + count)', () => tasklistRefresh(clara, claraMyTasks)),
    await timed('Tasklist "Intake and assignment", coordinator (list + count)', () => tasklistRefresh(clara, claraIntake)),
    await timed('Task query, mediator (GET /engine-rest/task, 15 + count)', async () =>
      (await ok('mara', 'GET', '/engine-rest/task?assignee=mara&firstResult=0&maxResults=15&sortBy=dueDate&sortOrder=asc')).ms
      + (await ok('mara', 'GET', '/engine-rest/task/count?assignee=mara')).ms),
    await timed('GET /vom/cases, mediator (her cases by next date, a page)', async () =>
      (await ok('mara', 'GET', '/vom/cases?sort=next&first=0&max=25')).ms),
    await timed('GET /vom/cases, coordinator (every case by next date, a page)', async () =>
      (await ok('clara', 'GET', '/vom/cases?sort=next&first=0&max=25')).ms),
    await timed('GET /vom/cases?q=<a name>, coordinator (search over every case)', async () =>
      (await ok('clara', 'GET', '/vom/cases?q=' + encodeURIComponent('Keller') + '&max=25')).ms),
    await timed('GET /vom/calendar, coordinator (the sessions of every case)', async () =>
      (await ok('clara', 'GET', '/vom/calendar')).ms),
    await timed("Cockpit's dashboard, supervisor (GET /process-definition/statistics?rootIncidents=true)", async () =>
      (await ok('sam', 'GET', '/engine-rest/process-definition/statistics?rootIncidents=true')).ms),
    await timed('POST /api/referrals', async () => (await ok('policeapi', 'POST', '/api/referrals', referral(900000 + seeded + extra++))).ms),
    // The floor: the same reads without the authorization check (an engine administrator, whom the engine does not check)
    // and in the database alone (the engine's task SQL for Mara's tasks and count; the figures' running cases).
    await timed('Floor: the same task query as an administrator (no authorization check)', async () =>
      (await ok('admin', 'GET', '/engine-rest/task?assignee=mara&firstResult=0&maxResults=15&sortBy=dueDate&sortOrder=asc')).ms
      + (await ok('admin', 'GET', '/engine-rest/task/count?assignee=mara')).ms),
    inTheDatabase("Floor: Mara's tasks and their count in the database alone (SQL, EXPLAIN ANALYZE)", [
      "SELECT * FROM act_ru_task WHERE assignee_ = 'mara' ORDER BY due_date_ ASC NULLS FIRST LIMIT 15",
      "SELECT count(*) FROM act_ru_task WHERE assignee_ = 'mara'"]),
    // FiguresService, as it asks (the period: this year): the closed cases' counts of the period (ClosedCaseFigures),
    // the kept counts of the running cases (RunningCaseCounts) and the overdue tasks.
    inTheDatabase("Floor: the figures' closed cases, running cases and caseload in the database alone (SQL, EXPLAIN ANALYZE)", [
      `SELECT figure, code, SUM(amount) FROM vom_closed_case_counts WHERE programme_profile = 'de_toa'
       AND counted_on BETWEEN '${year}-01-01' AND '${year}-12-31' GROUP BY figure, code`,
      `SELECT referral_source, procedural_stage, SUM(cases) FROM vom_running_cases WHERE programme_profile = 'de_toa'
       AND registered_on BETWEEN '${year}-01-01' AND '${year}-12-31' GROUP BY referral_source, procedural_stage
       HAVING SUM(cases) > 0`,
      `SELECT user_id, SUM(cases) FROM vom_running_cases_by_mediator WHERE programme_profile = 'de_toa' GROUP BY user_id
       HAVING SUM(cases) > 0`,
      `SELECT assignee_, COUNT(*) FROM act_ru_task WHERE assignee_ IS NOT NULL AND due_date_ < now() GROUP BY assignee_`])
  ];
  const plan = acquisitionPlan();
  const bytes = { running: bytesPerCase(false), closed: bytesPerCase(true) };
  const intakes = INTAKE ? [await intake(1, seeded), await intake(4, seeded)] : [];
  for (const r of intakes) {
    log(`intake, ${r.clients} client(s): ${r.answeredPerSecond.toFixed(1)} answered/s, ${r.settledPerSecond.toFixed(1)} settled/s;`
      + ` per referral ${r.rows.toFixed(0)} rows written (${r.inserted.toFixed(0)} inserted, ${r.updated.toFixed(0)} updated,`
      + ` ${r.deleted.toFixed(0)} deleted)`);
  }
  log(`bytes per running case: ${bytes.running.runtime.toFixed(0)} runtime + ${bytes.running.history.toFixed(0)} history;`
    + ` per closed case: ${bytes.closed.history.toFixed(0)} history (samples of ${bytes.running.count} and ${bytes.closed.count})`);
  return { seeded, counts: c, rows, plan, usesIndex: /vom_job_acquisition/.test(plan), bytes, intakes };
}

/** The Markdown table of the sizes measured so far, written to REPORT (after every size: a stopped run keeps its table). */
function report(results, started) {
  const first = results[0];
  const last = results[results.length - 1];
  const lines = [];
  lines.push(`Performance at scale: ${results.map(r => r.seeded).join(' / ')} referrals seeded (${results.map(r => `${(r.seedRate).toFixed(1)}`).join(' / ')} referrals/s with their steps), ${((Date.now() - started) / 60000).toFixed(1)} min in all,`
    + ` ${RUNS} timed runs per request (after 3 warm-up runs), ${CONCURRENCY} seeding clients; ${new Date().toISOString().slice(0, 10)}.`);
  lines.push('');
  lines.push(`| Request (ms, median / p95) | ${results.map(r => `${r.counts.running.toLocaleString('en')} running`).join(' | ')} | growth (p95, ${last.counts.running} ÷ ${first.counts.running}) |`);
  lines.push(`|---|${results.map(() => '---|').join('')}---|`);
  for (let i = 0; i < first.rows.length; i++) {
    const ratio = last.rows[i].p95 / first.rows[i].p95;
    lines.push(`| ${first.rows[i].name} | ${results.map(r => `${r.rows[i].median.toFixed(0)} / ${r.rows[i].p95.toFixed(0)}`).join(' | ')} | ${ratio.toFixed(2)} |`);
  }
  const countRow = (label, f) => lines.push(`| ${label} | ${results.map(r => f(r.counts)).join(' | ')} | |`);
  countRow('open user tasks', c => c.tasks.toLocaleString('en'));
  countRow('jobs (of which timers)', c => `${c.jobs.toLocaleString('en')} (${c.timers.toLocaleString('en')})`);
  countRow('authorization rows in all', c => c.authorizations.toLocaleString('en'));
  countRow('authorization rows per running case (on its tasks, instances and their history)', c => c.authorizationsPerCase.toFixed(2));
  countRow('authorization rows on cases rather than open tasks (instances, history, finished tasks)', c => c.beyondOpenTasks.toLocaleString('en'));
  countRow('runtime variables per running case', c => c.variablesPerCase.toFixed(1));
  countRow('closed cases (registered, no longer running)', c => c.closedRegistered.toLocaleString('en'));
  countRow("closed cases' anonymous figures (vom_case_figures: the seeding's closed cases and BENCH_CLOSED of this year)", c => c.closedFigures.toLocaleString('en'));
  const resultRow = (label, f) => lines.push(`| ${label} | ${results.map(f).join(' | ')} | |`);
  const kb = bytes => Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–';
  resultRow('bytes per running case: runtime + history (a sample)', r => `${kb(r.bytes.running.runtime)} + ${kb(r.bytes.running.history)}`);
  resultRow('history bytes per closed case (a sample)', r => `${kb(r.bytes.closed.history)} (of ${r.bytes.closed.count})`);
  for (const clients of [1, 4]) {
    const of = r => r.intakes.find(i => i.clients === clients);
    if (!results.some(of)) continue;
    resultRow(`referral intake, ${clients} client${clients > 1 ? 's' : ''}: answered / settled per second`, r => of(r)
      ? `${of(r).answeredPerSecond.toFixed(1)} / ${of(r).settledPerSecond.toFixed(1)}` : '–');
    resultRow(`rows written per referral, ${clients} client${clients > 1 ? 's' : ''} (inserted + updated + deleted)`,
      r => of(r) ? `${of(r).rows.toFixed(0)} (${of(r).inserted.toFixed(0)} + ${of(r).updated.toFixed(0)} + ${of(r).deleted.toFixed(0)})` : '–');
  }
  if (last.pgbench) {
    for (const clients of [1, 4]) {
      const intakeAt = (last.intakes || []).find(i => i.clients === clients);
      lines.push(`| floor: pgbench TPC-B-like transactions per second, ${clients} client${clients > 1 ? 's' : ''} (the same server)`
        + `${results.slice(1).map(() => ' | ').join('')} | ${last.pgbench[clients].toFixed(0)}`
        + `${intakeAt ? ` (${(last.pgbench[clients] / intakeAt.settledPerSecond).toFixed(0)} pgbench transactions per referral)` : ''} | |`);
    }
  }
  countRow('acquisition query uses vom_job_acquisition', () => '');
  lines[lines.length - 1] = `| acquisition query uses vom_job_acquisition (EXPLAIN ANALYZE) | ${results.map(r => r.usesIndex ? 'yes' : '**no**').join(' | ')} | |`;
  lines.push('');
  lines.push('Acquisition query plan at the largest size:');
  lines.push('');
  lines.push('```');
  lines.push(last.plan);
  lines.push('```');
  const figures = last.rows[0];
  const problems = [];
  if (figures.p95 > FIGURES_MAX_MS) problems.push(`figures p95 ${figures.p95.toFixed(0)} ms > ${FIGURES_MAX_MS} ms`);
  if (!results.every(r => r.usesIndex)) problems.push('the acquisition query does not use vom_job_acquisition');
  for (const r of results) {
    if (r.counts.authorizationsPerCase > MAX_AUTH_PER_CASE) {
      problems.push(`${r.counts.authorizationsPerCase.toFixed(2)} authorization rows per running case > ${MAX_AUTH_PER_CASE} at ${r.counts.running}`);
    }
    if (r.counts.beyondOpenTasks > 0) problems.push(`${r.counts.beyondOpenTasks} authorization rows on cases rather than open tasks at ${r.counts.running}`);
  }
  if (results.length > 1) {
    first.rows.forEach((row, i) => {
      if (!GROWTH_CHECKED.some(pattern => pattern.test(row.name))) return;
      const growth = last.rows[i].median / Math.max(row.median, 1);
      // The coordinators' intake list counts every waiting referral (3 of every 10 seeded wait there): it may grow with
      // its own length, linearly, not more (before issue 21 it grew with the square of it).
      const allowed = /^Tasklist "Intake and assignment"/.test(row.name) ? Math.max(MAX_GROWTH, last.seeded / first.seeded)
        : MAX_GROWTH;
      if (growth > allowed) problems.push(`${row.name}: median grew ${growth.toFixed(1)}x > ${allowed.toFixed(1)}x`);
    });
  }
  lines.push('');
  lines.push(problems.length ? `FAILED: ${problems.join('; ')}` : `PASSED: figures p95 ${figures.p95.toFixed(0)} ms ≤ ${FIGURES_MAX_MS} ms at ${last.counts.running} running cases; acquisition by index at every size; at most ${MAX_AUTH_PER_CASE} authorization rows per running case and none on closed cases; the task lists' medians grew at most ${MAX_GROWTH}x (the intake list at most as its length).`);
  fs.writeFileSync(REPORT, lines.join('\n') + '\n');
  return problems;
}

/**
 * BENCH_MEASURE_ONLY=1: measures the database as it is, once, without seeding (for a run whose seeding was paused,
 * e.g. with kill -STOP, when the next size would not be reached in the time there is); with BENCH_WARMUP=1 after a
 * measurement whose results are dropped (the application was just started).
 */
async function measureOnly() {
  if (env.BENCH_WARMUP) {
    // A measurement whose results are dropped: the freshly started application's code and caches warm up first.
    log('warm-up measurement (not reported)');
    await measure(Number(sql('SELECT count(*) FROM vom_case')));
  }
  const seeded = Number(sql('SELECT count(*) FROM vom_case'));
  const result = await measure(seeded);
  result.seedRate = NaN;
  log(JSON.stringify({ seeded, counts: result.counts }));
  for (const row of result.rows) log(`${row.name}: median ${row.median.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms`);
  log(`acquisition query uses vom_job_acquisition: ${result.usesIndex}`);
  report([result], Date.now());
  console.log(fs.readFileSync(REPORT, 'utf8'));
}

async function main() {
  if (env.BENCH_MEASURE_ONLY) return measureOnly();
  const results = [];
  let seeded = 0;
  const started = Date.now();
  for (const size of SIZES) {
    const t = Date.now();
    const failures = await parallel(seeded, size, CONCURRENCY, seedOne);
    log(`seeded ${size - seeded} referrals in ${((Date.now() - t) / 1000).toFixed(0)} s (${failures} failed)`,
      JSON.stringify(phases));
    const seedRate = (size - seeded) / ((Date.now() - t) / 1000);
    seeded = size;
    const result = await measure(seeded);
    result.seedRate = seedRate;
    if (size === SIZES[SIZES.length - 1]) result.pgbench = pgbench();
    results.push(result);
    log(JSON.stringify({ seeded, counts: result.counts }));
    for (const row of result.rows) log(`${row.name}: median ${row.median.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms`);
    log(`acquisition query uses vom_job_acquisition: ${result.usesIndex}`);
    report(results, started);
  }
  const problems = report(results, started);
  console.log(fs.readFileSync(REPORT, 'utf8'));
  process.exit(problems.length ? 1 : 0);
}

main().catch(error => { console.error(error); process.exit(2); });
