// Outbound e-mail end to end: a ticket change writes the mail row and an outbox message in its own
// transaction; the worker's relay queues it, the processor mints a private link and sends it to a
// real SMTP listener (smtp-server on a random port). Retries, permanent refusals, duplicate jobs
// and "no SMTP configured" are checked against what the listener really received.
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QueueName } from '@shopdesk/server/core/queue/queue-names';
import { CustomerAccessService } from '@shopdesk/server/customer-portal/customer-access.service';
import { OutboundMailService } from '@shopdesk/server/mail/outbound-mail.service';
import { mailJobId, SEND_MAIL } from '@shopdesk/server/mail/send-mail.job';
import { SlaService } from '@shopdesk/server/sla/sla.service';
import { TicketsService } from '@shopdesk/server/tickets/tickets.service';
import request from 'supertest';
import { createTicket, createUser, factoryContext, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { micropaymentSubmission } from '@shopdesk/testing/public-form';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '@shopdesk/testing/smtp-catcher';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { startWorkerProcess, waitFor, type WorkerProcess } from '@shopdesk/testing/worker-process';

jest.setTimeout(120_000);

const PUBLIC_BASE_URL = 'https://desk.example';
const LINK = /https:\/\/desk\.example\/support\/t\/([^#\s]+)#([A-Za-z0-9_-]+)/;

interface MailRow {
  id: string;
  kind: string;
  to_address: string;
  locale: string;
  subject: string;
  body_text: string;
  status: string;
  status_reason: string | null;
  attempts: number;
  last_error: string | null;
  smtp_message_id: string | null;
  sent_at: Date | null;
}

const rowsFor = (ticketId: string) =>
  testQuery<MailRow>(`SELECT * FROM outbound_messages WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]);

/** Waits until the ticket has a mail of `kind` in `status`. */
const mailIn = (ticketId: string, kind: string, status: string, timeoutMs = 20_000) =>
  waitFor(async () => (await rowsFor(ticketId)).find((r) => r.kind === kind && r.status === status), timeoutMs);

const uniqueEmail = (who: string) => `${who}.${randomUUID().slice(0, 8)}@example.com`;

/** The link in a received mail must open the ticket on the status page (a live, unhashed token). */
async function expectWorkingLink(mail: CaughtMail, ticket: { id: string; reference: string }) {
  const m = LINK.exec(mail.text);
  expect(m).not.toBeNull();
  const [, reference, token] = m!;
  expect(decodeURIComponent(reference)).toBe(ticket.reference);
  const access = (await factoryContext()).get(CustomerAccessService, { strict: false });
  await expect(access.open(ticket.reference, token)).resolves.toMatchObject({ id: ticket.id, reference: ticket.reference });
  await expect(access.open(ticket.reference, token.slice(0, -2) + 'xx')).resolves.toBeNull();
  return token;
}

describe('outbound e-mail (listener → outbox → worker → SMTP)', () => {
  let smtp: SmtpCatcher;
  let server: TestServer;
  let worker: WorkerProcess;
  const saved = { ...process.env };

  beforeAll(async () => {
    await seedTemplates();
    smtp = await startSmtpCatcher();
    Object.assign(process.env, {
      PUBLIC_BASE_URL,
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_RETRY_DELAY_MS: '100',
      MAIL_FROM: 'ShopDesk 고객센터 <support@shopdesk.test>',
    });
    server = await startTestServer();
    worker = await startWorkerProcess();
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.close();
    await smtp?.close();
    process.env = saved;
  });

  it('an agent public reply sends exactly one mail in the ticket language, with a working private link', async () => {
    const agent = await createUser({ name: 'Minji Park' });
    const s = await loginAs(server.app, agent);
    const email = uniqueEmail('emily');
    const t = await createTicket({ status: 'open', customer: { name: 'Emily Clark', email, phone: null, locale: 'en' } });

    await s.post(`/tickets/${t.id}/messages`).send({ kind: 'internal_note', body: 'Checking the warehouse photos.' }).expect(201);
    await s
      .post(`/tickets/${t.id}/messages`)
      .send({ kind: 'public_reply', body: 'We have asked the courier to check your parcel.\nWe will update you tomorrow.' })
      .expect(201);

    const [mail] = await smtp.waitForMessages(1, { to: email });
    expect(mail.subject).toBe(`[${t.reference}] We have replied to your request`);
    expect(mail.headers.from).toBe('ShopDesk 고객센터 <support@shopdesk.test>');
    expect(mail.headers['content-transfer-encoding']).toBe('base64');
    expect(mail.text).toContain('Hello Emily Clark,');
    expect(mail.text).toContain('  We have asked the courier to check your parcel.\n  We will update you tomorrow.');
    const token = await expectWorkingLink(mail, t);

    const row = await mailIn(t.id, 'agent_reply', 'sent');
    expect(row).toMatchObject({ to_address: email, locale: 'en', attempts: 1, last_error: null });
    expect(row.smtp_message_id).toBe(mail.headers['message-id']);
    expect(row.sent_at).not.toBeNull();
    // The token exists only in the mail: the stored body keeps the placeholder.
    expect(row.body_text).toContain('{{statusUrl}}');
    expect(row.body_text).not.toContain(token);

    const listed = (await s.get(`/tickets/${t.id}/outbound-messages`).expect(200)).body;
    expect(listed).toEqual([
      {
        id: row.id,
        kind: 'agent_reply',
        to: email,
        locale: 'en',
        subject: mail.subject,
        body: row.body_text,
        status: 'sent',
        statusReason: null,
        attempts: 1,
        lastError: null,
        createdAt: expect.any(String),
        sentAt: expect.any(String),
      },
    ]);

    // The internal note mailed nothing, and nothing arrives twice.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(await rowsFor(t.id)).toHaveLength(1);
  });

  it.each(['ko', 'en'] as const)('the support form confirmation (%s) carries the private link in the customer language', async (locale) => {
    const body = micropaymentSubmission({ locale });
    const res = await request(server.app.getHttpServer()).post('/public/tickets').set('Idempotency-Key', randomUUID()).send(body).expect(201);
    const [mail] = await smtp.waitForMessages(1, { to: body.contact.email });
    const [ticket] = await testQuery<{ id: string; reference: string }>(`SELECT id, reference FROM tickets WHERE reference = $1`, [res.body.reference]);
    expect(mail.subject).toContain(ticket.reference);
    if (locale === 'ko') {
      expect(mail.text).toMatch(/접수/);
      expect(mail.text).not.toMatch(/We have received/i);
    } else {
      expect(mail.text).toMatch(/What happens next/);
      expect(mail.text).not.toMatch(/[가-힣]{4,}/);
    }
    const token = await expectWorkingLink(mail, ticket);
    expect(token).not.toBe(res.body.token); // each mail mints its own token; the form's answer keeps working
    const [row] = (await rowsFor(ticket.id)).filter((r) => r.kind === 'confirmation');
    expect(row).toMatchObject({ status: 'sent', locale });
    expect(row.body_text).not.toContain(token); // stored with a placeholder, never the secret
  });

  it('a ticket without a customer e-mail queues nothing', async () => {
    const agent = await createUser();
    const s = await loginAs(server.app, agent);
    const t = await createTicket({ status: 'open', customer: { name: '박민수', email: null, phone: '010-1111-2222' } });
    await s.post(`/tickets/${t.id}/messages`).send({ kind: 'public_reply', body: '확인 중입니다.' }).expect(201);
    await s.post(`/tickets/${t.id}/status`).send({ status: 'resolved' }).expect(200);
    expect(await rowsFor(t.id)).toEqual([]);
  });

  it('a back-dated change (demo seed, imports) is history: nobody is e-mailed', async () => {
    const t = await createTicket({ status: 'open', customer: { name: '임나래', email: uniqueEmail('narae'), phone: null } });
    const tickets = (await factoryContext()).get(TicketsService);
    const agent = { type: 'agent' as const, id: null, name: '김상담' };
    const at = new Date(Date.now() - 3 * 24 * 3600_000);
    await tickets.addMessage(t.id, { kind: 'public_reply', body: '확인했습니다.' }, agent, { at });
    await tickets.changeStatus(t.id, 'resolved', agent, { at });
    expect(await rowsFor(t.id)).toEqual([]);
  });

  it('resolving sends one resolution mail (Korean) that explains confirm / reopen from the link', async () => {
    const agent = await createUser();
    const s = await loginAs(server.app, agent);
    const email = uniqueEmail('seoyeon');
    const t = await createTicket({ status: 'open', customer: { name: '이서연', email, phone: null } });

    await s.post(`/tickets/${t.id}/status`).send({ status: 'resolved' }).expect(200);

    const [mail] = await smtp.waitForMessages(1, { to: email });
    expect(mail.subject).toBe(`[${t.reference}] 문의가 해결되었습니다`);
    expect(mail.text).toContain('안녕하세요, 이서연 고객님.');
    expect(mail.text).toContain("'해결 확인'");
    expect(mail.text).toMatch(/\d+일 이내에 같은 링크에서 문의를 다시 열 수 있습니다/);
    expect(mail.text).not.toContain('처리 결과:'); // no template resolution on this ticket
    await expectWorkingLink(mail, t);
    expect(await mailIn(t.id, 'resolution', 'sent')).toMatchObject({ locale: 'ko', attempts: 1 });
  });

  it('a template resolution with its canned reply sends one mail naming the outcome and quoting the reply', async () => {
    const agent = await createUser({ name: '김상담' });
    const s = await loginAs(server.app, agent);
    const email = uniqueEmail('jiho');
    const t = await createTicket({ customer: { name: '정지호', email, phone: null } });
    await s.post(`/tickets/${t.id}/scenario`).send({ templateKey: 'missing_item' }).expect(200);
    await s.put(`/tickets/${t.id}/scenario/fields`).send({ fields: { missingItems: [{ sku: 'SKU-MUG-WHT', qty: 1 }] } }).expect(200);
    for (const step of ['compareItems', 'checkTracking', 'contactCourier']) {
      await s.post(`/tickets/${t.id}/scenario/checklist/${step}`).send({ done: true }).expect(200);
    }
    await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'full_refund', reply: { lang: 'ko' } }).expect(200);

    const [mail] = await smtp.waitForMessages(1, { to: email });
    expect(mail.subject).toBe(`[${t.reference}] 문의가 해결되었습니다`);
    expect(mail.text).toContain('처리 결과: 주문 전액 환불');
    expect(mail.text).toContain('담당 상담원의 안내:');
    expect(mail.text).toContain('  안녕하세요, 정지호 고객님.');
    await expectWorkingLink(mail, t);
    await mailIn(t.id, 'resolution', 'sent');
    await new Promise((r) => setTimeout(r, 1_000));
    // The reply travelled inside the resolution mail, not as a second one.
    expect((await rowsFor(t.id)).map((r) => r.kind)).toEqual(['resolution']);
    expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('queueConfirmation and queueAccessLink: one mail per trigger, each with its own working link', async () => {
    const t = await createTicket({ customer: { name: '최유나', email: uniqueEmail('yuna'), phone: null } });
    const ctx = await factoryContext();
    const mail = ctx.get(OutboundMailService, { strict: false });
    const db = ctx.get(DataSource);
    const first = await db.transaction((m) => mail.queueConfirmation(m, t.id));
    const again = await db.transaction((m) => mail.queueConfirmation(m, t.id));
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    const at = new Date();
    const link = await db.transaction((m) => mail.queueAccessLink(m, t.id, at));
    expect(await db.transaction((m) => mail.queueAccessLink(m, t.id, at))).toBeNull(); // a double click
    expect(await db.transaction((m) => mail.queueAccessLink(m, t.id, new Date(at.getTime() + 10 * 60_000)))).toEqual(expect.any(String));
    expect(link).toEqual(expect.any(String));

    const got = await smtp.waitForMessages(3, { to: t.customer.email! });
    const confirmation = got.find((m) => m.subject === `[${t.reference}] 문의가 접수되었습니다`)!;
    expect(confirmation.text).toContain(`접수번호: ${t.reference}`);
    expect(confirmation.text).toMatch(/첫 답변을 드리겠습니다/);
    const tokens = new Set<string>();
    for (const m of got) tokens.add(await expectWorkingLink(m, t));
    expect(tokens.size).toBe(3); // a fresh token per mail
  });

  it('duplicate delivery of a job sends the mail once', async () => {
    const t = await createTicket({ customer: { name: '한도윤', email: uniqueEmail('doyun'), phone: null } });
    const ctx = await factoryContext();
    const mail = ctx.get(OutboundMailService, { strict: false });
    const queue = ctx.get<Queue>(getQueueToken(QueueName.Notifications), { strict: false });
    const id = (await ctx.get(DataSource).transaction((m) => mail.queueAccessLink(m, t.id)))!;
    // The relay adds mail-<id>; two more deliveries of the same mail race it.
    const dupes = [`${mailJobId(id)}-dup1`, `${mailJobId(id)}-dup2`];
    await Promise.all(dupes.map((jobId) => queue.add(SEND_MAIL, { messageId: id }, { jobId })));
    const states = () => Promise.all([mailJobId(id), ...dupes].map(async (j) => (await queue.getJob(j))?.getState()));
    await waitFor(async () => ((await states()).every((s) => s === 'completed') ? true : undefined), 20_000);
    // And once more after it was sent.
    await queue.add(SEND_MAIL, { messageId: id }, { jobId: `${mailJobId(id)}-dup3` });
    await new Promise((r) => setTimeout(r, 1_000));

    expect(smtp.messages.filter((m) => m.to.includes(t.customer.email!))).toHaveLength(1);
    const [row] = await rowsFor(t.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    const results = await Promise.all([mailJobId(id), ...dupes].map(async (j) => (await queue.getJob(j))!.returnvalue));
    expect(results.sort()).toEqual(['sent', 'skipped', 'skipped']);
  });

  it('a server that keeps answering 4xx: retried with backoff, then failed with every attempt counted', async () => {
    const agent = await createUser();
    const s = await loginAs(server.app, agent);
    const t = await createTicket({ status: 'open', customer: { name: '오세훈', email: uniqueEmail('sehun'), phone: null } });
    const refusedBefore = smtp.refused;
    smtp.refuseWith(451);
    try {
      await s.post(`/tickets/${t.id}/messages`).send({ kind: 'public_reply', body: '확인해 보겠습니다.' }).expect(201);
      const row = await mailIn(t.id, 'agent_reply', 'failed');
      expect(row.attempts).toBe(5);
      expect(row.last_error).toMatch(/451/);
      expect(row.sent_at).toBeNull();
      expect(smtp.refused - refusedBefore).toBe(5);
    } finally {
      smtp.refuseWith(null);
    }
    expect(smtp.messages.filter((m) => m.to.includes(t.customer.email!))).toHaveLength(0);
  });

  it('a permanent 5xx refusal fails at once (no pointless retries)', async () => {
    const agent = await createUser();
    const s = await loginAs(server.app, agent);
    const t = await createTicket({ status: 'open', customer: { name: '윤하늘', email: uniqueEmail('haneul'), phone: null } });
    const refusedBefore = smtp.refused;
    smtp.refuseWith(550);
    try {
      await s.post(`/tickets/${t.id}/messages`).send({ kind: 'public_reply', body: '확인해 보겠습니다.' }).expect(201);
      const row = await mailIn(t.id, 'agent_reply', 'failed');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/550/);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(smtp.refused - refusedBefore).toBe(1);
    } finally {
      smtp.refuseWith(null);
    }
  });

  it('an SLA breach and its escalation e-mail every active lead and admin, never the customer', async () => {
    const [{ id: calendarId }] = await testQuery<{ id: string }>(`SELECT id FROM business_calendars WHERE key = 'default'`);
    await testQuery(
      `INSERT INTO sla_policies (key, name_ko, name_en, position, filter, targets, ladder, calendar_id)
       VALUES ('mailFast', '메일 테스트', 'Mail test', 0, $1, $2, $3, $4)`,
      [
        JSON.stringify({ tagsAny: ['mail-sla-fast'] }),
        JSON.stringify({ normal: { first_reply: { minutes: 1 / 60, business: false } } }),
        JSON.stringify({ warningPercent: 50, escalateAfterSeconds: 1, raisePriorityAfterSeconds: 3600 }),
        calendarId,
      ],
    );
    // Inserted behind the service's back: drop the factories' cached policy list (10 s) so it is seen.
    (await factoryContext()).get(SlaService, { strict: false }).invalidatePolicies();
    try {
      const lead = await createUser({ role: 'lead', name: '김팀장', email: uniqueEmail('lead') });
      const inactive = await createUser({ role: 'lead', email: uniqueEmail('gone'), active: false });
      const t = await createTicket({ tags: ['mail-sla-fast'], customer: { name: '서지우', email: uniqueEmail('jiwoo'), phone: null } });

      const got = await smtp.waitForMessages(2, { to: lead.email, timeoutMs: 20_000 });
      expect(got.map((m) => m.subject).sort()).toEqual([
        `[SLA] ${t.reference} 첫 응답 SLA 위반 / SLA breached (first reply)`,
        `[SLA] ${t.reference} 첫 응답 SLA 위반 에스컬레이션 / SLA breach escalated (first reply)`,
      ]);
      expect(got[0].text).toContain(`${PUBLIC_BASE_URL}/#/tickets/${t.id}/show`);
      expect(got[0].text).not.toMatch(LINK);
      const rows = (await rowsFor(t.id)).filter((r) => r.to_address === lead.email);
      expect(rows.map((r) => [r.kind, r.locale])).toEqual([
        ['sla_escalation', 'ko'],
        ['sla_escalation', 'ko'],
      ]);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(smtp.messages.filter((m) => m.to.includes(inactive.email) || m.to.includes(t.customer.email!))).toEqual([]);
    } finally {
      await testQuery(`DELETE FROM ticket_sla WHERE policy_id IN (SELECT id FROM sla_policies WHERE key = 'mailFast')`);
      await testQuery(`DELETE FROM sla_policies WHERE key = 'mailFast'`);
    }
  });

  it('without SMTP_HOST the mail is stored and marked not sent: no SMTP', async () => {
    await worker.stop();
    process.env.SMTP_HOST = ''; // empty = unset
    worker = await startWorkerProcess();
    const agent = await createUser();
    const s = await loginAs(server.app, agent);
    const t = await createTicket({ status: 'open', customer: { name: '강민호', email: uniqueEmail('minho'), phone: null } });
    await s.post(`/tickets/${t.id}/messages`).send({ kind: 'public_reply', body: '곧 연락드리겠습니다.' }).expect(201);

    const row = await mailIn(t.id, 'agent_reply', 'not_sent');
    expect(row).toMatchObject({ status_reason: 'no SMTP', attempts: 0, sent_at: null, smtp_message_id: null });
    const [listed] = (await s.get(`/tickets/${t.id}/outbound-messages`).expect(200)).body;
    expect(listed).toMatchObject({ status: 'not_sent', statusReason: 'no SMTP' });
    expect(smtp.messages.filter((m) => m.to.includes(t.customer.email!))).toHaveLength(0);
  });
});
