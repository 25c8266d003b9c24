// The shopper's phone (375 × 812) in Chromium: the job board and claiming, my visits by state, the visit
// form with every question type, show-if live, the draft surviving a reload, a report sent offline and
// over a flaky network stored exactly once with the API's score, a 422 on its question, an evidence
// upload cut off and retried stored once, a returned report corrected and sent again.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { login } from '../factories/users.factory';
import { describeWeb } from './browser';
import { expectAccessible, fillSignIn, pageErrors, startWebApp, WebTestContext } from './harness';
import { brochurePhoto, completeAnswers, seedShopperApp, type ShopperAccount, type ShopperSeed } from './shopper-seed';

const PHONE = { width: 375, height: 812 };

describeWeb('web: the shopper app', () => {
  let ctx: WebTestContext;
  let seed: ShopperSeed;

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedShopperApp(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    // Going offline on purpose makes Chromium log the requests it could not make; nothing else may appear.
    expect(pageErrors.splice(0).filter((error) => !/net::ERR_(INTERNET_DISCONNECTED|FAILED|NETWORK_CHANGED)/.test(error))).toEqual([]);
  });

  const openAs = async (account: ShopperAccount, path: string): Promise<Page> => {
    const page = await ctx.newPage({ viewport: PHONE });
    await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
    await fillSignIn(page, account);
    await page.waitForURL((url) => url.pathname === path);
    return page;
  };
  const openForm = async (assignmentId: string, page?: Page): Promise<Page> => {
    const opened = page ?? (await openAs(seed.shopper, `/shopper/visits/${assignmentId}`));
    if (page) await page.goto(`/shopper/visits/${assignmentId}`);
    await opened.getByTestId('visit-form').waitFor();
    return opened;
  };
  const question = (page: Page, key: string): Locator => page.locator(`[data-question="${key}"]`);
  const attachPhoto = async (page: Page, key: string, shade: number) => {
    await question(page, key)
      .locator('input[data-kind="photo"]')
      .setInputFiles({ name: `brochure-${shade}.png`, mimeType: 'image/png', buffer: await brochurePhoto(shade) });
  };
  /** The report was stored; a refusal instead fails with what the form says. */
  const waitSent = async (page: Page, timeout = 15_000) => {
    await page
      .locator('[data-testid="sent"], [data-testid="refusal"], [data-testid="missing"]')
      .first()
      .waitFor({ timeout })
      .catch(async (error: Error) => {
        const status = await page
          .getByTestId('send-status')
          .innerText()
          .catch(() => '(no status)');
        throw new Error(`${error.message}\nsend status: ${status}`);
      });
    for (const what of ['refusal', 'missing']) {
      if (await page.getByTestId(what).count()) throw new Error(`${what}: ${await page.getByTestId(what).innerText()}`);
    }
  };
  const waitUploaded = (page: Page, key: string) =>
    question(page, key).locator('[data-evidence]:not([data-evidence=""])').first().waitFor();
  interface StoredReport {
    id: string;
    score: string | null;
    version: number;
    status: string;
  }
  const reportsOf = (assignmentId: string) =>
    ctx.db.query<StoredReport[]>(`SELECT id, score, version, status FROM visit_reports WHERE assignment_id = $1`, [assignmentId]);
  const answersOf = async (reportId: string) => {
    const rows = await ctx.db.query<Array<{ question_key: string; value: unknown; na: boolean }>>(
      `SELECT question_key, value, na FROM visit_answers WHERE visit_report_id = $1`,
      [reportId],
    );
    return Object.fromEntries(rows.map((row) => [row.question_key, row.na ? 'N/A' : row.value]));
  };

  /** Answers every question as completeAnswers() does, through the form. */
  const fillComplete = async (page: Page) => {
    await question(page, 'greeted').getByRole('radio', { name: 'Yes' }).check();
    await question(page, 'wait')
      .getByRole('textbox', { name: /How long did you wait/ })
      .fill('03:20');
    await question(page, 'courtesy').getByRole('radio', { name: '4' }).check();
    await question(page, 'offer').getByRole('radio', { name: 'A personal loan' }).check();
    await question(page, 'explained').getByRole('checkbox', { name: 'The yearly fee' }).check();
    await question(page, 'staff').getByRole('textbox').fill('2');
    await question(page, 'callback')
      .getByRole('checkbox', { name: /Not applicable/ })
      .check();
    await question(page, 'comment').getByRole('textbox').fill('The branch was busy but tidy.');
    await attachPhoto(page, 'photo', 1);
    await waitUploaded(page, 'photo');
  };

  it('fills every question type, sends offline and over a flaky network, and the report is stored once with the API’s score', async () => {
    const assignmentId = seed.todo.full;
    const page = await openForm(assignmentId);
    const context: BrowserContext = page.context();
    // Every type is on the screen: yes/no, duration, scale, single and multiple choice, number, date-time, evidence, text.
    const types = await page.$$eval('[data-question]', (nodes) => nodes.map((node) => node.getAttribute('data-type')));
    expect(new Set(types)).toEqual(
      new Set(['yes_no', 'duration', 'scale', 'single_choice', 'multi_choice', 'number', 'datetime', 'evidence', 'text']),
    );
    expect(await question(page, 'why_nothing').count()).toBe(0); // shown only when nothing was offered
    await expect(page.getByLabel(/When did the visit take place/).inputValue()).resolves.not.toBe(''); // now, inside the window
    await expect(question(page, 'comment').innerText()).resolves.toContain('At least 10 characters (0 so far)');
    await expectAccessible(page);

    // The stopwatch times the wait; typing mm:ss then corrects it.
    await question(page, 'wait')
      .getByRole('button', { name: /Start stopwatch/ })
      .click();
    await page.waitForTimeout(1100);
    await question(page, 'wait')
      .getByRole('button', { name: /Stop stopwatch/ })
      .click();
    expect(await question(page, 'wait').getByRole('textbox').inputValue()).toMatch(/^00:0[12]$/);
    await fillComplete(page);
    await page.getByLabel('Narrative').fill('A calm visit; the employee explained the yearly fee.');
    await expectAccessible(page);

    // Offline: the shopper sends; the form says it will go when back online, and the phone keeps it through a reload.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.locator('[data-testid="send-status"][data-state="queued-offline"]').waitFor();
    await expect(page.getByTestId('send-status').innerText()).resolves.toContain('will be sent as soon as you are back online');
    await page.reload().catch(() => undefined); // no network: Chromium's own error page
    // Back online, over a flaky network: the first request reaches the server but its answer is lost.
    let reportRequests = 0;
    await page.route(`**/assignments/${assignmentId}/report`, async (route) => {
      reportRequests += 1;
      if (reportRequests === 1) {
        await route.fetch(); // stored by the server…
        await route.abort('failed'); // …but the phone never hears back, and retries with the same key
      } else await route.continue();
    });
    await context.setOffline(false);
    await page.goto(`/shopper/visits/${assignmentId}`);
    await waitSent(page);
    expect(reportRequests).toBe(2);

    const reports = await reportsOf(assignmentId);
    expect(reports).toHaveLength(1);
    const stored = Object.fromEntries(Object.entries(await answersOf(reports[0].id)).filter(([, value]) => value !== null)); // unanswered: stored as null
    const photoId = (stored.photo as string[] | string) && [stored.photo].flat()[0];
    expect(stored).toEqual({
      greeted: true,
      wait: 200,
      courtesy: 4,
      offer: 'loan',
      explained: ['fee'],
      staff: 2,
      callback: 'N/A',
      photo: [photoId],
      comment: 'The branch was busy but tidy.',
    });
    // The same answers sent straight to the API (another visit of the same place) score the same.
    const shopper = await login(ctx.http, seed.shopper.email, seed.shopper.password);
    const upload = await ctx.http
      .post(`/assignments/${seed.todo.twin}/evidence`)
      .set(shopper.auth)
      .attach('file', await brochurePhoto(40), { filename: 'twin.png', contentType: 'image/png' })
      .expect(201);
    const answers = completeAnswers(upload.body.id).concat({ questionKey: 'callback', na: true });
    const twin = await ctx.http
      .post(`/assignments/${seed.todo.twin}/report`)
      .set(shopper.auth)
      .set('Idempotency-Key', `twin-${seed.todo.twin}`)
      .send({ visitedAt: new Date().toISOString(), answers })
      .expect(201);
    expect(twin.body.score).not.toBeNull();
    expect(Number(reports[0].score)).toBeCloseTo(twin.body.score as number, 6);
  }, 60_000);

  it('keeps the draft through a reload, and shows or hides questions live with the server’s show-if', async () => {
    const page = await openForm(seed.todo.draft);
    await question(page, 'greeted').getByRole('radio', { name: 'No' }).check();
    await question(page, 'offer').getByRole('radio', { name: 'Nothing' }).check();
    const why = question(page, 'why_nothing').getByRole('textbox');
    await why.fill('They said the manager was out.');
    await question(page, 'wait')
      .getByRole('button', { name: /Start stopwatch/ })
      .click();
    await page.getByLabel('Narrative').fill('Half-written narrative');
    await page.getByTestId('saved-at').waitFor();
    await page.waitForTimeout(300); // IndexedDB writes are asynchronous

    await page.reload();
    await page.getByTestId('visit-form').waitFor();
    expect(await question(page, 'greeted').getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    expect(await question(page, 'offer').getByRole('radio', { name: 'Nothing' }).isChecked()).toBe(true);
    expect(await question(page, 'why_nothing').getByRole('textbox').inputValue()).toBe('They said the manager was out.');
    expect(await page.getByLabel('Narrative').inputValue()).toBe('Half-written narrative');
    await question(page, 'wait').getByRole('timer').waitFor(); // the stopwatch kept running

    await question(page, 'offer').getByRole('radio', { name: 'A credit card' }).check();
    await question(page, 'why_nothing').waitFor({ state: 'detached' });
    await question(page, 'offer').getByRole('radio', { name: 'Nothing' }).check();
    expect(await question(page, 'why_nothing').getByRole('textbox').inputValue()).toBe('They said the manager was out.');
  });

  it('puts the API’s 422 on the question it names', async () => {
    const page = await openForm(seed.todo.invalid);
    await fillComplete(page);
    await question(page, 'offer').getByRole('radio', { name: 'Nothing' }).check();
    await question(page, 'why_nothing').getByRole('textbox').fill('Too short'); // fewer than 20 characters
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByTestId('refusal').waitFor();
    expect(await page.getByTestId('refusal').getAttribute('data-code')).toBe('ANSWERS_INVALID');
    await expect(question(page, 'why_nothing').getAttribute('data-problem')).resolves.toBe('yes');
    await expect(question(page, 'why_nothing').getByRole('alert').innerText()).resolves.toContain('fewer than the required 20');
    expect(await page.locator('[data-problem="yes"]').count()).toBe(1);
    expect(await reportsOf(seed.todo.invalid)).toHaveLength(0);
    await expectAccessible(page);

    // Corrected, the same draft (and key) is accepted.
    await question(page, 'why_nothing').getByRole('textbox').fill('The only employee was busy on the phone.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await waitSent(page);
    expect(await reportsOf(seed.todo.invalid)).toHaveLength(1);
  });

  it('retries an evidence upload that was cut off, and the file is stored once', async () => {
    const page = await openForm(seed.todo.evidence);
    let uploads = 0;
    await page.route(`**/assignments/${seed.todo.evidence}/evidence`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      uploads += 1;
      if (uploads === 1) {
        await route.fetch(); // the server stores it…
        await route.abort('failed'); // …and the answer is lost
      } else await route.continue();
    });
    await attachPhoto(page, 'photo', 2);
    await question(page, 'photo').getByText('Upload failed.').waitFor();
    await question(page, 'photo').getByRole('button', { name: 'Retry upload' }).click();
    await waitUploaded(page, 'photo');
    await question(page, 'photo')
      .getByRole('img', { name: /brochure-2\.png/ })
      .waitFor();
    expect(uploads).toBe(2);
    const files = await ctx.db.query(`SELECT id FROM evidence_files WHERE assignment_id = $1`, [seed.todo.evidence]);
    expect(files).toHaveLength(1);
    expect(await question(page, 'photo').locator('[data-evidence]').getAttribute('data-evidence')).toBe(files[0].id);
  });

  it('shows the job board, claims a job, and says in words why another cannot be claimed', async () => {
    const page = await openAs(seed.claimer, '/shopper');
    const board = page.getByTestId('job-board');
    await board.locator('[data-job]').first().waitFor();
    expect(await board.locator('[data-job]').count()).toBe(seed.openJobs.length);
    const first = board.locator(`[data-job="${seed.openJobs[0].id}"]`);
    await expect(first.innerText()).resolves.toMatch(
      /Oficina Gran Vía[\s\S]*In person[\s\S]*Madrid[\s\S]*Window[\s\S]*Credit card cost[\s\S]*Ask what a credit card costs[\s\S]*Fee: €30\.00/i,
    );
    await expectAccessible(page);

    await first.getByRole('button', { name: /Claim/ }).click();
    await page.getByTestId('claimed').waitFor();
    expect((await ctx.db.query(`SELECT shopper_id FROM assignments WHERE id = $1`, [seed.openJobs[0].id]))[0].shopper_id).toBe(
      seed.claimer.id,
    );

    // The same place again breaks the rotation rule: said in words, from the 409's code.
    const again = board.locator(`[data-job="${seed.openJobs[3].id}"]`);
    await again.getByRole('button', { name: /Claim/ }).click();
    await again.getByTestId('claim-refused').waitFor();
    expect(await again.getByTestId('claim-refused').getAttribute('data-code')).toBe('ROTATION_RULE');
    await expect(again.getByTestId('claim-refused').innerText()).resolves.toMatch(
      /You visited this place too recently \(rotation rule\)[\s\S]*rotation period/,
    );

    // Someone else is quicker for another job: it is gone, and the board says so.
    const rival = await login(ctx.http, seed.rival.email, seed.rival.password);
    await ctx.http.post(`/assignments/${seed.openJobs[1].id}/claim`).set(rival.auth).expect(200);
    const taken = board.locator(`[data-job="${seed.openJobs[1].id}"]`);
    await taken.getByRole('button', { name: /Claim/ }).click();
    await taken.getByTestId('claim-refused').waitFor();
    await expect(taken.getByTestId('claim-refused').innerText()).resolves.toContain('no longer on the board');
    await expectAccessible(page);
  });

  it('lists my visits by state with the reviewer’s comment and fees, and corrects a returned report', async () => {
    const page = await openAs(seed.shopper, '/shopper/visits');
    await page.getByTestId('my-visits').waitFor();
    const group = (name: string) => page.locator(`section[data-group="${name}"]`);
    await group('returned').getByTestId('return-comment').waitFor();
    await expect(group('returned').getByTestId('return-comment').innerText()).resolves.toContain(seed.returned.comment);
    expect(await group('submitted').locator(`[data-assignment="${seed.submitted.assignmentId}"]`).count()).toBe(1);
    // What the approved visit earned is the fee ledger's (GET /shoppers/:id/statement), in its currency.
    const shopperSession = await login(ctx.http, seed.shopper.email, seed.shopper.password);
    const statement = (await ctx.http.get(`/shoppers/${seed.shopper.id}/statement?from=2020-01-01`).set(shopperSession.auth).expect(200))
      .body as {
      currency: string;
      items: Array<{ visitReportId: string; amountCents: number }>;
    };
    const approvedCents = statement.items
      .filter((item) => item.visitReportId === seed.approved.reportId)
      .reduce((sum, item) => sum + item.amountCents, 0);
    expect(approvedCents).toBeGreaterThan(0);
    const euros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: statement.currency }).format(approvedCents / 100);
    await expect(
      group('approved').locator(`[data-assignment="${seed.approved.assignmentId}"]`).getByTestId('amount').innerText(),
    ).resolves.toBe(`Earned ${euros}, to be paid`);
    await expect(page.getByTestId('earned-total').innerText()).resolves.toContain(euros);
    await expectAccessible(page);

    const [before] = await reportsOf(seed.returned.assignmentId);
    expect(before.status).toBe('returned');
    await group('returned')
      .getByRole('link', { name: /Correct and resend/ })
      .click();
    await page.getByTestId('visit-form').waitFor();
    await expect(page.getByTestId('returned').innerText()).resolves.toContain(seed.returned.comment);
    // The form holds what was sent.
    expect(await question(page, 'greeted').getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await question(page, 'wait').getByRole('textbox').inputValue()).toBe('03:20');
    expect(await question(page, 'explained').getByRole('checkbox', { name: 'The yearly fee' }).isChecked()).toBe(true);
    await waitUploaded(page, 'photo');
    await question(page, 'wait').getByRole('textbox').fill('01:30');
    await question(page, 'explained').getByRole('checkbox', { name: 'The interest rate' }).check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await waitSent(page);
    const [report] = await reportsOf(seed.returned.assignmentId);
    expect(report).toMatchObject({ id: seed.returned.reportId, version: before.version + 1, status: 'submitted' });
    const stored = await answersOf(report.id);
    expect(stored.wait).toBe(90);
    expect(stored.explained).toEqual(['fee', 'interest']);
  });
});
