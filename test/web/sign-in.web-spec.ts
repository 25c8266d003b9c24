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

  it('says so on a wrong password', async () => {
    const page = await ctx.newPage();
    await page.goto('/sign-in');
    await fillSignIn(page, { email: seed.clientUser.email, password: 'not-the-password' });
    await page.getByTestId('sign-in-error').getByText('Wrong email or password.').waitFor();
  });
});
