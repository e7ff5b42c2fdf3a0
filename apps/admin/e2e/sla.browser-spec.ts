import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createTicket, createUser, testQuery } from '@shopdesk/testing/factories';

// Browser e2e for SLA on the agent dashboard: the "다음 SLA" column and quick filters of the
// ticket list, the SLA section of the ticket page, the dashboard card and the notification bell,
// and the admin pages for policies and business calendars. Run `npm run build:admin` first.

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

describe('SLA (browser)', () => {
  it('shows the next SLA of an urgent ticket in the list and its running targets on the ticket page', async () => {
    const agent = await createUser({ role: 'agent', name: '김상담' });
    const ticket = await createTicket({ priority: 'urgent', subject: `긴급 SLA 확인 ${Date.now()}` });
    expect(ticket.slaDueAt).not.toBeNull();

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      await byTestId(page, 'notifications-button').waitFor({ state: 'visible', timeout: WAIT });

      await page.goto(`${server.baseUrl}/#/tickets`);
      const row = page.locator('tbody tr', { hasText: ticket.reference });
      await row.waitFor({ state: 'visible', timeout: WAIT });
      const countdown = row.locator('[data-testid="next-sla"] [data-testid="sla-countdown"]');
      await countdown.waitFor({ state: 'visible', timeout: WAIT });
      expect(await countdown.innerText()).toMatch(/^\d+(일|시간|분)( \d+(시간|분))? 남음$/);
      expect(await countdown.getAttribute('datetime')).toBe(ticket.slaDueAt);

      await row.getByText(ticket.reference).click();
      await page.waitForURL((url) => url.hash.startsWith(`#/tickets/${ticket.id}/show`), { timeout: WAIT });

      const section = byTestId(page, 'ticket-sla');
      await section.waitFor({ state: 'visible', timeout: WAIT });
      for (const [target, label] of [
        ['first_reply', '첫 응답'],
        ['resolution', '해결'],
      ] as const) {
        const item = byTestId(section, `sla-target-${target}`);
        await waitForAttribute(item, 'data-state', 'active');
        expect(await item.innerText()).toContain(label);
        expect(await byTestId(item, 'sla-state').innerText()).toBe('진행 중');
        expect(await byTestId(item, 'sla-due').innerText()).toMatch(/KST$/);
        expect(await byTestId(item, 'sla-countdown').innerText()).toMatch(/남음$/);
      }
      // No customer message yet, so no next-reply clock.
      expect(await byTestId(section, 'sla-target-next_reply').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lists a breached ticket under "SLA 위반" with a red chip and a negative countdown', async () => {
    const agent = await createUser({ role: 'agent' });
    const ticket = await createTicket({ priority: 'high', subject: `SLA 위반 확인 ${Date.now()}` });
    // Stand-in for the worker firing the breach: the list reads these two columns only.
    await testQuery(`UPDATE tickets SET sla_breached = true, sla_due_at = now() - interval '12 minutes' WHERE id = $1`, [
      ticket.id,
    ]);

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      await page.goto(`${server.baseUrl}/#/tickets`);
      await byTestId(page, 'ticket-tab-sla_breached').click({ timeout: WAIT });
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"slaBreached":true'), { timeout: WAIT });
      await waitForAttribute(byTestId(page, 'ticket-tab-sla_breached'), 'aria-selected', 'true');

      const row = page.locator('tbody tr', { hasText: ticket.reference });
      await row.waitFor({ state: 'visible', timeout: WAIT });
      expect(await byTestId(row, 'sla-breached-chip').innerText()).toBe('SLA 위반');
      const countdown = byTestId(row, 'sla-countdown');
      expect(await countdown.getAttribute('data-urgency')).toBe('overdue');
      expect(await countdown.innerText()).toMatch(/^-1[234]분$/);

      await byTestId(page, 'ticket-tab-sla_soon').click({ timeout: WAIT });
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"slaDueWithinMinutes":60'), { timeout: WAIT });
      // "곧 SLA 위반" is the not-yet-breached view (TICKET_VIEWS); this breached ticket lives in "SLA 위반".
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"slaBreached":false'), { timeout: WAIT });
      await waitForAttribute(byTestId(page, 'ticket-tab-sla_soon'), 'aria-selected', 'true');
    } finally {
      await context.close();
    }
  });

  it('counts unread notifications on the bell and opens the ticket from the menu, marking it read', async () => {
    const agent = await createUser({ role: 'agent' });
    const ticket = await createTicket({ priority: 'urgent', subject: `알림 확인 ${Date.now()}` });
    await testQuery(
      `INSERT INTO notifications (recipient_id, ticket_id, kind, title_ko, title_en) VALUES ($1, $2, 'sla_breach', $3, $4)`,
      [agent.id, ticket.id, `${ticket.reference} 첫 응답 SLA 위반`, `${ticket.reference}: SLA breached (first reply)`],
    );

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      const bell = byTestId(page, 'notifications-button');
      await waitForAttribute(bell, 'data-unread', '1');
      await bell.click();
      const item = page.locator('[data-testid="notification-item"]', { hasText: `${ticket.reference} 첫 응답 SLA 위반` });
      expect(await item.getAttribute('data-read')).toBe('false');
      await item.click();
      await page.waitForURL((url) => url.hash.startsWith(`#/tickets/${ticket.id}/show`), { timeout: WAIT });
      await waitForAttribute(bell, 'data-unread', '0');
      const [row] = await testQuery<{ read_at: Date | null }>(`SELECT read_at FROM notifications WHERE ticket_id = $1`, [ticket.id]);
      expect(row.read_at).not.toBeNull();
    } finally {
      await context.close();
    }
  });

  it('gives admins the SLA card, the policy editor and the business calendar editor', async () => {
    const admin = await createUser({ role: 'admin' });
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, admin.email, admin.password);
      const card = byTestId(page, 'sla-summary');
      await card.waitFor({ state: 'visible', timeout: WAIT });
      await card.getByText('오늘 위반').waitFor({ state: 'visible', timeout: WAIT });
      await page.waitForFunction(
        () => /^\d+$/.test(document.querySelector('[data-testid="sla-at-risk"]')?.textContent ?? ''),
        undefined,
        { timeout: WAIT },
      );

      await page.goto(`${server.baseUrl}/#/sla-policies`);
      const standard = page.locator('tbody tr', { hasText: 'standard' });
      await standard.waitFor({ state: 'visible', timeout: WAIT });
      expect(await standard.innerText()).toContain('기본');
      await standard.getByText('standard').click();

      const urgentFirstReply = byTestId(page, 'target-urgent-first_reply-minutes');
      await urgentFirstReply.waitFor({ state: 'visible', timeout: WAIT });
      expect(await urgentFirstReply.inputValue()).toBe('30');
      expect(await page.locator('input[name="ladder.escalateAfterSeconds"]').inputValue()).toBe('30');
      expect(await byTestId(page, 'policy-key').isEditable()).toBe(false);

      // A target that cannot be met is refused in place, before anything is sent.
      await urgentFirstReply.fill('0');
      await page.getByRole('button', { name: '저장' }).click();
      await page.getByText('1 이상의 정수(분)를 입력하세요').waitFor({ state: 'visible', timeout: WAIT });
      await urgentFirstReply.fill('45');
      await page.getByRole('button', { name: '저장' }).click();
      await page.waitForURL((url) => url.hash === '#/sla-policies', { timeout: WAIT });
      const [saved] = await testQuery<{ targets: { urgent: { first_reply: { minutes: number } } } }>(
        `SELECT targets FROM sla_policies WHERE key = 'standard'`,
      );
      expect(saved.targets.urgent.first_reply.minutes).toBe(45);
      await testQuery(`UPDATE sla_policies SET targets = jsonb_set(targets, '{urgent,first_reply,minutes}', '30') WHERE key = 'standard'`);

      await page.goto(`${server.baseUrl}/#/business-calendars`);
      const calendar = page.locator('tbody tr', { hasText: 'default' });
      await calendar.waitFor({ state: 'visible', timeout: WAIT });
      await calendar.getByText('default').click();
      const monday = byTestId(page, 'calendar-day-mon');
      await monday.waitFor({ state: 'visible', timeout: WAIT });
      expect(await byTestId(monday, 'interval-mon-start').inputValue()).toBe('09:00');
      expect(await byTestId(monday, 'interval-mon-end').inputValue()).toBe('18:00');
      expect(await byTestId(page, 'calendar-day-sun').innerText()).toContain('휴무');
      await byTestId(page, 'upcoming-holiday').first().waitFor({ state: 'visible', timeout: WAIT });

      // Saturday gets a short shift and New Year's Eve becomes a closed day.
      await byTestId(page, 'add-interval-sat').click();
      await byTestId(page, 'interval-sat-start').fill('25:00');
      await byTestId(page, 'interval-sat-end').fill('14:00');
      await page.getByRole('button', { name: '저장' }).click();
      await page.getByText('HH:MM 형식으로 입력하세요 (예: 09:00)').waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(page, 'interval-sat-start').fill('10:00');
      await byTestId(page, 'add-closed-day').click();
      await page.locator('input[name="closed.0.date"]').fill('2026-12-31');
      await page.getByRole('button', { name: '저장' }).click();
      await page.waitForURL((url) => url.hash === '#/business-calendars', { timeout: WAIT });
      const [cal] = await testQuery<{ weekly_hours: number[][][]; closed_days: string[] }>(
        `SELECT weekly_hours, closed_days FROM business_calendars WHERE key = 'default'`,
      );
      expect(cal.weekly_hours[6]).toEqual([[600, 840]]);
      expect(cal.weekly_hours[1]).toEqual([[540, 1080]]);
      expect(cal.closed_days).toEqual(['2026-12-31']);
      await testQuery(
        `UPDATE business_calendars SET weekly_hours = jsonb_set(weekly_hours, '{6}', '[]'), closed_days = '[]' WHERE key = 'default'`,
      );
    } finally {
      await context.close();
    }
  });
});
