// Crash safety, end to end (`npm run test:crash`, also run by .ci/run).
//
// 1. Starts a real PostgreSQL (embedded, or DATABASE_URL's server) and the compiled server as a child
//    process, sets up a campaign through the HTTP API, and has 16 concurrent clients submit reports.
// 2. Kills the server with SIGKILL mid-load (asserting that submissions were in flight), restarts it,
//    lets every client retry its unacknowledged submissions with the same Idempotency-Key, and checks
//    that every report that got a 201 is stored whole, none is partial, none is duplicated.
// 3. Restarts the database under load: the server must stay up, /health must report 503 then 200 and
//    submissions must resume.
// Traffic goes to 127.0.0.1 only. Every wait has a deadline and every request a timeout; a watchdog
// bounds the whole run. Exit code 0 only when every check passed; the child server, the database
// and the temporary folder are cleaned up on every path (failure, watchdog, SIGINT/SIGTERM).
import { ChildProcess, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { Client } from 'pg';
import sharp from 'sharp';
import { EmbeddedDatabase, ensureDatabase, freePort, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { inParallel } from './demo/http';

const CONCURRENCY = 16;
const SHOPPERS = 8;
const TOUCHPOINTS = 8;
const VISITS_PER_TOUCHPOINT = 12; // 96 assignments: 48 per phase
const JOBS_PER_PHASE = 48;
const ADMIN = { email: 'crash-admin@test.local', password: 'crash-admin-password' };
const QUESTION_KEYS = ['greeting', 'accuracy', 'closing'];
/** Hard limit for the whole run; a healthy run on a loaded 2-core machine takes well under half. */
const WATCHDOG_MS = 480_000;
const REQUEST_TIMEOUT_MS = 20_000;
const HEALTH_TIMEOUT_MS = 3_000;
const RETRY_PAUSE_MS = 150;
/** The cluster test's failed-login limit (LOGIN_MAX_ATTEMPTS), and the account it guesses at. */
const GUESS_LIMIT = 5;
const GUESSED_EMAIL = 'crash-shopper-7@test.local';

/** `cluster`: the two-instance test; anything else: the crash test. */
const MODE = process.argv[2] === 'cluster' ? 'cluster' : 'crash';
const TEST_NAME = MODE === 'cluster' ? 'cluster test' : 'crash test';
const started = Date.now();
let step = 'starting';

const sleep = (ms: number) =>
  new Promise<void>((done) => {
    setTimeout(done, ms);
  });

function log(message: string): void {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

function setStep(name: string): void {
  step = name;
  log(name);
}

class CheckFailed extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(`CHECK FAILED: ${message}`);
}

/** Rejects with a clear message when `promise` does not settle within `ms`. */
async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`TIMEOUT: ${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `condition` until it holds; throws `what` once `ms` have passed. */
async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string, pauseMs = 50): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() >= deadline) throw new Error(`TIMEOUT: ${what} (waited ${ms / 1000} s)`);
    await sleep(pauseMs);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The compiled server as a child process. */
class Server {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  /** Set when the server died without being asked to. */
  unexpectedExit?: string;
  private expectingExit = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    readonly baseUrl: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const entry = resolve(__dirname, '../dist/src/main.js');
    check(existsSync(entry), 'dist/src/main.js is missing: run `npm run build` first');
    check(!this.alive, 'the previous server process is still running');
    this.expectingExit = false;
    this.unexpectedExit = undefined;
    // stderr is forwarded, not inherited: a server orphaned by a hard kill of this script must not
    // hold the caller's pipe open (that is how an earlier version left CI waiting forever).
    const child = spawn(process.execPath, [entry], { env: this.env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.pipe(process.stderr, { end: false });
    this.child = child;
    this.exited = new Promise((done) => {
      child.once('exit', (code, signal) => {
        if (!this.expectingExit) this.unexpectedExit = `server exited unexpectedly (code ${code}, signal ${signal})`;
        done();
      });
    });
    await waitFor(
      async () => {
        if (this.unexpectedExit) throw new Error(`${this.unexpectedExit} while starting`);
        return (await health(this.baseUrl)) === 200;
      },
      timeoutMs,
      'server did not become healthy',
      200,
    );
  }

  async kill9(): Promise<void> {
    if (!this.child || !this.alive) return;
    this.expectingExit = true;
    this.child.kill('SIGKILL');
    await withDeadline(this.exited!, 10_000, 'waiting for the SIGKILLed server to exit');
  }

  /** SIGTERM (graceful), then SIGKILL if it does not exit in time. */
  async stop(): Promise<void> {
    if (!this.child || !this.alive) return;
    this.expectingExit = true;
    this.child.kill('SIGTERM');
    try {
      await withDeadline(this.exited!, 10_000, 'graceful server shutdown');
    } catch {
      log('server did not stop on SIGTERM within 10 s; sending SIGKILL');
      await this.kill9();
    }
  }

  /** Synchronous last resort for exit paths. */
  killNow(): void {
    if (this.child && this.alive) {
      this.expectingExit = true;
      this.child.kill('SIGKILL');
    }
  }
}

/** The embedded PostgreSQL, restartable on the same folder and port. */
class Database {
  private instance?: EmbeddedDatabase;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  url(name: string): string {
    check(this.instance, 'PostgreSQL is not running');
    return this.instance.urlFor(name);
  }

  /** The postmaster's pid, from the pid file it keeps while it runs. */
  private postmasterPid(): number | undefined {
    try {
      const pid = Number(readFileSync(join(this.dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  async start(): Promise<void> {
    // embedded-postgres waits for "ready to accept connections" with no deadline of its own.
    try {
      this.instance = await withDeadline(
        startEmbeddedPostgres({ databaseDir: this.dir, persistent: true, port: this.port }),
        90_000,
        'starting PostgreSQL',
      );
    } catch (error) {
      this.killNow();
      // embedded-postgres rejects with `undefined` when the server process exits early.
      throw error instanceof Error ? error : new Error('PostgreSQL exited while starting (see its log in the data folder)');
    }
  }

  /** Fast shutdown (what embedded-postgres's stop() sends), bounded; immediate shutdown if it hangs. */
  async stop(): Promise<void> {
    const instance = this.instance;
    this.instance = undefined;
    if (!instance) return;
    try {
      await withDeadline(instance.stop(), 30_000, 'stopping PostgreSQL');
    } catch (error) {
      log(`${(error as Error).message}; sending SIGQUIT`);
      this.killNow();
      const pid = this.postmasterPid();
      if (pid) await waitFor(() => !processAlive(pid), 10_000, 'PostgreSQL did not exit after SIGQUIT');
    }
  }

  /** Synchronous last resort: immediate shutdown of whatever postmaster holds the folder. */
  killNow(): void {
    const pid = this.postmasterPid();
    if (!pid || !processAlive(pid)) return;
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      return;
    }
    const deadline = Date.now() + 5_000;
    while (processAlive(pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

async function health(baseUrl: string): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

async function api<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), // covers reading the body too
  });
  const text = await response.text();
  let parsed: T;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text as T; // a proxy's or a dying server's non-JSON answer
  }
  return { status: response.status, body: parsed };
}

async function expectOk<T = any>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await promise;
  check(status >= 200 && status < 300, `${what}: HTTP ${status} ${JSON.stringify(body)}`);
  return body;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

interface Job {
  assignmentId: string;
  shopperToken: string;
  key: string;
  body: unknown;
  attempts: number;
  inFlight: boolean;
  /** The 201 answer, once one arrived. */
  acknowledged?: { id: string; score: number };
}

async function setUp(baseUrl: string): Promise<Job[]> {
  const admin = await expectOk(api(baseUrl, 'POST', '/auth/login', undefined, ADMIN), 'admin login');
  const token: string = admin.accessToken;
  const client = await expectOk(api(baseUrl, 'POST', '/clients', token, { name: 'Banco Crash' }), 'create client');
  // A one-day wave in a time zone where it is about noon now: open assignments past their window
  // expire, and visits cannot be reported in the future, so the window must hold now with hours of
  // margin either side, whatever the time of day the test runs at.
  const offsetHours = 12 - new Date().getUTCHours(); // -11 … +12
  const timeZone = offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`; // POSIX sign
  const localToday = isoDate(new Date(Date.now() + offsetHours * 3_600_000));
  const touchpointIds = await inParallel(Array.from({ length: TOUCHPOINTS }), 4, async (_, i) => {
    const touchpoint = await expectOk(
      api(baseUrl, 'POST', `/clients/${client.id}/touchpoints`, token, {
        name: `Oficina ${i + 1}`,
        channel: 'phone',
        region: 'Centro',
        timeZone,
      }),
      'create touchpoint',
    );
    return touchpoint.id as string;
  });
  const questionnaire = await expectOk(
    api(baseUrl, 'POST', '/questionnaires', token, {
      title: 'Crash test',
      language: 'es',
      sections: [
        {
          key: 'service',
          title: 'Atención',
          questions: [
            ...QUESTION_KEYS.map((key) => ({ key, text: `¿${key}?`, type: 'yes_no', maxPoints: 10, required: true })),
            { key: 'comment', text: 'Comentario', type: 'text', required: false },
          ],
        },
      ],
    }),
    'create questionnaire',
  );
  await expectOk(api(baseUrl, 'POST', `/questionnaires/${questionnaire.id}/publish`, token), 'publish questionnaire');
  const campaign = await expectOk(
    api(baseUrl, 'POST', '/campaigns', token, {
      clientId: client.id,
      questionnaireId: questionnaire.id,
      name: 'Oleada crash',
      startsOn: localToday,
      endsOn: localToday,
      touchpointIds,
      visitsPerTouchpoint: VISITS_PER_TOUCHPOINT,
      seed: 'crash',
    }),
    'create campaign',
  );
  await expectOk(api(baseUrl, 'POST', `/campaigns/${campaign.id}/activate`, token), 'activate campaign');
  const assignments: Array<{ id: string; windowStart: string; windowEnd: string }> = await expectOk(
    api(baseUrl, 'GET', `/assignments?campaignId=${campaign.id}&status=open&limit=500`, token),
    'list assignments',
  );
  check(assignments.length === 2 * JOBS_PER_PHASE, `expected ${2 * JOBS_PER_PHASE} open assignments, got ${assignments.length}`);

  const shoppers = await inParallel(Array.from({ length: SHOPPERS }), 4, async (_, i) => {
    const email = `crash-shopper-${i}@test.local`;
    const user = await expectOk(
      api(baseUrl, 'POST', '/users', token, { email, password: 'shopper-password', role: 'shopper', name: `Shopper ${i}` }),
      'create shopper',
    );
    const login = await expectOk(api(baseUrl, 'POST', '/auth/login', undefined, { email, password: 'shopper-password' }), 'shopper login');
    return { id: user.id as string, token: login.accessToken as string };
  });

  return inParallel(assignments, 4, async (assignment, index) => {
    const shopper = shoppers[index % shoppers.length];
    await expectOk(api(baseUrl, 'POST', `/assignments/${assignment.id}/assign`, token, { shopperId: shopper.id }), 'assign');
    const visitedAt = Date.now() - 60_000;
    const inWindow = new Date(assignment.windowStart).getTime() <= visitedAt && visitedAt < new Date(assignment.windowEnd).getTime();
    check(inWindow, `assignment ${assignment.id}'s window ${assignment.windowStart} .. ${assignment.windowEnd} does not hold now`);
    return {
      assignmentId: assignment.id,
      shopperToken: shopper.token,
      key: randomUUID(),
      attempts: 0,
      inFlight: false,
      body: {
        visitedAt: new Date(visitedAt).toISOString(),
        answers: [
          ...QUESTION_KEYS.map((questionKey, q) => ({ questionKey, value: (index + q) % 3 !== 0 })),
          { questionKey: 'comment', value: `Visita ${index}` },
        ],
        narrative: `Narrativa de la visita ${index}: me atendieron por teléfono.`,
      },
    };
  });
}

/** Counts of answers that a client retries: network errors (server down) and 5xx (database down). */
const retryable = { network: 0, serverError: 0 };

/**
 * Submits one job until it gets a 201; network errors, timeouts and 5xx are retried with the same key, on the
 * next instance in turn (as a load balancer would send them).
 */
async function submitUntilAnswered(baseUrls: string[], job: Job, deadline: number, stop: AbortSignal, index: number): Promise<void> {
  while (!stop.aborted) {
    check(Date.now() < deadline, `submission ${job.assignmentId} never got a 201 (${job.attempts} attempts)`);
    const baseUrl = baseUrls[(index + job.attempts) % baseUrls.length];
    job.attempts++;
    job.inFlight = true;
    try {
      const { status, body } = await api(baseUrl, 'POST', `/assignments/${job.assignmentId}/report`, job.shopperToken, job.body, {
        'Idempotency-Key': job.key,
      });
      if (status === 201) {
        check(
          typeof body?.id === 'string' && typeof body?.score === 'number',
          `submission ${job.assignmentId}: malformed 201 ${JSON.stringify(body)}`,
        );
        job.acknowledged = { id: body.id, score: body.score };
        return;
      }
      check(status >= 500, `submission ${job.assignmentId}: unexpected HTTP ${status} ${JSON.stringify(body)}`);
      retryable.serverError++;
    } catch (error) {
      if (error instanceof CheckFailed) throw error;
      retryable.network++; // connection refused/reset or timeout while the server is down: retry
    } finally {
      job.inFlight = false;
    }
    await sleep(RETRY_PAUSE_MS);
  }
}

/** Concurrent clients working through `jobs` in the background; a failure is kept for `finish()`. */
class Load {
  private failure?: unknown;
  private finished = false;
  private readonly settled: Promise<void>;
  private readonly abort = new AbortController();

  /** With several base URLs (instances behind a load balancer), clients take turns between them. */
  constructor(
    baseUrls: string | string[],
    readonly jobs: Job[],
    timeoutMs: number,
  ) {
    const deadline = Date.now() + timeoutMs;
    const urls = Array.isArray(baseUrls) ? baseUrls : [baseUrls];
    let next = 0;
    const run = Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < jobs.length && !this.abort.signal.aborted) {
          const index = next++;
          await submitUntilAnswered(urls, jobs[index], deadline, this.abort.signal, index);
        }
      }),
    );
    // Handled at once, so a failing client cannot become an unhandled rejection while we wait elsewhere.
    this.settled = run.then(
      () => void (this.finished = true),
      (error: unknown) => {
        this.failure = error;
        this.finished = true;
        this.abort.abort();
      },
    );
  }

  get acknowledged(): number {
    return this.jobs.filter((job) => job.acknowledged).length;
  }

  get inFlight(): number {
    return this.jobs.filter((job) => job.inFlight).length;
  }

  throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure as Error;
  }

  /** Waits until `count` submissions got a 201, failing fast if the clients failed. */
  async untilAcknowledged(count: number, ms: number): Promise<void> {
    await waitFor(
      () => {
        this.throwIfFailed();
        check(!this.finished || this.acknowledged >= count, 'the load finished early');
        return this.acknowledged >= count;
      },
      ms,
      `${count} of ${this.jobs.length} submissions acknowledged (got ${this.acknowledged})`,
      10,
    );
  }

  async finish(ms: number): Promise<void> {
    await withDeadline(this.settled, ms, `the clients finishing their ${this.jobs.length} submissions`);
    this.throwIfFailed();
  }

  cancel(): void {
    this.abort.abort();
  }
}

async function countReports(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, query_timeout: 30_000 });
  await db.connect();
  try {
    return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM visit_reports')).rows[0].n;
  } finally {
    await withDeadline(db.end(), 10_000, 'closing the counting connection').catch(() => undefined);
  }
}

/** Every submitted job is stored once, whole, as acknowledged; nothing else is stored. */
async function verifyStored(databaseUrl: string, jobs: Job[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, query_timeout: 30_000 });
  await db.connect();
  try {
    const reports = await db.query<{
      id: string;
      assignment_id: string;
      score: number;
      answers: string;
      sections: string;
      status: string;
      assignment_status: string;
    }>(
      `SELECT r.id, r.assignment_id, r.score, r.status, a.status AS assignment_status,
              (SELECT count(*) FROM visit_answers v WHERE v.visit_report_id = r.id) AS answers,
              (SELECT count(*) FROM visit_section_scores s WHERE s.visit_report_id = r.id) AS sections
         FROM visit_reports r JOIN assignments a ON a.id = r.assignment_id`,
    );
    const byAssignment = new Map(reports.rows.map((row) => [row.assignment_id, row]));
    check(reports.rows.length === byAssignment.size, 'two reports for one assignment');
    check(reports.rows.length === jobs.length, `${reports.rows.length} reports stored for ${jobs.length} acknowledged submissions`);
    for (const job of jobs) {
      check(job.acknowledged, `submission ${job.assignmentId} was never acknowledged`);
      const row = byAssignment.get(job.assignmentId);
      check(row, `acknowledged report of ${job.assignmentId} is missing`);
      check(row.id === job.acknowledged.id, `acknowledged id differs from the stored one for ${job.assignmentId}`);
      check(
        row.status === 'submitted' && row.assignment_status === 'submitted',
        `report ${row.id} is ${row.status}, its assignment ${row.assignment_status}`,
      );
      check(Number(row.answers) === QUESTION_KEYS.length + 1, `report ${row.id} has ${row.answers} answers (partial)`);
      check(Number(row.sections) === 1, `report ${row.id} has ${row.sections} section scores`);
      check(Math.abs(row.score - job.acknowledged.score) < 1e-9, `report ${row.id} score differs from the acknowledged one`);
    }
    const keys = await db.query<{ n: number; orphans: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.id IS NULL)::int AS orphans
         FROM idempotency_records i LEFT JOIN visit_reports r ON r.assignment_id = i.assignment_id`,
    );
    check(keys.rows[0].orphans === 0, 'an idempotency record without its report');
    check(keys.rows[0].n === jobs.length, `${keys.rows[0].n} idempotency records for ${jobs.length} submissions`);
  } finally {
    await withDeadline(db.end(), 10_000, 'closing the verification connection').catch(() => undefined);
  }
}

/** A fresh database on embedded PostgreSQL (or DATABASE_URL's server) in the cleanup's work folder. */
async function openDatabase(cleanup: Cleanup): Promise<string> {
  const workDir = mkdtempSync(join(tmpdir(), 'incognito-crash-'));
  cleanup.workDir = workDir;
  chmodSync(workDir, 0o755); // the embedded server runs as the `postgres` user when we are root

  let maintenanceUrl = process.env.DATABASE_URL;
  if (!maintenanceUrl) {
    setStep('starting embedded PostgreSQL');
    const database = new Database(join(workDir, 'pg'), await freePort());
    cleanup.database = database;
    await database.start();
    maintenanceUrl = database.url('postgres');
  }
  const databaseName = `incognito_crash_${Date.now()}`;
  await withDeadline(ensureDatabase(maintenanceUrl, databaseName), 30_000, 'creating the test database');
  const databaseUrl = new URL(maintenanceUrl);
  databaseUrl.pathname = `/${databaseName}`;
  return databaseUrl.toString();
}

/** An instance of the compiled server on a free port; instances of one test share the database and data folder. */
async function newServer(cleanup: Cleanup, databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const port = await freePort();
  const server = new Server(
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DATA_DIR: join(cleanup.workDir!, 'data'),
      JWT_SECRET: 'crash-test-secret-that-is-long-enough-123',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
      MAX_ACTIVE_ASSIGNMENTS: '1000',
      MAX_VISITS_PER_DAY: '1000',
      ROTATION_DAYS: '0',
      DB_POOL_SIZE: '10',
      ...env,
    },
    `http://127.0.0.1:${port}`,
  );
  cleanup.servers.push(server);
  return server;
}

async function main(cleanup: Cleanup): Promise<void> {
  const databaseUrl = new URL(await openDatabase(cleanup));
  const server = await newServer(cleanup, databaseUrl.toString());
  const baseUrl = server.baseUrl;

  setStep('starting the server');
  await server.start();
  setStep('setting up a campaign through the API');
  const jobs = await withDeadline(setUp(baseUrl), 90_000, 'setting up the campaign');
  const firstHalf = jobs.slice(0, JOBS_PER_PHASE);
  const secondHalf = jobs.slice(JOBS_PER_PHASE);

  // Phase 1: kill -9 the server mid-load, restart it, clients retry with their keys.
  setStep(`phase 1: ${CONCURRENCY} clients submitting ${firstHalf.length} reports`);
  const load = new Load(baseUrl, firstHalf, 120_000);
  cleanup.loads.push(load);
  await load.untilAcknowledged(firstHalf.length / 4, 60_000);
  const inFlightAtKill = load.inFlight;
  const unacknowledgedAtKill = firstHalf.length - load.acknowledged;
  const acknowledgedAtKill = load.acknowledged;
  const networkErrorsBefore = retryable.network;
  await server.kill9();
  log(
    `killed the server (SIGKILL): ${acknowledgedAtKill} acknowledged, ${inFlightAtKill} requests in flight, ${unacknowledgedAtKill} unacknowledged`,
  );
  check(inFlightAtKill > 0, 'no submission was in flight when the server was killed (the test would pass vacuously)');
  check(unacknowledgedAtKill > 0, 'every submission was acknowledged before the kill');
  // Committed but never answered: only a replay of the stored answer may acknowledge these.
  const committedUnanswered = (await countReports(databaseUrl.toString())) - acknowledgedAtKill;
  log(`${committedUnanswered} of the unacknowledged were already committed (their retries must get the stored answer)`);
  setStep('phase 1: restarting the server');
  await server.start();
  await load.finish(120_000);
  const retried = firstHalf.filter((job) => job.attempts > 1).length;
  check(retryable.network > networkErrorsBefore && retried > 0, 'no client had to retry after the kill');
  await verifyStored(databaseUrl.toString(), firstHalf);
  log(`phase 1 ok: ${firstHalf.length} submissions stored whole, none partial or duplicated (${retried} retried with their key)`);

  // Phase 2: restart the database under load.
  const database = cleanup.database;
  if (database) {
    setStep(`phase 2: ${CONCURRENCY} clients submitting ${secondHalf.length} reports`);
    const serverPid = server.pid;
    const load2 = new Load(baseUrl, secondHalf, 150_000);
    cleanup.loads.push(load2);
    await load2.untilAcknowledged(secondHalf.length / 4, 60_000);
    const inFlightAtStop = load2.inFlight;
    const failuresBefore = retryable.network + retryable.serverError;
    setStep(`phase 2: stopping PostgreSQL (${load2.acknowledged} acknowledged, ${inFlightAtStop} in flight)`);
    check(inFlightAtStop > 0, 'no submission was in flight when the database was stopped');
    await database.stop();
    await waitFor(async () => (await health(baseUrl)) === 503, 45_000, '/health did not report 503 while the database was down', 100);
    log('/health reports 503 with the database down');
    // Clients hit the outage and the server survives it.
    await waitFor(
      () => retryable.network + retryable.serverError > failuresBefore,
      20_000,
      'no submission failed while the database was down',
    );
    await sleep(1_000);
    check(server.alive && !server.unexpectedExit, `the server died while the database was down: ${server.unexpectedExit}`);
    load2.throwIfFailed();
    const acknowledgedBeforeRestart = load2.acknowledged;
    setStep('phase 2: starting PostgreSQL again');
    await database.start();
    await waitFor(async () => (await health(baseUrl)) === 200, 60_000, '/health did not come back to 200 after the database restart', 200);
    log('/health reports 200 again');
    await load2.finish(120_000);
    check(server.alive && server.pid === serverPid, 'the server died or was replaced during the database restart');
    check(load2.acknowledged > acknowledgedBeforeRestart, 'no submission was acknowledged after the database came back');
    await verifyStored(databaseUrl.toString(), jobs);
    log(
      `phase 2 ok: database restarted under load, /health went 503 → 200, ` +
        `${load2.acknowledged - acknowledgedBeforeRestart} submissions acknowledged after the restart, ${jobs.length} stored in all`,
    );
  } else {
    log('phase 2 skipped: DATABASE_URL names an external server this script cannot restart');
  }
  setStep('stopping');
}

/**
 * Two instances on one database and one data folder, clients alternating between them (`npm run
 * test:cluster`): submissions, one shared password-guess limit, evidence uploaded on one and downloaded
 * from the other, a report job started on one and fetched from the other, the assignment-expiry sweep
 * run once a minute for the cluster (not once per instance), then one instance killed under load:
 * nothing acknowledged lost or duplicated.
 */
async function cluster(cleanup: Cleanup): Promise<void> {
  const databaseUrl = await openDatabase(cleanup);
  const env = { LOGIN_MAX_ATTEMPTS: String(GUESS_LIMIT), JOB_POLLING_SECONDS: '1' };
  const [a, b] = [await newServer(cleanup, databaseUrl, env), await newServer(cleanup, databaseUrl, env)];
  // The first start migrates; a second instance then finds the schema current (see README, Deployment).
  setStep('starting instance A, then instance B on the same database');
  await a.start();
  await b.start();
  setStep('setting up a campaign through instance A');
  const jobs = await withDeadline(setUp(a.baseUrl), 90_000, 'setting up the campaign');
  const firstHalf = jobs.slice(0, JOBS_PER_PHASE);
  const secondHalf = jobs.slice(JOBS_PER_PHASE);

  setStep(`${CONCURRENCY} clients submitting ${firstHalf.length} reports, alternating between A and B`);
  const load = new Load([a.baseUrl, b.baseUrl], firstHalf, 120_000);
  cleanup.loads.push(load);
  await load.finish(120_000);
  await verifyStored(databaseUrl, firstHalf);
  log(`${firstHalf.length} submissions through both instances stored once each`);

  setStep(`guessing a password ${2 * GUESS_LIMIT} times, alternating between A and B`);
  const answers: number[] = [];
  for (let guess = 0; guess < 2 * GUESS_LIMIT; guess++) {
    const target = guess % 2 ? b : a;
    answers.push(
      (await api(target.baseUrl, 'POST', '/auth/login', undefined, { email: GUESSED_EMAIL, password: `wrong-${guess}` })).status,
    );
  }
  check(
    answers.slice(0, GUESS_LIMIT).every((status) => status === 401) && answers.slice(GUESS_LIMIT).every((status) => status === 429),
    `one limit of ${GUESS_LIMIT} guesses across both instances: got ${answers.join(' ')}`,
  );
  log(`password guesses: ${answers.join(' ')} (one limit for the cluster)`);

  setStep('evidence uploaded on A, downloaded from B');
  const job = firstHalf[0];
  const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a7bd5' } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'recibo.jpg');
  const uploaded = await fetch(`${a.baseUrl}/assignments/${job.assignmentId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${job.shopperToken}`, 'idempotency-key': randomUUID() },
    body: form,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const evidence = (await uploaded.json()) as { id: string };
  check(uploaded.status === 201, `evidence upload on A: HTTP ${uploaded.status} ${JSON.stringify(evidence)}`);
  const downloaded = await fetch(`${b.baseUrl}/evidence/${evidence.id}`, {
    headers: { authorization: `Bearer ${job.shopperToken}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const bytes = Buffer.from(await downloaded.arrayBuffer());
  check(downloaded.status === 200 && bytes.equals(photo), `evidence download on B: HTTP ${downloaded.status}, ${bytes.length} bytes`);
  log(`evidence ${evidence.id}: uploaded on A, the same ${bytes.length} bytes from B`);

  setStep('a report job started on A, followed and fetched on B');
  const admin = await expectOk(api(b.baseUrl, 'POST', '/auth/login', undefined, ADMIN), 'admin login on B');
  const adminToken: string = admin.accessToken;
  const campaignId = await campaignOf(databaseUrl, job.assignmentId);
  const started = await expectOk(
    api(a.baseUrl, 'POST', `/campaigns/${campaignId}/report-jobs`, adminToken, {
      format: 'pdf',
      lang: 'es',
      filters: { includeUnapproved: true },
    }),
    'start a report job on A',
  );
  const progress: number[] = [];
  await waitFor(
    async () => {
      const state = await expectOk(api(b.baseUrl, 'GET', `/report-jobs/${started.id}`, adminToken), 'report job state on B');
      progress.push(state.progress);
      check(state.state !== 'failed', `the report job failed: ${state.error}`);
      return state.state === 'done';
    },
    90_000,
    'the report job to be done',
    250,
  );
  const report = await fetch(`${b.baseUrl}/report-jobs/${started.id}/download`, {
    headers: { authorization: `Bearer ${adminToken}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const pdf = Buffer.from(await report.arrayBuffer());
  check(report.status === 200 && pdf.subarray(0, 5).toString() === '%PDF-', `report download on B: HTTP ${report.status}`);
  log(`report job ${started.id}: started on A, progress ${progress.join(' → ')} seen on B, ${pdf.length}-byte PDF from B`);

  setStep('the assignment-expiry sweep runs once per minute for the whole cluster (both instances up)');
  const sweeps = async () => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      return (
        await db.query<{ minute: string; runs: number }>(
          `SELECT date_trunc('minute', created_on)::text AS minute, count(*)::int AS runs
             FROM pgboss.job WHERE name = 'assignment-expiry' GROUP BY 1 ORDER BY 1`,
        )
      ).rows;
    } finally {
      await db.end();
    }
  };
  await waitFor(async () => (await sweeps()).length >= 2, 200_000, 'two minutes of scheduled expiry sweeps', 2_000);
  check(a.alive && b.alive, 'an instance died');
  const runs = await sweeps();
  check(
    runs.every((minute) => minute.runs === 1),
    `sweeps per minute: ${runs.map((minute) => `${minute.minute} ×${minute.runs}`).join(', ')}`,
  );
  log(`expiry sweeps: ${runs.map((minute) => `${minute.minute.slice(11, 16)} ×${minute.runs}`).join(', ')}`);
  setStep(`kill -9 instance A under load (${secondHalf.length} reports, clients alternating between A and B)`);
  const load2 = new Load([a.baseUrl, b.baseUrl], secondHalf, 150_000);
  cleanup.loads.push(load2);
  await load2.untilAcknowledged(secondHalf.length / 4, 60_000);
  const inFlightAtKill = load2.inFlight;
  await a.kill9();
  log(`killed A with ${load2.acknowledged} acknowledged and ${inFlightAtKill} in flight; clients retry on B`);
  check(inFlightAtKill > 0, 'no submission was in flight when A was killed');
  await load2.finish(150_000);
  check(b.alive, 'instance B died');
  await verifyStored(databaseUrl, jobs);
  log(`all ${jobs.length} acknowledged submissions stored once each, whole, none duplicated`);

  setStep('stopping');
}

async function campaignOf(databaseUrl: string, assignmentId: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<{ campaign_id: string }>('SELECT campaign_id FROM assignments WHERE id = $1', [assignmentId])).rows[0]
      .campaign_id;
  } finally {
    await db.end();
  }
}

/** What must be undone on every path out. */
interface Cleanup {
  workDir?: string;
  database?: Database;
  servers: Server[];
  loads: Load[];
}

async function cleanUp(cleanup: Cleanup): Promise<void> {
  for (const load of cleanup.loads) load.cancel();
  for (const server of cleanup.servers) await server.stop().catch((error: unknown) => log(`stopping a server: ${String(error)}`));
  await cleanup.database?.stop().catch((error: unknown) => log(`stopping PostgreSQL: ${String(error)}`));
  cleanUpNow(cleanup);
}

/** Synchronous, for process exit: nothing may outlive the script. */
function cleanUpNow(cleanup: Cleanup): void {
  for (const server of cleanup.servers) server.killNow();
  cleanup.database?.killNow();
  if (cleanup.workDir) {
    try {
      rmSync(cleanup.workDir, { recursive: true, force: true });
      cleanup.workDir = undefined;
    } catch (error) {
      process.stderr.write(`could not remove ${cleanup.workDir}: ${String(error)}\n`);
    }
  }
}

const cleanup: Cleanup = { servers: [], loads: [] };
let passed = false;
process.on('exit', () => cleanUpNow(cleanup));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`${TEST_NAME} interrupted by ${signal} during: ${step}\n`);
    process.exit(1);
  });
}
const watchdog = setTimeout(() => {
  process.stderr.write(`${TEST_NAME} FAILED: watchdog fired after ${WATCHDOG_MS / 1000} s during: ${step}\n`);
  process.exit(1);
}, WATCHDOG_MS);

(MODE === 'cluster' ? cluster(cleanup) : main(cleanup))
  .then(() => {
    passed = true;
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `${TEST_NAME} FAILED during: ${step}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  })
  .finally(async () => {
    await withDeadline(cleanUp(cleanup), 60_000, 'cleaning up').catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
    clearTimeout(watchdog);
    if (passed) log(`${TEST_NAME} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Exit explicitly: a leftover keep-alive socket must not keep the script (and CI) waiting.
    process.exit(passed ? 0 : 1);
  });
