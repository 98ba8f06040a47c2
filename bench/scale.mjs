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
//                       smallest and the largest size (4: far off the goal of 1.5, so that a busy machine does not fail it)
//   BENCH_MAX_AUTH_PER_CASE  authorization rows per running case at every size (2)
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

/** Tasklist's refresh of a filter: the first page of the list (HAL, with the filter's variables) and the count. */
async function tasklistRefresh(user, id) {
  const body = { processVariables: [], taskVariables: [], caseInstanceVariables: [], orQueries: [],
    sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }], variableNames: ['caseNumber', 'personLabel'] };
  const list = await ok(user, 'POST', `/engine-rest/filter/${id}/list?firstResult=0&maxResults=15`, body, 'application/hal+json');
  const count = await ok(user, 'POST', `/engine-rest/filter/${id}/count`, body);
  return list.ms + count.ms;
}

function counts() {
  const [running, tasks, jobs, timers, authorizations, allVariables, closedRegistered, beyondOpenTasks, onCases] = sql(`SELECT
    (SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ WHERE e.id_ = e.proc_inst_id_ AND d.key_ = 'vom-case'),
    (SELECT count(*) FROM act_ru_task), (SELECT count(*) FROM act_ru_job),
    (SELECT count(*) FROM act_ru_job WHERE type_ = 'timer'), (SELECT count(*) FROM act_ru_authorization),
    (SELECT count(*) FROM act_ru_variable),
    (SELECT count(*) FROM vom_case c WHERE NOT EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = c.process_instance_id)),
    (SELECT count(*) FROM act_ru_authorization a WHERE a.resource_id_ <> '*' AND (a.resource_type_ IN (8, 19, 20)
      OR (a.resource_type_ = 7 AND NOT EXISTS (SELECT 1 FROM act_ru_task t WHERE t.id_ = a.resource_id_)))),
    (SELECT count(*) FROM act_ru_authorization a WHERE a.resource_id_ <> '*' AND a.resource_type_ IN (7, 8, 19, 20))`)
    .split('\t').map(Number);
  // Per case: the grants on single tasks, instances and their history (the roles' grants on all resources or on a
  // process definition are the same at every size).
  return { running, tasks, jobs, timers, authorizations, variables: allVariables, closedRegistered, beyondOpenTasks,
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

async function measure(seeded) {
  log('ANALYZE');
  sql('ANALYZE');
  const c = counts();
  const maraMyTasks = await filterId('mara', 'My tasks');
  const claraIntake = await filterId('clara', 'Intake and assignment');
  const claraMyTasks = await filterId('clara', 'My tasks');
  const year = new Date().getFullYear();
  let extra = 0;
  const rows = [
    await timed('GET /vom/figures (sam, the year)', async () =>
      (await ok('sam', 'GET', `/vom/figures?from=${year}-01-01&to=${year}-12-31`)).ms),
    await timed('Tasklist "My tasks", mediator (list + count)', () => tasklistRefresh('mara', maraMyTasks)),
    await timed('Tasklist filter list with counts, mediator (GET /filter?itemCount=true, as Tasklist polls it)', async () =>
      (await ok('mara', 'GET', '/engine-rest/filter?resourceType=Task&itemCount=true')).ms),
    await timed('Tasklist "My tasks", coordinator (list + count)', () => tasklistRefresh('clara', claraMyTasks)),
    await timed('Tasklist "Intake and assignment", coordinator (list + count)', () => tasklistRefresh('clara', claraIntake)),
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
    await timed('POST /api/referrals', async () => (await ok('policeapi', 'POST', '/api/referrals', referral(900000 + seeded + extra++))).ms)
  ];
  const plan = acquisitionPlan();
  return { seeded, counts: c, rows, plan, usesIndex: /vom_job_acquisition/.test(plan) };
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
      if (growth > MAX_GROWTH) problems.push(`${row.name}: median grew ${growth.toFixed(1)}x > ${MAX_GROWTH}x`);
    });
  }
  lines.push('');
  lines.push(problems.length ? `FAILED: ${problems.join('; ')}` : `PASSED: figures p95 ${figures.p95.toFixed(0)} ms ≤ ${FIGURES_MAX_MS} ms at ${last.counts.running} running cases; acquisition by index at every size; at most ${MAX_AUTH_PER_CASE} authorization rows per running case and none on closed cases; the task lists' medians grew at most ${MAX_GROWTH}x.`);
  fs.writeFileSync(REPORT, lines.join('\n') + '\n');
  return problems;
}

/**
 * BENCH_MEASURE_ONLY=1: measures the database as it is, once, without seeding (for a run whose seeding was paused,
 * e.g. with kill -STOP, when the next size would not be reached in the time there is).
 */
async function measureOnly() {
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
