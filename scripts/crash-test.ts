// Crash safety, end to end (`npm run test:crash`, also run by .ci/run).
//
// 1. Starts a real PostgreSQL (embedded, or DATABASE_URL's server) and the compiled server as a child
//    process, sets up a campaign through the HTTP API, and has 16 concurrent shoppers submit reports.
// 2. Kills the server with SIGKILL mid-load, restarts it, lets every client retry its unacknowledged
//    submissions with the same Idempotency-Key, and checks that every report that got a 201 is stored
//    whole, none is partial, none is duplicated, and each retry got the original answer.
// 3. Restarts the database under load: the server must stay up, /health must report 503 then 200 and
//    submissions must resume.
// Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.
import { ChildProcess, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { Client } from 'pg';
import { EmbeddedDatabase, ensureDatabase, freePort, startEmbeddedPostgres } from '../src/database/embedded-postgres';

const CONCURRENCY = 16;
const TOUCHPOINTS = 8;
const VISITS_PER_TOUCHPOINT = 25; // 200 assignments
const ADMIN = { email: 'crash-admin@test.local', password: 'crash-admin-password' };
const QUESTION_KEYS = ['greeting', 'accuracy', 'closing'];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`CHECK FAILED: ${message}`);
}

class Server {
  private child?: ChildProcess;
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    readonly baseUrl: string,
  ) {}

  async start(): Promise<void> {
    const entry = resolve(__dirname, '../dist/src/main.js');
    check(existsSync(entry), 'dist/src/main.js is missing: run `npm run build` first');
    this.child = spawn(process.execPath, [entry], { env: this.env, stdio: ['ignore', 'ignore', 'inherit'] });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited with ${this.child.exitCode} while starting`);
      if ((await health(this.baseUrl)) === 200) return;
      await sleep(200);
    }
    throw new Error('server did not become healthy within 60 s');
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return Promise.resolve();
    return new Promise((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }

  stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return Promise.resolve();
    return new Promise((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }
}

async function health(baseUrl: string): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(3000) });
    return response.status;
  } catch {
    return 0;
  }
}

async function api<T = any>(baseUrl: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
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
  /** The 201 answer, once one arrived. */
  acknowledged?: { id: string; score: number };
}

async function setUp(baseUrl: string): Promise<Job[]> {
  const admin = await expectOk(api(baseUrl, 'POST', '/auth/login', undefined, ADMIN), 'admin login');
  const token: string = admin.accessToken;
  const client = await expectOk(api(baseUrl, 'POST', '/clients', token, { name: 'Banco Crash' }), 'create client');
  const touchpointIds: string[] = [];
  for (let i = 0; i < TOUCHPOINTS; i++) {
    const touchpoint = await expectOk(
      api(baseUrl, 'POST', `/clients/${client.id}/touchpoints`, token, { name: `Oficina ${i + 1}`, channel: 'phone', region: 'Centro' }),
      'create touchpoint',
    );
    touchpointIds.push(touchpoint.id);
  }
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
  const today = new Date();
  const campaign = await expectOk(
    api(baseUrl, 'POST', '/campaigns', token, {
      clientId: client.id,
      questionnaireId: questionnaire.id,
      name: 'Oleada crash',
      // A one-day wave: its windows are open now, so visits can be reported without lying about time.
      startsOn: isoDate(today),
      endsOn: isoDate(today),
      touchpointIds,
      visitsPerTouchpoint: VISITS_PER_TOUCHPOINT,
      seed: 'crash',
    }),
    'create campaign',
  );
  await expectOk(api(baseUrl, 'POST', `/campaigns/${campaign.id}/activate`, token), 'activate campaign');
  const assignments: Array<{ id: string; windowStart: string }> = await expectOk(
    api(baseUrl, 'GET', `/assignments?campaignId=${campaign.id}&status=open&limit=500`, token),
    'list assignments',
  );
  const visitable = assignments.filter((a) => new Date(a.windowStart).getTime() < Date.now() - 120_000);
  check(visitable.length >= 64, `expected at least 64 assignments open now, got ${visitable.length} of ${assignments.length}`);

  const shoppers: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const email = `crash-shopper-${i}@test.local`;
    const user = await expectOk(api(baseUrl, 'POST', '/users', token, { email, password: 'shopper-password', role: 'shopper', name: `Shopper ${i}` }), 'create shopper');
    const login = await expectOk(api(baseUrl, 'POST', '/auth/login', undefined, { email, password: 'shopper-password' }), 'shopper login');
    shoppers.push({ id: user.id, token: login.accessToken });
  }

  const jobs: Job[] = [];
  for (const [index, assignment] of visitable.entries()) {
    const shopper = shoppers[index % shoppers.length];
    await expectOk(api(baseUrl, 'POST', `/assignments/${assignment.id}/assign`, token, { shopperId: shopper.id }), 'assign');
    const visitedAt = new Date(Date.now() - 60_000).toISOString();
    jobs.push({
      assignmentId: assignment.id,
      shopperToken: shopper.token,
      key: randomUUID(),
      body: {
        visitedAt,
        answers: [...QUESTION_KEYS.map((questionKey, q) => ({ questionKey, value: (index + q) % 3 !== 0 })), { questionKey: 'comment', value: `Visita ${index}` }],
        narrative: `Narrativa de la visita ${index}: me atendieron por teléfono.`,
      },
    });
  }
  return jobs;
}

/** Submits one job until it gets a final answer; network errors and 5xx are retried with the same key. */
async function submitUntilAnswered(baseUrl: string, job: Job, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const { status, body } = await api(baseUrl, 'POST', `/assignments/${job.assignmentId}/report`, job.shopperToken, job.body, { 'Idempotency-Key': job.key });
      if (status === 201) {
        if (job.acknowledged) check(job.acknowledged.id === body.id, `retry of ${job.assignmentId} answered another visit id`);
        job.acknowledged = { id: body.id, score: body.score };
        return;
      }
      check(status >= 500 || status === 503, `submission ${job.assignmentId}: unexpected HTTP ${status} ${JSON.stringify(body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('CHECK FAILED')) throw error;
      // connection refused/reset while the server or database is down: retry
    }
    await sleep(100);
  }
  throw new Error(`submission ${job.assignmentId} never got an answer`);
}

async function runWorkers(baseUrl: string, jobs: Job[], deadline: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        await submitUntilAnswered(baseUrl, job, deadline);
      }
    }),
  );
}

async function verifyStored(databaseUrl: string, jobs: Job[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const reports = await db.query<{ id: string; assignment_id: string; score: number; answers: string; sections: string; status: string }>(
      `SELECT r.id, r.assignment_id, r.score, r.status,
              (SELECT count(*) FROM visit_answers a WHERE a.visit_report_id = r.id) AS answers,
              (SELECT count(*) FROM visit_section_scores s WHERE s.visit_report_id = r.id) AS sections
         FROM visit_reports r`,
    );
    const byAssignment = new Map(reports.rows.map((row) => [row.assignment_id, row]));
    check(reports.rows.length === byAssignment.size, 'two reports for one assignment');
    for (const job of jobs.filter((j) => j.acknowledged)) {
      const row = byAssignment.get(job.assignmentId);
      check(row, `acknowledged report of ${job.assignmentId} is missing`);
      check(row.id === job.acknowledged!.id, `acknowledged id differs from the stored one for ${job.assignmentId}`);
      check(Number(row.answers) === QUESTION_KEYS.length + 1, `report ${row.id} has ${row.answers} answers (partial)`);
      check(Number(row.sections) === 1, `report ${row.id} has ${row.sections} section scores`);
      check(Math.abs(row.score - job.acknowledged!.score) < 1e-9, `report ${row.id} score differs from the acknowledged one`);
    }
    const orphans = await db.query(`SELECT count(*)::int AS n FROM idempotency_records i LEFT JOIN visit_reports r ON r.assignment_id = i.assignment_id WHERE r.id IS NULL`);
    check(orphans.rows[0].n === 0, 'an idempotency record without its report');
    const statuses = await db.query(`SELECT count(*)::int AS n FROM assignments a JOIN visit_reports r ON r.assignment_id = a.id WHERE a.status <> 'submitted'`);
    check(statuses.rows[0].n === 0, 'a stored report whose assignment is not submitted');
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'incognito-crash-'));
  chmodSync(workDir, 0o755); // the embedded server runs as the `postgres` user when we are root
  let database: EmbeddedDatabase | undefined;
  let databasePort = 0;
  let maintenanceUrl = process.env.DATABASE_URL;
  if (!maintenanceUrl) {
    databasePort = await freePort();
    database = await startEmbeddedPostgres({ databaseDir: join(workDir, 'pg'), persistent: true, port: databasePort });
    maintenanceUrl = database.urlFor('postgres');
  }
  const databaseName = `incognito_crash_${Date.now()}`;
  await ensureDatabase(maintenanceUrl, databaseName);
  const databaseUrl = new URL(maintenanceUrl);
  databaseUrl.pathname = `/${databaseName}`;

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = new Server(
    {
      ...process.env,
      DATABASE_URL: databaseUrl.toString(),
      PORT: String(port),
      DATA_DIR: join(workDir, 'data'),
      JWT_SECRET: 'crash-test-secret-that-is-long-enough-123',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
      MAX_ACTIVE_ASSIGNMENTS: '1000',
      MAX_VISITS_PER_DAY: '1000',
      ROTATION_DAYS: '0',
      DB_POOL_SIZE: '10',
    },
    baseUrl,
  );
  try {
    await server.start();
    const jobs = await setUp(baseUrl);
    const firstHalf = jobs.slice(0, jobs.length / 2);
    const secondHalf = jobs.slice(jobs.length / 2);

    // Phase 1: kill -9 the server mid-load, restart it, clients retry with their keys.
    const deadline = Date.now() + 120_000;
    const load = runWorkers(baseUrl, firstHalf, deadline);
    while (firstHalf.filter((job) => job.acknowledged).length < firstHalf.length / 4 && Date.now() < deadline) await sleep(20);
    const acknowledgedBeforeKill = firstHalf.filter((job) => job.acknowledged).length;
    await server.kill9();
    process.stdout.write(`killed the server (SIGKILL) after ${acknowledgedBeforeKill} acknowledged submissions\n`);
    await sleep(500);
    await server.start();
    await load;
    await verifyStored(databaseUrl.toString(), firstHalf);
    process.stdout.write(`phase 1 ok: ${firstHalf.length} submissions stored whole, none partial or duplicated\n`);

    // Phase 2: restart the database under load.
    if (database) {
      const load2 = runWorkers(baseUrl, secondHalf, Date.now() + 120_000);
      while (secondHalf.filter((job) => job.acknowledged).length < secondHalf.length / 4) await sleep(20);
      await database.stop();
      let sawNotReady = false;
      for (let i = 0; i < 50 && !sawNotReady; i++) {
        sawNotReady = (await health(baseUrl)) === 503;
        if (!sawNotReady) await sleep(100);
      }
      check(sawNotReady, '/health did not report 503 while the database was down');
      check(server.alive, 'the server died while the database was down');
      database = await startEmbeddedPostgres({ databaseDir: join(workDir, 'pg'), persistent: true, port: databasePort });
      let ready = false;
      for (let i = 0; i < 150 && !ready; i++) {
        ready = (await health(baseUrl)) === 200;
        if (!ready) await sleep(200);
      }
      check(ready, '/health did not come back to 200 after the database restart');
      await load2;
      check(server.alive, 'the server died during the database restart');
      await verifyStored(databaseUrl.toString(), secondHalf);
      process.stdout.write(`phase 2 ok: database restarted under load, /health went 503 → 200, ${secondHalf.length} submissions stored\n`);
    } else {
      process.stdout.write('phase 2 skipped: DATABASE_URL names an external server this script cannot restart\n');
    }
    await verifyStored(databaseUrl.toString(), jobs);
    process.stdout.write(`crash test passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await server.stop();
    await database?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
