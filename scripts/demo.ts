/// <reference path="../src/kpis/domain/jstat.d.ts" />
/// <reference path="../src/exports/pdf/svg-to-pdfkit.d.ts" />
// `npm run demo`: a realistic mystery-shopper program for a bank, made through the real API, then
// the second wave's PDF and Excel reports written to ./demo-output/.
//
// How it works
// - Database: DATABASE_URL when set; otherwise the same embedded PostgreSQL and data folder as
//   `npm start` (DATA_DIR, default ./.incognito, database "incognito"). When a `npm start` server is
//   running on that folder, its DATA_DIR/database-url file answers and the demo uses that database
//   instead of starting (and so stopping) its own server.
// - The application is the real one: createApp() in this process, listening on a free port of
//   127.0.0.1, driven over HTTP with fetch as any client would (login, JSON bodies, bearer tokens,
//   Idempotency-Key). Nothing is written to the database behind the API's back except the one step
//   described below.
// - What it makes: a consultant, 30 shoppers and a client user; the client "Banco Meridiano" with 12
//   branches in Madrid, Cataluña and Andalucía (opening hours), a phone line, an email inbox, a web
//   chat, WhatsApp, Facebook and X; the five ready-made questionnaires copied in Spanish (title
//   adjusted to the bank) and published; two waves of five campaigns each (a campaign points at one
//   questionnaire, and each template is written for its channels: branches ← in-store, WhatsApp +
//   Facebook + X ← social/WhatsApp, phone ← phone, email ← email, web chat ← web chat); 300 visits a
//   wave, answered from a seeded random per touchpoint "quality profile"; every report reviewed and
//   approved (about 3 % returned and resubmitted first, about 3 % corrected by the reviewer with a
//   reason); both waves closed.
// - Admin: ADMIN_EMAIL/ADMIN_PASSWORD when set; otherwise the in-process app gets demo values
//   (admin@demo.example / Demo-Admin-2026), which make the first admin of a new database. On a
//   database that already has users and no ADMIN_* given, the demo admin is created through
//   UsersService inside this process (the same service POST /users calls).
// - The omnichannel program "Calidad omnicanal 2026" (DOMAIN.md §5b): after wave 1 the consultant
//   groups its five campaigns into the program's first wave and the client's quality team agrees an
//   action plan on the omnichannel report's priorities (scripts/demo/program.ts, ACTION_PLAN); wave 2's
//   field work reflects it only in part (one item works, one helps a little, one was never done), then
//   wave 2 joins the program with wave 1 as its previous wave. The omnichannel report (PDF and Excel) of
//   wave 2 is written first, then each campaign's reports.
// - Field work in progress: a third branch wave, active for four weeks from today with its jobs left
//   open, and a shopper who has visited nothing yet (NEW_SHOPPER), so the shopper app has jobs to take.
// - Re-running: when the client "Banco Meridiano" exists, nothing is created (except the program, on a
//   database made before programs existed); the reports are written again.
//
// The time problem, and what this script does about it (honestly)
// The API refuses a report whose visitedAt is in the future or outside its assignment's window, and
// open jobs whose window has passed expire. A wave that lies in the past cannot be recorded through
// the API, and activation splits the period into consecutive windows (src/campaigns/domain/
// scheduling.ts), so in a period of several days only the window holding today could be visited.
// So:
// 1. Each wave is recorded today, through the API: its campaign period is a single day — today, or,
//    when today is a day the branches are closed (weekend), from their last open day to today, so
//    that each touchpoint has one window that contains now. Every job is assigned, and visitedAt is
//    its plannedAt when that has passed, else an open minute of the window before now.
// 2. "Back-dating the first wave, which the API cannot record in the past": AFTER wave 1 has been
//    recorded, approved and closed through the API, one SQL transaction moves the whole wave back
//    13 weeks (91 days, so weekdays and local opening hours are kept): every date and timestamp
//    column (found in information_schema) of the rows that belong to the wave — its campaigns
//    (period, created/activated/closed), assignments (window, plannedAt…), visit reports
//    (visitedAt, submittedAt, approvedAt…), report edits, alerts, idempotency records, and evidence
//    or appeals if there were any — shifted in Europe/Madrid wall-clock time (seedProgram and
//    backdateWave in scripts/demo/seeder.ts). Nothing else changes: answers, scores, review
//    decisions and who did what are exactly what the API stored.
//    Wave 2 is then recorded today, with previousCampaignId pointing at wave 1, and the 90-day
//    rotation rule is met naturally (the same shopper visits a touchpoint once a quarter).
// 3. Scheduling rules: with 30 shoppers and 300 visits in one day, each shopper makes about ten visits
//    that day, so the in-process app runs with MAX_VISITS_PER_DAY=12 (a documented setting; the
//    default is 3). Rotation (90 days) and max active assignments (5) are left at their defaults:
//    jobs are assigned round-robin and submitted right away, so nobody holds more than a few at once.
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { ensureJwtSecret } from '../src/config/jwt-secret';
import { ensureDatabase, freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';
import { UsersService } from '../src/users/users.service';
import { Api, ApiError } from './demo/http';
import { CAMPAIGNS, CLIENT_NAME, CLIENT_USER, CONSULTANT, PASSWORDS, SHOPPERS } from './demo/program';
import {
  ensureProgram,
  MAX_VISITS_PER_DAY,
  NEW_SHOPPER,
  openCurrentFieldwork,
  seedProgram,
  writeProgramReports,
  writeReports,
} from './demo/seeder';

const OUTPUT_DIR = resolve('demo-output');
const started = Date.now();

const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR || './.incognito');
  mkdirSync(dataDir, { recursive: true });
  process.env.JWT_SECRET ||= ensureJwtSecret(dataDir);

  const database = await openDatabase(dataDir);
  process.once('SIGINT', () => {
    process.stderr.write(`\nInterrupted: a half-made program stays in the database (${database.description}).\n`);
    void (database.embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  const adminFromEnv = Boolean(process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD);
  const admin = adminFromEnv
    ? { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! }
    : { email: 'admin@demo.example', password: PASSWORDS.admin };
  process.env.ADMIN_EMAIL = admin.email;
  process.env.ADMIN_PASSWORD = admin.password;
  process.env.LOG_LEVEL ||= 'warn';
  process.env.MAX_VISITS_PER_DAY = String(Math.max(MAX_VISITS_PER_DAY, Number(process.env.MAX_VISITS_PER_DAY) || 0));

  let app: NestFastifyApplication | undefined;
  try {
    app = await createApp();
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    const api = new Api(`http://127.0.0.1:${port}`);
    log(`Incognito started in this process on http://127.0.0.1:${port} (database: ${database.description})`);

    const adminToken = await adminLogin(api, app, admin, adminFromEnv);
    const clients = await api.get<Array<{ id: string; name: string }>>('/clients', adminToken);
    const existing = clients.find((client) => client.name === CLIENT_NAME);
    if (existing) {
      const campaigns = await api.get<Array<{ name: string; status: string }>>(`/campaigns?clientId=${existing.id}`, adminToken);
      if (
        campaigns.filter((campaign) => campaign.name.startsWith('Oleada 2 · ') && campaign.status === 'closed').length < CAMPAIGNS.length
      ) {
        throw new DemoError(
          `"${CLIENT_NAME}" exists but its second wave is incomplete: an earlier run of the demo was interrupted. ` +
            `Start over on a fresh database (${database.embedded ? `delete ${dataDir} with no server running` : 'an empty DATABASE_URL database'}).`,
        );
      }
      log(`"${CLIENT_NAME}" already exists: nothing is created again, the reports are written anew.`);
      await ensureProgram(api, existing.id, log);
      await writeProgramReports(api, OUTPUT_DIR, log);
      await writeReports(api, existing.id, OUTPUT_DIR, log);
      await openCurrentFieldwork(api, existing.id, log);
    } else {
      const clientId = await seedProgram({ api, adminToken, databaseUrl: database.url, log });
      await writeProgramReports(api, OUTPUT_DIR, log);
      await writeReports(api, clientId, OUTPUT_DIR, log);
      await openCurrentFieldwork(api, clientId, log);
    }
    printLogins(admin, adminFromEnv);
    log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s, ${api.requests} HTTP requests.`);
  } finally {
    if (app) await app.close();
    if (database.embedded) await database.embedded.stop();
  }
}

// ——— Database ———

interface OpenDatabase {
  url: string;
  description: string;
  embedded?: EmbeddedDatabase;
}

async function openDatabase(dataDir: string): Promise<OpenDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, description: 'DATABASE_URL' };
  const urlFile = join(dataDir, 'database-url');
  if (existsSync(urlFile)) {
    // A running `npm start` keeps its embedded server's URL here: use that server, do not start a second one.
    const url = readFileSync(urlFile, 'utf8').trim();
    if (await reachable(url)) {
      process.env.DATABASE_URL = url;
      return { url, description: `the embedded PostgreSQL of the running \`npm start\` (${urlFile})` };
    }
  }
  log(`Starting the embedded PostgreSQL in ${join(dataDir, 'postgres')} …`);
  const embedded = await startEmbeddedPostgres({ databaseDir: join(dataDir, 'postgres'), persistent: true });
  await ensureDatabase(embedded.urlFor('postgres'), 'incognito');
  process.env.DATABASE_URL = embedded.urlFor('incognito');
  return { url: process.env.DATABASE_URL, description: `embedded, ${join(dataDir, 'postgres')}`, embedded };
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ——— The admin ———

async function adminLogin(
  api: Api,
  app: NestFastifyApplication,
  admin: { email: string; password: string },
  fromEnv: boolean,
): Promise<string> {
  try {
    return (await api.login(admin.email, admin.password)).accessToken;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || fromEnv) {
      if (error instanceof ApiError && error.status === 401) {
        throw new DemoError(`ADMIN_EMAIL/ADMIN_PASSWORD do not log in to this database (${admin.email}).`);
      }
      throw error;
    }
  }
  // The database already had users (e.g. `npm start` made admin@incognito.local with a printed password),
  // so the first-admin bootstrap did not run: make the demo admin with the service POST /users uses.
  log(`This database already has users; creating the demo admin ${admin.email} through UsersService.`);
  try {
    await app
      .get(UsersService)
      .create(
        { id: '00000000-0000-0000-0000-000000000000', email: 'demo-seeder', role: 'admin', clientId: null, name: 'npm run demo' },
        { email: admin.email, password: admin.password, role: 'admin', name: 'Demo admin' },
      );
  } catch {
    throw new DemoError(
      `${admin.email} exists with another password. Run the demo with ADMIN_EMAIL and ADMIN_PASSWORD of an admin of this database.`,
    );
  }
  return (await api.login(admin.email, admin.password)).accessToken;
}

function printLogins(admin: { email: string; password: string }, fromEnv: boolean): void {
  const rows = [
    ['admin', admin.email, fromEnv ? '(your ADMIN_PASSWORD)' : admin.password],
    ['consultant', CONSULTANT.email, PASSWORDS.consultant],
    ['shopper (open jobs to take)', NEW_SHOPPER.email, PASSWORDS.shopper],
    ['shopper (any of 30, past visits)', SHOPPERS[0].email, PASSWORDS.shopper],
    ['client (Banco Meridiano)', CLIENT_USER.email, PASSWORDS.client],
  ];
  process.stdout.write(
    [
      '',
      `Open the web app: npm start, then http://localhost:${process.env.PORT || 3000} and sign in as the client:`,
      `  ${CLIENT_USER.email}  /  ${PASSWORDS.client}`,
      '',
      'Every login (the same for POST /auth/login; API docs at /docs):',
      ...rows.map(([role, email, password]) => `  ${role.padEnd(26)} ${email.padEnd(40)} ${password}`),
      `  (the other shoppers: GET /users?role=shopper as the consultant; all use the password ${PASSWORDS.shopper})`,
      `The omnichannel report and the second wave's campaign reports (PDF and Excel): ${OUTPUT_DIR}/`,
      '',
    ].join('\n'),
  );
}

/** A problem the user can fix, told without a stack trace. */
class DemoError extends Error {}

main().catch((error: unknown) => {
  const told = error instanceof DemoError || error instanceof ApiError;
  process.stderr.write(
    `\nThe demo failed: ${error instanceof Error ? (told ? error.message : (error.stack ?? error.message)) : String(error)}\n`,
  );
  process.exit(1);
});
