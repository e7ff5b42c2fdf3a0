import type { ChildProcess } from 'node:child_process';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, logInThroughUi, waitForDialogToClose } from '@shopdesk/testing/browser';
import { createTicket, createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { SANDBOX_API_KEY, SANDBOX_CALLBACK_SECRET, startWarehouseSandbox } from '@shopdesk/testing/warehouse-sandbox';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

// Browser e2e of the whole reship loop: an agent resolves a 배송 누락 ticket with "reship" in the
// scenario panel; the real worker process sends the request to the warehouse sandbox (a real HTTP
// server), whose signed callback ships it. The ticket page shows the reshipment moving from
// requested → sent → shipped with the new waybill, and the ticket's shipment carries that waybill.
// The sandbox is slowed down so the UI can observe the intermediate states.
// Run `npm run build` first (admin bundle and worker).

jest.setTimeout(120_000);

const WAIT = 15_000;
const API_KEY = SANDBOX_API_KEY;
const CALLBACK_SECRET = SANDBOX_CALLBACK_SECRET;

function startSandbox() {
  return startWarehouseSandbox({ WAREHOUSE_DELAY_MS: '800', WAREHOUSE_SHIP_AFTER_MS: '2500' });
}

const byTestId = (scope: Page | Locator, id: string) => scope.locator(`[data-testid="${id}"]`);

async function waitForAttribute(locator: Locator, name: string, expected: string): Promise<void> {
  await locator.waitFor({ state: 'attached', timeout: WAIT });
  const deadline = Date.now() + WAIT;
  let actual: string | null = null;
  while (Date.now() < deadline) {
    actual = await locator.getAttribute(name);
    if (actual === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} stayed ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

describe('reship loop (browser → worker → warehouse sandbox → callback → ticket page)', () => {
  let server: TestServer;
  let worker: WorkerProcess;
  let sandbox: { url: string; child: ChildProcess };
  let browser: Browser;
  const saved = { ...process.env };

  beforeAll(async () => {
    await seedTemplates();
    sandbox = await startSandbox();
    process.env.WAREHOUSE_API_URL = sandbox.url;
    process.env.WAREHOUSE_API_KEY = API_KEY;
    process.env.WAREHOUSE_CALLBACK_SECRET = CALLBACK_SECRET;
    server = await startTestServer();
    process.env.PUBLIC_BASE_URL = server.baseUrl; // where the worker tells the warehouse to call back
    worker = await startWorkerProcess();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await server?.close();
    sandbox?.child.kill('SIGTERM');
    process.env = saved;
  });

  it('resolving 배송 누락 with reship shows the reshipment go from requested to shipped with the new waybill', async () => {
    const agent = await createUser({ role: 'agent', name: '박상담' });
    const originalWaybill = `6123${String(Date.now()).slice(-8)}`;
    const ticket = await createTicket({
      type: 'missing_delivery',
      subject: `배송 누락 — 머그컵이 누락됐어요 ${Date.now()}`,
      description: '상자에 텀블러만 있고 머그컵이 빠져 있었습니다.',
      shipment: { courierCode: '04', waybillNumber: originalWaybill },
    });

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: agent.email, password: agent.password }, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
      await page.getByText(ticket.subject).first().waitFor({ state: 'visible', timeout: WAIT });

      // Apply 배송 누락 and fill what the blocking steps need.
      await byTestId(page, 'apply-template-missing_item').click({ timeout: WAIT });
      await byTestId(page, 'scenario-title').filter({ hasText: '배송 누락' }).waitFor({ state: 'visible', timeout: WAIT });
      await waitForAttribute(byTestId(page, 'scenario-field-row-missingItems'), 'data-missing', 'true');
      await byTestId(page, 'scenario-field-missingItems-add').click();
      await byTestId(page, 'scenario-field-missingItems-sku-0').fill('SKU-MUG-WHT');
      await byTestId(page, 'scenario-field-missingItems-name-0').fill('머그컵 화이트');
      await byTestId(page, 'scenario-field-missingItems-qty-0').fill('1');
      await byTestId(page, 'scenario-field-courierContactLog').fill('CJ대한통운 전화 문의 — 누락 확인');
      await byTestId(page, 'scenario-fields-save').click();
      await waitForAttribute(byTestId(page, 'scenario-field-row-missingItems'), 'data-missing', 'false');

      for (const step of ['compareItems', 'checkTracking', 'contactCourier']) {
        await byTestId(page, `checklist-step-${step}`).click();
        await waitForAttribute(byTestId(page, `checklist-row-${step}`), 'data-done', 'true');
      }

      // Resolve with reship and the canned Korean reply.
      await byTestId(page, 'resolve-button').click();
      await byTestId(page, 'resolve-dialog').waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(page, 'resolution-reship').check();
      await byTestId(page, 'resolve-submit').click();
      await waitForDialogToClose(page, 'resolve-dialog', 'resolve-error', WAIT);
      await byTestId(page, 'scenario-resolution').waitFor({ state: 'visible', timeout: WAIT });
      expect(await byTestId(page, 'scenario-resolution').getAttribute('data-code')).toBe('reship');

      // The 재배송 section follows the request through the warehouse, polling on its own; we also
      // press the app bar refresh now and then. Record every state the page shows.
      const section = byTestId(page, 'ticket-reshipments');
      await section.waitFor({ state: 'visible', timeout: WAIT });
      const reshipment = byTestId(section, 'reshipment');
      await reshipment.first().waitFor({ state: 'visible', timeout: 30_000 });
      const observed: string[] = [];
      const deadline = Date.now() + 60_000;
      let lastRefresh = Date.now();
      let status: string | null = null;
      while (Date.now() < deadline) {
        status = await reshipment.first().getAttribute('data-status').catch(() => null);
        if (status && observed[observed.length - 1] !== status) observed.push(status);
        if (status === 'shipped') break;
        if (Date.now() - lastRefresh > 2_000) {
          await page.locator('header button[aria-label="새로고침"]').first().click({ timeout: 2_000 }).catch(() => undefined);
          lastRefresh = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(status).toBe('shipped');
      expect(await reshipment.count()).toBe(1);
      expect(await reshipment.innerText()).toContain('SKU-MUG-WHT');

      const waybillEl = byTestId(reshipment, 'reshipment-waybill');
      await waybillEl.waitFor({ state: 'visible', timeout: WAIT });
      const newWaybill = (await waybillEl.innerText()).trim();
      expect(newWaybill).toMatch(/^\d{12}$/);
      expect(newWaybill).not.toBe(originalWaybill);

      // An earlier state was seen on the page, or the timeline tells of the request.
      console.log(`reshipment states seen on the page: ${observed.join(' → ')}`);
      const sawEarlier = observed.some((s) => ['requested', 'sent', 'accepted'].includes(s));
      const requestedLine = page.locator('[data-testid="ticket-event"]', { hasText: '재배송 요청' });
      const timelineHasRequest = await requestedLine
        .first()
        .waitFor({ state: 'visible', timeout: WAIT })
        .then(() => true)
        .catch(() => false);
      expect({ observed, earlierStateOrTimelineLine: sawEarlier || timelineHasRequest }).toEqual({
        observed: expect.arrayContaining(['shipped']),
        earlierStateOrTimelineLine: true,
      });
      // Order of observations never goes back (e.g. shipped → sent).
      const rank: Record<string, number> = { requested: 0, sent: 1, accepted: 2, shipped: 3 };
      const ranks = observed.map((s) => rank[s] ?? -1);
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);

      // The ticket now carries the new waybill: in the database and in the shipment facts on the
      // page (outside the 재배송 section), after a refresh.
      const [row] = await testQuery<{ waybill_number: string; courier_code: string }>(
        'SELECT waybill_number, courier_code FROM tickets WHERE id = $1',
        [ticket.id],
      );
      expect(row.waybill_number).toBe(newWaybill);
      await waitFor(async () => {
        await page.locator('header button[aria-label="새로고침"]').first().click({ timeout: 2_000 }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const all = page.getByText(newWaybill, { exact: true });
        const outside = await all.evaluateAll(
          (els) => els.filter((el) => !el.closest('[data-testid="ticket-reshipments"]')).length,
        );
        return outside > 0 ? true : undefined;
      }, WAIT);
    } finally {
      await context.close();
    }
  });
});
