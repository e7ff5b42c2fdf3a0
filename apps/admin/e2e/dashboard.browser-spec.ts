import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createTicket, createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';

// Browser e2e for the dashboard charts: seeded tickets, replies, SLA timers, reshipments, courier
// scans and applied templates (all within the default "last 30 days") must draw every chart.
// Screenshots go to test-results/. Run `npm run build:admin` first.

jest.setTimeout(120_000);

const WAIT = 15_000;
const SHOTS = join(__dirname, '../../../test-results');
// Each chart and the SVG marks that mean "data drawn" (x-charts' class names).
const BAR = '.MuiBarChart-element';
const CHARTS: [string, string][] = [
  ['daily', BAR],
  ['backlog', BAR],
  ['sla', BAR],
  ['medians', BAR],
  ['reshipments', BAR],
  ['courier-exceptions', BAR],
  ['templates', '.MuiPieChart-arc'],
];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await seedTemplates();
  server = await startTestServer();
  browser = await launchChromium();

  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const md = await createTicket({ type: 'missing_delivery', shipment: { courierCode: '04', waybillNumber: '600000000001' } });
  const refund = await createTicket({ type: 'refund', status: 'open' });
  const cancel = await createTicket({ type: 'cancellation', status: 'pending_customer' });
  await testQuery(`UPDATE tickets SET created_at = $2 WHERE id = $1`, [md.id, hoursAgo(50)]);
  await testQuery(`UPDATE tickets SET status = 'resolved', created_at = $2, resolved_at = $3 WHERE id = $1`, [refund.id, hoursAgo(30), hoursAgo(2)]);
  for (const [id, h] of [
    [md.id, 49],
    [refund.id, 29],
  ] as const) {
    await testQuery(`INSERT INTO ticket_messages (ticket_id, kind, author_type, author_name, body, created_at) VALUES ($1, 'public_reply', 'agent', '상담원', '확인해 드리겠습니다', $2)`, [id, hoursAgo(h)]);
  }
  await testQuery(`DELETE FROM ticket_sla WHERE ticket_id = ANY($1)`, [[md.id, refund.id, cancel.id]]);
  const sla = (id: string, target: string, state: 'fulfilled' | 'breached', h: number) =>
    testQuery(
      `INSERT INTO ticket_sla (ticket_id, target, policy_id, business, target_minutes, state, started_at, fulfilled_at, breached_at)
       VALUES ($1, $2, (SELECT id FROM sla_policies ORDER BY position LIMIT 1), false, 60, $3, $4, $5, $6)`,
      [id, target, state, hoursAgo(60), state === 'fulfilled' ? hoursAgo(h) : null, state === 'breached' ? hoursAgo(h) : null],
    );
  await sla(md.id, 'first_reply', 'fulfilled', 49);
  await sla(refund.id, 'first_reply', 'breached', 29);
  await sla(refund.id, 'resolution', 'fulfilled', 2);
  await sla(cancel.id, 'first_reply', 'fulfilled', 1);
  await testQuery(`INSERT INTO reshipment_requests (ticket_id, items, reason, status) VALUES ($1, '[]', '누락', 'sent'), ($1, '[]', '누락', 'failed')`, [md.id]);
  let n = 0;
  for (const [courier, status] of [
    ['04', 'exception'],
    ['04', 'attempt_failed'],
    ['05', 'lost'],
  ]) {
    await testQuery(
      `INSERT INTO courier_events (provider, event_id, courier_code, waybill, status, raw_status, occurred_at, raw) VALUES ('generic', $1, $2, '600000000001', $3, $3, $4, '{}')`,
      [`dash-${++n}`, courier, status, hoursAgo(n)],
    );
  }
  for (const [id, key] of [
    [md.id, 'missing_item'],
    [refund.id, 'refund_refused'],
    [cancel.id, 'micropayment_cancel'],
  ]) {
    await testQuery(
      `INSERT INTO ticket_scenarios (ticket_id, template_id, applied_at)
       VALUES ($1, (SELECT id FROM scenario_templates WHERE key = $2 ORDER BY version DESC LIMIT 1), now())
       ON CONFLICT (ticket_id) DO NOTHING`,
      [id, key],
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard charts (browser)', () => {
  it.each([
    ['ko-KR', '팀 통계'],
    ['en-US', 'Team statistics'],
  ])('draws every chart for a lead (%s)', async (locale, heading) => {
    const lead = await createUser({ role: 'lead', name: '박팀장' });
    const context = await browser.newContext({ locale, timezoneId: 'Asia/Seoul', viewport: { width: 1400, height: 1800 } });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, lead, WAIT);
      if (locale === 'en-US') {
        await page.locator('header button', { hasText: '한국어' }).click({ timeout: WAIT });
        await page.getByRole('menuitem', { name: 'English' }).click({ timeout: WAIT });
      }
      await page.getByText(heading).waitFor({ state: 'visible', timeout: WAIT });
      for (const [id, drawn] of CHARTS) {
        const chart = page.locator(`[data-testid="chart-${id}"]`);
        await chart.locator('svg').first().waitFor({ state: 'visible', timeout: WAIT });
        // Drawn marks (bars, line, points, pie arcs) inside the chart's SVG, not just the empty axes.
        const marks = chart.locator(drawn);
        await marks.first().waitFor({ state: 'attached', timeout: WAIT });
        expect(await marks.count()).toBeGreaterThan(0);
        expect(await marks.first().evaluate((el) => el.ownerSVGElement !== null)).toBe(true);
      }
      await page.screenshot({ path: join(SHOTS, `dashboard-${locale}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows an agent only their own numbers', async () => {
    const agent = await createUser({ role: 'agent', name: '김상담' });
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1400, height: 1800 } });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, agent, WAIT);
      await page.getByText('내 티켓 통계').waitFor({ state: 'visible', timeout: WAIT });
      await page.locator('[data-testid="chart-daily"] svg').first().waitFor({ state: 'visible', timeout: WAIT });
      await page.screenshot({ path: join(SHOTS, 'dashboard-agent.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
