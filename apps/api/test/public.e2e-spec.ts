import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { PublicFormInfo, PublicTicketCreated, PublicTicketView } from '@shopdesk/contracts/public';
import { createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { ELF_BYTES, formToken, micropaymentSubmission, PNG_1PX } from '@shopdesk/testing/public-form';
import { loginAs, startTestServer, withTestServer, type TestServer } from '@shopdesk/testing/test-server';

// The customer side of the desk against the real API, PostgreSQL and Redis: the public form,
// idempotency, abuse controls, uploads checked by content, and the private status link.

jest.setTimeout(30_000);

let server: TestServer;
const http = () => request(server.app.getHttpServer());
const ticketsFor = async (email: string) =>
  testQuery<{ id: string; reference: string; channel: string; customer_locale: string; template_key: string | null }>(
    `SELECT id, reference, channel, customer_locale, template_key FROM tickets WHERE customer_email = $1`,
    [email.toLowerCase()],
  );

beforeAll(async () => {
  await seedTemplates();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function file(body = micropaymentSubmission(), key: string | null = randomUUID()) {
  const req = http().post('/public/tickets');
  if (key) req.set('Idempotency-Key', key);
  return req.send(body);
}

describe('public form', () => {
  it('offers the five situations in customer words plus "something else", with customer fields only', async () => {
    const res = await http().get('/public/form').expect(200);
    const info = res.body as PublicFormInfo;
    const keys = info.situations.map((s) => s.templateKey);
    expect(keys).toEqual(expect.arrayContaining(['missing_item', 'lost_high_value', 'refund_refused', 'micropayment_cancel', 'seller_unreachable']));
    expect(info.situations.filter((s) => s.templateKey === null).map((s) => s.type).sort()).toEqual(['cancellation', 'missing_delivery', 'refund']);
    const missing = info.situations.find((s) => s.templateKey === 'missing_item')!;
    expect(missing.title.ko).toBe('주문한 상품 중 일부가 오지 않았어요');
    expect(missing.fields.map((f) => f.id)).not.toContain('courierContactLog'); // agent-only
    expect(info.formToken).toMatch(/^\d{13}\./);
    expect(info.attachments.maxFiles).toBe(5);
  });

  it('files a 휴대폰 소액결제 취소 ticket with its template, fields, SLA and a private link', async () => {
    const body = micropaymentSubmission({ locale: 'en' });
    const res = await file(body).expect(201);
    const created = res.body as PublicTicketCreated;
    expect(created.reference).toMatch(/^SD-\d{6,}$/);
    expect(created.token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64url
    expect(created.statusUrl.endsWith(`/support/t/${created.reference}#${created.token}`)).toBe(true);
    expect(created.locale).toBe('en');
    expect(Date.parse(created.firstReplyDueAt!)).toBeGreaterThan(Date.now());

    const [row] = await ticketsFor(body.contact.email);
    expect(row).toMatchObject({ reference: created.reference, channel: 'form', customer_locale: 'en', template_key: 'micropayment_cancel' });
    const [scenario] = await testQuery<{ field_values: Record<string, unknown> }>(`SELECT field_values FROM ticket_scenarios WHERE ticket_id = $1`, [row.id]);
    expect(scenario.field_values).toMatchObject({ productName: '모바일 게임 아이템 패키지', amount: 33_000, carrier: 'skt', phoneNumber: '010-2345-6789' });
    const [facts] = await testQuery<{ order_amount: string; paid_at: Date }>(`SELECT order_amount, paid_at FROM tickets WHERE id = $1`, [row.id]);
    expect(Number(facts.order_amount)).toBe(33_000);
    expect(new Date(facts.paid_at).toISOString()).toBe('2026-11-20T12:10:00.000Z');
    const [token] = await testQuery<{ token_hash: Buffer }>(`SELECT token_hash FROM customer_access_tokens WHERE ticket_id = $1`, [row.id]);
    expect(token.token_hash.toString('base64url')).not.toBe(created.token); // only the hash is stored
  });

  it('answers the same Idempotency-Key with the same ticket and the same body, also for a concurrent double tap', async () => {
    const body = micropaymentSubmission();
    const key = randomUUID();
    const [a, b] = await Promise.all([file(body, key), file(body, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    const again = await file(body, key).expect(201);
    expect(again.body).toEqual(a.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await ticketsFor(body.contact.email)).toHaveLength(1);

    const other = await file({ ...body, description: `${body.description} 추가 내용` }, key).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ticketsFor(body.contact.email)).toHaveLength(1);
  });

  it('names every bad field with 422 and writes nothing', async () => {
    const body = micropaymentSubmission();
    const bad = {
      ...body,
      contact: { name: '', email: 'not-an-email', phone: '12' },
      privacyConsent: false,
      fields: { ...body.fields, amount: '삼만원', unknownField: 1 },
      description: '',
    };
    const res = await file(bad as never).expect(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors).sort()).toEqual(
      ['contact.email', 'contact.name', 'contact.phone', 'description', 'fields.amount', 'fields.unknownField', 'privacyConsent'].sort(),
    );
    expect(res.body.errors['contact.email']).toMatch(/이메일.*\/.*e-mail/);
    const missingRequired = await file({ ...body, fields: { ...body.fields, phoneNumber: undefined } } as never).expect(422);
    expect(missingRequired.body.errors).toHaveProperty(['fields.phoneNumber']);
    const wrongSituation = await file({ ...body, templateKey: 'no_such_template' }).expect(422);
    expect(wrongSituation.body.errors).toHaveProperty(['templateKey']);
    await http().post('/public/tickets').set('Content-Type', 'application/json').send('{"broken":').expect(400);
    const notJson = await http().post('/public/tickets').field('payload', '{oops').expect(422);
    expect(notJson.body.errors).toHaveProperty(['payload']);
    expect(await ticketsFor(body.contact.email)).toHaveLength(0);
  });

  it('refuses a filled honeypot and a form sent faster than a person can fill it, creating nothing', async () => {
    const body = micropaymentSubmission({ website: 'http://spam.example' });
    const honeypot = await file(body).expect(422);
    expect(honeypot.body.errors).toHaveProperty(['website']);
    const quick = await file(micropaymentSubmission({ formToken: formToken(200), contact: body.contact })).expect(422);
    expect(quick.body.errors.formToken).toMatch(/너무 빨리.*\/.*too soon/);
    const forged = await file(micropaymentSubmission({ formToken: `${Date.now() - 60_000}.abc.def`, contact: body.contact })).expect(422);
    expect(forged.body.errors).toHaveProperty(['formToken']);
    expect(await ticketsFor(body.contact.email)).toHaveLength(0);
  });

  it('files "something else" without a template', async () => {
    const body = micropaymentSubmission({ templateKey: null, type: 'refund', fields: { orderNumber: 'ORD-20261120-1234' } });
    const res = await file(body).expect(201);
    const [row] = await ticketsFor(body.contact.email);
    expect(row).toMatchObject({ reference: res.body.reference, template_key: null });
  });
});

describe('attachments on the form', () => {
  const multipart = (body: unknown, files: { name: string; bytes: Buffer }[], key = randomUUID()) => {
    const req = http().post('/public/tickets').set('Idempotency-Key', key).field('payload', JSON.stringify(body));
    for (const f of files) req.attach('files', f.bytes, f.name);
    return req;
  };

  it('stores an image checked by its content with the ticket, in one piece', async () => {
    const body = micropaymentSubmission();
    const res = await multipart(body, [{ name: '영수증 캡처.png', bytes: PNG_1PX }]).expect(201);
    expect(res.body.attachments).toEqual([expect.objectContaining({ filename: '영수증 캡처.png', contentType: 'image/png', size: PNG_1PX.length })]);
    const [row] = await ticketsFor(body.contact.email);
    const [att] = await testQuery<{ ticket_id: string; sha256: string }>(`SELECT ticket_id, sha256 FROM attachments WHERE ticket_id = $1`, [row.id]);
    expect(att.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The customer reads it with the token; agents through their authorized route; both as downloads.
    const own = await http()
      .get(`/public/tickets/${res.body.reference}/attachments/${res.body.attachments[0].id}`)
      .set('X-Ticket-Token', res.body.token)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.png"; filename\*=UTF-8''%EC%98%81/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(own.body as Buffer, PNG_1PX)).toBe(0);

    await http().get(`/tickets/${row.id}/attachments/${res.body.attachments[0].id}`).expect(401);
    const agent = await loginAs(server.app, await createUser({ role: 'agent' }));
    const list = await agent.get(`/tickets/${row.id}/attachments`).expect(200);
    expect(list.body).toHaveLength(1);
    const download = await agent.get(`/tickets/${row.id}/attachments/${res.body.attachments[0].id}`).expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    // Another ticket's id in the path does not reach this file.
    const other = await file().expect(201);
    const [otherRow] = await testQuery<{ id: string }>(`SELECT id FROM tickets WHERE reference = $1`, [other.body.reference]);
    await agent.get(`/tickets/${otherRow.id}/attachments/${res.body.attachments[0].id}`).expect(404);
    await http()
      .get(`/public/tickets/${other.body.reference}/attachments/${res.body.attachments[0].id}`)
      .set('X-Ticket-Token', other.body.token)
      .expect(404);
  });

  it('refuses an executable renamed .jpg (422), an oversize file (413) and too many files, with no ticket', async () => {
    const body = micropaymentSubmission();
    const exe = await multipart(body, [{ name: 'photo.jpg', bytes: ELF_BYTES }]).expect(422);
    expect(exe.body.code).toBe('UNSUPPORTED_MEDIA');
    expect(exe.body.errors).toHaveProperty(['files[0]']);
    const big = Buffer.concat([PNG_1PX, randomBytes(10 * 1024 * 1024)]);
    const huge = await multipart(body, [{ name: 'big.png', bytes: big }]).expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const many = await multipart(body, Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, bytes: PNG_1PX }))).expect(422);
    expect(many.body.errors).toHaveProperty(['files']);
    // A good file next to a bad one: nothing is kept.
    await multipart(body, [{ name: 'ok.png', bytes: PNG_1PX }, { name: 'bad.pdf', bytes: ELF_BYTES }]).expect(422);
    expect(await ticketsFor(body.contact.email)).toHaveLength(0);
  });
});

describe('private status page', () => {
  let created: PublicTicketCreated;
  let ticketId: string;
  let agent: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    created = (await file().expect(201)).body;
    [{ id: ticketId }] = await testQuery<{ id: string }>(`SELECT id FROM tickets WHERE reference = $1`, [created.reference]);
    agent = await loginAs(server.app, await createUser({ role: 'agent', name: '김상담' }));
  });

  const view = (token = created.token, reference = created.reference) =>
    http().get(`/public/tickets/${reference}`).set('X-Ticket-Token', token);

  it('shows status and public replies, never internal notes', async () => {
    await agent.post(`/tickets/${ticketId}/messages`).send({ kind: 'internal_note', body: '내부 메모: 결제대행사 확인 필요 SECRET-NOTE' }).expect(201);
    await agent.post(`/tickets/${ticketId}/messages`).send({ kind: 'public_reply', body: '안녕하세요, 통신사에 취소를 요청했습니다.' }).expect(201);
    const res = await view().expect(200);
    const v = res.body as PublicTicketView;
    expect(v.reference).toBe(created.reference);
    expect(v.situation?.ko).toBe('휴대폰으로 결제한 것을 취소하고 싶어요');
    expect(v.messages.map((m) => m.kind)).toEqual(['customer_message', 'public_reply']);
    expect(v.messages[1]).toMatchObject({ authorName: '김상담', body: '안녕하세요, 통신사에 취소를 요청했습니다.' });
    expect(JSON.stringify(res.body)).not.toContain('SECRET-NOTE');
    expect(JSON.stringify(res.body)).not.toMatch(/courierContactLog|assignee|internal/);
    expect(v.deadlines.map((d) => d.id)).toEqual(['cancelWindowEndsAt']);
    expect(v.can).toEqual({ reply: true, confirm: false, reopen: false });
  });

  it('answers 1,000 random tokens and unknown references exactly like each other: 404', async () => {
    const statuses = new Map<number, number>();
    const bodies = new Set<string>();
    for (let i = 0; i < 1_000; i++) {
      const res = await view(randomBytes(32).toString('base64url'));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      bodies.add(JSON.stringify(res.body));
    }
    expect([...statuses]).toEqual([[404, 1_000]]);
    const unknown = await view(created.token, 'SD-999999999').expect(404);
    const noToken = await http().get(`/public/tickets/${created.reference}`).expect(404);
    bodies.add(JSON.stringify(unknown.body)).add(JSON.stringify(noToken.body));
    expect(bodies.size).toBe(1);
  }, 120_000);

  it("does not open another customer's ticket with one's own token", async () => {
    const other = (await file().expect(201)).body as PublicTicketCreated;
    await view(other.token, created.reference).expect(404);
    await view(created.token, other.reference).expect(404);
    await http().post(`/public/tickets/${other.reference}/messages`).set('X-Ticket-Token', created.token).send({ body: '남의 티켓' }).expect(404);
  });

  it('takes a customer reply with evidence that the agent sees; a double tap posts once', async () => {
    const key = randomUUID();
    const send = () =>
      http()
        .post(`/public/tickets/${created.reference}/messages`)
        .set('X-Ticket-Token', created.token)
        .set('Idempotency-Key', key)
        .field('payload', JSON.stringify({ body: '통신사 문자 캡처를 첨부합니다.' }))
        .attach('files', PNG_1PX, 'sms.png');
    const first = await send().expect(201);
    await send().expect(201);
    const v = first.body as PublicTicketView;
    const last = v.messages[v.messages.length - 1];
    expect(last).toMatchObject({ kind: 'customer_message', body: '통신사 문자 캡처를 첨부합니다.' });
    expect(last.attachments).toHaveLength(1);
    const thread = await agent.get(`/tickets/${ticketId}/messages`).query({ sort: JSON.stringify(['createdAt', 'ASC']) }).expect(200);
    expect(thread.body.filter((m: { body: string }) => m.body === '통신사 문자 캡처를 첨부합니다.')).toHaveLength(1);
    const empty = await http().post(`/public/tickets/${created.reference}/messages`).set('X-Ticket-Token', created.token).send({ body: '  ' }).expect(422);
    expect(empty.body.errors).toHaveProperty(['body']);
  });

  it('lets the customer confirm a resolution, or reopen it within the configured days', async () => {
    const a = (await file().expect(201)).body as PublicTicketCreated;
    const [{ id }] = await testQuery<{ id: string }>(`SELECT id FROM tickets WHERE reference = $1`, [a.reference]);
    await agent.post(`/tickets/${id}/messages`).send({ kind: 'public_reply', body: '취소 처리되었습니다.' }).expect(201);
    await agent.post(`/tickets/${id}/status`).send({ status: 'resolved' }).expect(200);
    let v = (await view(a.token, a.reference).expect(200)).body as PublicTicketView;
    expect(v.can).toEqual({ reply: true, confirm: true, reopen: true });
    v = (await http().post(`/public/tickets/${a.reference}/reopen`).set('X-Ticket-Token', a.token).expect(200)).body;
    expect(v.status).toBe('open');

    await agent.post(`/tickets/${id}/status`).send({ status: 'resolved' }).expect(200);
    await testQuery(`UPDATE tickets SET resolved_at = now() - interval '30 days' WHERE id = $1`, [id]);
    v = (await view(a.token, a.reference).expect(200)).body;
    expect(v.can).toEqual({ reply: false, confirm: true, reopen: false });
    const late = await http().post(`/public/tickets/${a.reference}/reopen`).set('X-Ticket-Token', a.token).expect(409);
    expect(late.body.code).toBe('REOPEN_WINDOW_CLOSED');
    v = (await http().post(`/public/tickets/${a.reference}/confirm`).set('X-Ticket-Token', a.token).expect(200)).body;
    expect(v.status).toBe('closed');
  });

  it('re-sends links without telling whether a ticket exists', async () => {
    const known = await http().post('/public/links').send({ email: micropaymentSubmission().contact.email }).expect(202);
    const [t] = await testQuery<{ customer_email: string }>(`SELECT customer_email FROM tickets WHERE reference = $1`, [created.reference]);
    const real = await http().post('/public/links').send({ email: t.customer_email, reference: created.reference }).expect(202);
    expect(real.body).toEqual(known.body);
    const bad = await http().post('/public/links').send({ email: 'nope' }).expect(422);
    expect(bad.body.errors).toHaveProperty(['email']);
  });
});

describe('public rate limits (Redis-backed, shared by API instances)', () => {
  let limited: TestServer;
  let second: TestServer;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.PUBLIC_RATE_LIMIT_PER_IP_PER_HOUR = '3';
    process.env.PUBLIC_RATE_LIMIT_PER_EMAIL_PER_HOUR = '2';
    limited = await startTestServer();
    second = await startTestServer();
  });
  afterAll(async () => {
    process.env = saved;
    await limited?.close();
    await second?.close();
  });

  const from = (s: TestServer, ip: string, body = micropaymentSubmission()) =>
    request(s.app.getHttpServer()).post('/public/tickets').set('X-Forwarded-For', ip).set('Idempotency-Key', randomUUID()).send(body);

  it('limits per client address across instances, with a Korean/English message', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const statuses = [(await from(limited, ip)).status, (await from(second, ip)).status, (await from(limited, ip)).status];
    expect(statuses).toEqual([201, 201, 201]);
    const over = await from(second, ip).expect(429);
    expect(over.body.code).toBe('RATE_LIMITED');
    expect(over.body.message).toMatch(/요청이 너무 많습니다.*\/.*Too many requests/);
  });

  it('limits per e-mail address whatever the client address', async () => {
    const body = micropaymentSubmission();
    const ip = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    await from(limited, ip(), { ...body, formToken: formToken() }).expect(201);
    await from(second, ip(), { ...body, formToken: formToken(), description: `${body.description} 2` }).expect(201);
    const over = await from(limited, ip(), { ...body, formToken: formToken(), description: `${body.description} 3` }).expect(429);
    expect(over.body.message).toMatch(/이메일.*\/.*e-mail/);
    expect(await ticketsFor(body.contact.email)).toHaveLength(2);
  });
});

describe('intake under a rush (write turns)', () => {
  it('queues submissions beyond the write turns, answers 503 + Retry-After past the waiting room, and keeps exactly what it acknowledged', async () => {
    await withTestServer({ PUBLIC_INTAKE_CONCURRENCY: '1', PUBLIC_INTAKE_MAX_WAITING: '1' }, async (s) => {
      const tag = randomUUID().slice(0, 8);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          request(s.app.getHttpServer())
            .post('/public/tickets')
            .set('Idempotency-Key', randomUUID())
            .send(micropaymentSubmission({ contact: { name: '박고객', email: `rush.${tag}.${i}@example.com`, phone: '010-2345-6789' } })),
        ),
      );
      const created = results.filter((r) => r.status === 201);
      const busy = results.filter((r) => r.status === 503);
      // How many find the waiting room full depends on arrival timing (WriteTurns' own spec pins the
      // counts); every answer is either a ticket or a clean 503, and nothing else is stored.
      expect(created.length + busy.length).toBe(8);
      expect(created.length).toBeGreaterThanOrEqual(2); // one writing, one waiting
      for (const r of busy) {
        expect(r.headers['retry-after']).toBe('5');
        expect(r.body.message).toMatch(/접수가 몰려 있습니다/);
      }
      const stored = await testQuery(`SELECT 1 FROM tickets WHERE customer_email LIKE $1`, [`rush.${tag}.%`]);
      expect(stored).toHaveLength(created.length);
    });
  });
});
