import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { createTicket, createUser, testQuery } from '@shopdesk/testing/factories';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { startWorkerProcess, type WorkerProcess } from '@shopdesk/testing/worker-process';

// Browser e2e of bulk work and merge. A lead filters the ticket list to 250 tickets, selects the
// page, widens the selection to "all 250 matching", and assigns them to a colleague: the real
// worker process runs the job while the dialog's progress bar climbs to 100 % and the summary
// appears. Then an agent merges a duplicate ticket into the same customer's other ticket.
// Run `npm run build` first (admin bundle and worker).

jest.setTimeout(240_000);

const WAIT = 15_000;
const byTestId = (scope: Page | Locator, id: string) => scope.locator(`[data-testid="${id}"]`);

describe('bulk actions and merge (browser)', () => {
  let server: TestServer;
  let worker: WorkerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    worker = await startWorkerProcess();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await server?.close();
  });

  it('bulk-assigns 250 tickets matching the filter with a progress bar and a summary', async () => {
    const suffix = Date.now().toString(36);
    const lead = await createUser({ role: 'lead', name: '박리드' });
    const assignee = await createUser({ role: 'agent', name: `최배정${suffix}` });
    const tag = `bulk-ui-${suffix}`;
    for (let i = 0; i < 250; i++) await createTicket({ tags: [tag] });

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: lead.email, password: lead.password }, WAIT);
      const filter = encodeURIComponent(JSON.stringify({ tag }));
      await page.goto(`${server.baseUrl}/#/tickets?filter=${filter}&page=1&perPage=25&sort=createdAt&order=DESC`);
      await page.locator('tbody tr').nth(24).waitFor({ state: 'visible', timeout: WAIT });

      // Select the page, then every ticket matching the filter.
      await page.locator('thead input[type="checkbox"]').first().check({ timeout: WAIT });
      await byTestId(page, 'bulk-open').click({ timeout: WAIT });
      const dialog = byTestId(page, 'bulk-dialog');
      await dialog.waitFor({ state: 'visible', timeout: WAIT });
      expect(await byTestId(dialog, 'bulk-count').getAttribute('data-count')).toBe('25');
      await byTestId(dialog, 'bulk-all-matching').locator('input').check();
      expect(await byTestId(dialog, 'bulk-count').getAttribute('data-count')).toBe('250');

      // 담당자 지정 (the default action) to the colleague.
      await byTestId(dialog, 'bulk-assignee').locator('[role="combobox"]').click();
      await page.locator(`li[data-name="${assignee.name}"]`).click({ timeout: WAIT });
      await byTestId(dialog, 'bulk-submit').click();

      const progress = byTestId(dialog, 'bulk-progress');
      await progress.waitFor({ state: 'visible', timeout: WAIT });
      const summary = byTestId(dialog, 'bulk-summary');
      await summary.waitFor({ state: 'visible', timeout: 120_000 });
      expect(await progress.getAttribute('aria-valuenow')).toBe('100');
      expect(await summary.getAttribute('data-done')).toBe('250');
      expect(await summary.getAttribute('data-failed')).toBe('0');
      expect(await summary.innerText()).toContain('전체 250건 중 250건 완료, 0건 실패');

      await byTestId(dialog, 'bulk-close').click();
      await dialog.waitFor({ state: 'detached', timeout: WAIT });
      await page.getByText(assignee.name).first().waitFor({ state: 'visible', timeout: WAIT });

      const [{ n }] = await testQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
          WHERE e.kind = 'assigned' AND t.tags @> ARRAY[$1]::text[] AND e.after->>'assigneeId' = $2`,
        [tag, assignee.id],
      );
      expect(n).toBe(250);
    } finally {
      await context.close();
    }
  });

  it('merges a duplicate into the same customer’s other ticket from the ticket page', async () => {
    const agent = await createUser({ role: 'agent', name: '정상담' });
    const email = `dup.${Date.now().toString(36)}@example.com`;
    const survivor = await createTicket({ subject: `첫 문의 ${Date.now()}`, customer: { name: '한고객', email } });
    const duplicate = await createTicket({ subject: `같은 문의 다시 ${Date.now()}`, customer: { name: '한고객', email } });

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: agent.email, password: agent.password }, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets/${duplicate.id}/show`);
      await page.getByText(duplicate.subject).first().waitFor({ state: 'visible', timeout: WAIT });

      await byTestId(page, 'merge-open').click({ timeout: WAIT });
      const dialog = byTestId(page, 'merge-dialog');
      await dialog.waitFor({ state: 'visible', timeout: WAIT });
      const candidate = dialog.locator(`[data-testid="merge-candidate"][data-reference="${survivor.reference}"]`);
      await candidate.waitFor({ state: 'visible', timeout: WAIT });
      expect(await candidate.innerText()).toContain('같은 고객');
      await candidate.click();
      await byTestId(dialog, 'merge-submit').click();

      // We land on the surviving ticket; its timeline tells where the conversation came from.
      await page.waitForURL((url) => url.hash.includes(`/tickets/${survivor.id}/show`), { timeout: WAIT });
      await page.getByText(`${duplicate.reference}에서 병합됨`).first().waitFor({ state: 'visible', timeout: WAIT });

      // The duplicate is closed and points to the survivor.
      await page.goto(`${server.baseUrl}/#/tickets/${duplicate.id}/show`);
      const notice = byTestId(page, 'merged-notice');
      await notice.waitFor({ state: 'visible', timeout: WAIT });
      await notice.getByText(survivor.reference).waitFor({ state: 'visible', timeout: WAIT });
      expect(await byTestId(page, 'merge-open').count()).toBe(0);
      const [row] = await testQuery<{ status: string; merged_into_id: string }>(
        `SELECT status, merged_into_id FROM tickets WHERE id = $1`,
        [duplicate.id],
      );
      expect(row).toEqual({ status: 'closed', merged_into_id: survivor.id });
    } finally {
      await context.close();
    }
  });
});
