import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createTicket, createUser, testQuery } from '@shopdesk/testing/factories';

// Browser e2e for the "배송 조회" section of the ticket page: the courier, the waybill, the current
// status chip and every scan of the ticket's waybill in KST, newest first, with an older scan that
// arrived late greyed out. Shipments and scans are written with SQL, standing in for the courier
// webhook and the worker. Run `npm run build:admin` first.

jest.setTimeout(120_000);

const WAIT = 15_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await logInThroughUi(page, server.baseUrl, { email, password }, WAIT);
}

const byTestId = (scope: Page | Locator, id: string) => scope.locator(`[data-testid="${id}"]`);

async function openTicket(page: Page, ticketId: string): Promise<Locator> {
  await page.goto(`${server.baseUrl}/#/tickets/${ticketId}/show`);
  const section = byTestId(page, 'ticket-tracking');
  await section.waitFor({ state: 'visible', timeout: WAIT });
  return section;
}

/** A Lotte shipment whose delivery attempt failed, with an older in-transit scan that came in late. */
// Unique per run: other suites track parcels too, and shipments are unique per courier + waybill.
const WAYBILL = `3${Date.now()}`.slice(0, 12);

async function insertShipment(courierCode: string, waybill: string): Promise<void> {
  const [shipment] = await testQuery<{ id: string }>(
    `INSERT INTO shipments (courier_code, waybill, status, raw_status, last_event_at, expected_delivery)
     VALUES ($1, $2, 'attempt_failed', '배달미완료', '2026-11-21T05:00:00Z', '2026-11-22') RETURNING id`,
    [courierCode, waybill],
  );
  const scan = (eventId: string, status: string, raw: string, at: string, location: string, description: string, outcome: string) =>
    testQuery(
      `INSERT INTO courier_events (provider, event_id, courier_code, waybill, status, raw_status, occurred_at, location,
                                   description, raw, shipment_id, applied_at, outcome)
       VALUES ('sweettracker', $1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, now(), $11)`,
      [eventId, courierCode, waybill, status, raw, at, location, description, JSON.stringify({ kind: raw }), shipment.id, outcome],
    );
  // Received in this order: the attempt first, the older transit scan afterwards.
  await scan(`${waybill}-2`, 'attempt_failed', '배달미완료', '2026-11-21T05:00:00Z', '서울 강남', '수취인 부재', 'applied');
  await scan(`${waybill}-1`, 'in_transit', '간선상차', '2026-11-21T00:10:00Z', '군포 HUB', '간선 상차', 'out_of_order');
}

describe('Tracking (browser)', () => {
  it('shows the courier, the status and the scans of the waybill, the late one greyed, and refreshes with the page', async () => {
    const agent = await createUser({ role: 'agent', name: '박상담' });
    const ticket = await createTicket({
      subject: `배송 조회 확인 ${Date.now()}`,
      shipment: { courierCode: '08', waybillNumber: WAYBILL },
    });
    await insertShipment('08', WAYBILL);

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      const section = await openTicket(page, ticket.id);

      const status = byTestId(section, 'tracking-status');
      await status.waitFor({ state: 'visible', timeout: WAIT });
      expect(await status.getAttribute('data-status')).toBe('attempt_failed');
      expect(await status.innerText()).toBe('배달 실패');
      expect(await status.getAttribute('class')).toContain('MuiChip-colorWarning');

      const text = await section.innerText();
      expect(text).toContain('배송 조회');
      expect(text).toContain('롯데택배');
      expect(text).toContain(WAYBILL);
      expect(text).toMatch(/2026\. 11\. 22\./); // expected delivery
      expect(await byTestId(section, 'tracking-last-update').innerText()).toMatch(/^2026\. 11\. 21\. 오후 2:00 KST$/);

      const scans = byTestId(section, 'tracking-event');
      expect(await scans.count()).toBe(2);
      // Newest first, times in KST.
      const [latest, older] = [scans.nth(0), scans.nth(1)];
      expect(await latest.getAttribute('data-outcome')).toBe('applied');
      const latestText = await latest.innerText();
      for (const part of ['11/21 14:00 KST', '배달 실패', '서울 강남', '수취인 부재', '배달미완료']) expect(latestText).toContain(part);
      expect(await byTestId(latest, 'tracking-out-of-order').count()).toBe(0);

      expect(await older.getAttribute('data-outcome')).toBe('out_of_order');
      const olderText = await older.innerText();
      for (const part of ['11/21 09:10 KST', '배송중', '군포 HUB', '간선 상차', '간선상차']) expect(olderText).toContain(part);
      expect(await byTestId(older, 'tracking-out-of-order').innerText()).toBe('늦게 도착한 이전 스캔');

      // A new scan reaches the section with the page's refresh, like the SLA section.
      await testQuery(
        `UPDATE shipments SET status = 'delivered', raw_status = '배달완료', last_event_at = '2026-11-22T02:30:00Z' WHERE waybill = $1`,
        [WAYBILL],
      );
      await testQuery(
        `INSERT INTO courier_events (provider, event_id, courier_code, waybill, status, raw_status, occurred_at, location,
                                     description, raw, shipment_id, applied_at, outcome)
         SELECT 'sweettracker', waybill || '-3', '08', waybill, 'delivered', '배달완료', '2026-11-22T02:30:00Z', '서울 강남',
                '문 앞 배송', '{}'::jsonb, id, now(), 'applied' FROM shipments WHERE waybill = $1`,
        [WAYBILL],
      );
      await page.locator('header button[aria-label="새로고침"]').click({ timeout: WAIT });
      await section.locator('[data-testid="tracking-status"][data-status="delivered"]').waitFor({ state: 'visible', timeout: WAIT });
      expect(await status.innerText()).toBe('배송완료');
      expect(await status.getAttribute('class')).toContain('MuiChip-colorSuccess');
      expect(await scans.count()).toBe(3);
      expect(await scans.nth(0).innerText()).toContain('11/22 11:30 KST');
      expect(await byTestId(section, 'tracking-final').innerText()).toBe('최종 상태');

      // The same section in English.
      await page.locator('header button', { hasText: '한국어' }).click({ timeout: WAIT });
      await page.getByRole('menuitem', { name: 'English' }).click({ timeout: WAIT });
      await section.getByText('Tracking', { exact: true }).waitFor({ state: 'visible', timeout: WAIT });
      expect(await status.innerText()).toBe('Delivered');
      expect(await section.innerText()).toContain('Lotte Global Logistics');
      const late = section.locator('[data-testid="tracking-event"][data-outcome="out_of_order"]');
      expect(await byTestId(late, 'tracking-out-of-order').innerText()).toBe('Older scan received late');
    } finally {
      await context.close();
    }
  });

  it('says there is nothing from the courier yet when the waybill has no scans', async () => {
    const agent = await createUser({ role: 'agent' });
    const ticket = await createTicket({
      subject: `배송 조회 없음 ${Date.now()}`,
      shipment: { courierCode: '04', waybillNumber: '612345678901' },
    });

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      const section = await openTicket(page, ticket.id);
      const empty = byTestId(section, 'tracking-empty');
      await empty.waitFor({ state: 'visible', timeout: WAIT });
      expect(await empty.innerText()).toContain('아직 택배사 조회 정보가 없습니다');
      expect(await byTestId(section, 'tracking-event').count()).toBe(0);
      expect(await byTestId(section, 'tracking-status').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
