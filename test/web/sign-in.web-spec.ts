// Sign-in and sign-out in Chromium against the real server and its built web app.
import { describeWeb } from './browser';
import { expectAccessible, fillSignIn, pageErrors, signIn, startWebApp, WebTestContext } from './harness';
import { PortalSeed, seedPortal } from './seed';

describeWeb('web: sign-in', () => {
  let ctx: WebTestContext;
  let seed: PortalSeed;

  beforeAll(async () => {
    ctx = await startWebApp();
    seed = await seedPortal(ctx, { visitsPerTouchpoint: 1, previousVisitsPerTouchpoint: 1 });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('signs a client in, keeps the token in the tab only, and signs out', async () => {
    const page = await ctx.newPage();
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await expectAccessible(page);
    await signIn(page, seed.clientUser);
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    await page.getByRole('link', { name: seed.campaignName }).waitFor();

    const storage = await page.evaluate(() => ({ session: sessionStorage.getItem('incognito.session'), cookies: document.cookie }));
    expect(JSON.parse(storage.session!).user.email).toBe(seed.clientUser.email);
    expect(storage.cookies).toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText('You have signed out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('incognito.session'))).toBeNull();
    // A signed-out tab cannot go back into the portal.
    await page.goto('/portal');
    await page.waitForURL(/\/sign-in\?next=%2Fportal/);
  });

  it('returns to sign-in with a message when the token has expired', async () => {
    const page = await ctx.newPage();
    await signIn(page, seed.clientUser);
    await page.getByRole('link', { name: seed.campaignName }).waitFor();
    // What the server says to an expired token (a 401) is what it says to any token it no longer accepts.
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('incognito.session')!);
      sessionStorage.setItem('incognito.session', JSON.stringify({ ...session, accessToken: `${session.accessToken}x` }));
    });
    await page.reload();
    await page.waitForURL(/\/sign-in/);
    await page.getByTestId('session-expired').getByText('Your session has expired. Sign in again to continue.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('incognito.session'))).toBeNull();
    // Signing in again goes back where the user was.
    await fillSignIn(page, seed.clientUser);
    await page.waitForURL(/\/portal/);
  });

  it('says when to try again after too many failed attempts', async () => {
    let refused: { status: number; headers: Record<string, string> } | undefined;
    for (let attempt = 0; attempt < 11; attempt++) {
      refused = await ctx.http.post('/auth/login').send({ email: seed.consultant.email, password: 'wrong-password' });
    }
    expect(refused!.status).toBe(429);
    const retryAfter = Number(refused!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    const page = await ctx.newPage({ locale: 'es-ES' });
    await page.goto('/sign-in');
    await fillSignIn(page, { email: seed.consultant.email, password: 'wrong-password' });
    const message = await page.getByTestId('sign-in-error').innerText();
    const seconds = Number(/^Demasiados intentos\. Vuelve a intentarlo dentro de (\d+) s\.$/.exec(message)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(retryAfter);
    await expectAccessible(page);
  });

  it('keeps /docs working under the Content-Security-Policy', async () => {
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(violations).toEqual([]);
  });

  it('says so on a wrong password', async () => {
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await fillSignIn(page, { email: seed.clientUser.email, password: 'not-the-password' });
    await page.getByTestId('sign-in-error').getByText('Wrong email or password.').waitFor();
  });
});
