import type { TemplateSuggestion, TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import type { CreateTicketInput, TicketRecord } from '@shopdesk/contracts/tickets';
import { SEED_TEMPLATES } from '@shopdesk/server/scenarios/seed-templates';
import { createUser, seedTemplates, testQuery, ticketInput, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

type Session = Awaited<ReturnType<typeof loginAs>>;

describe('scenario templates: five scenarios end to end (e2e)', () => {
  let server: TestServer;
  let agent: TestUser;
  let s: Session;

  beforeAll(async () => {
    await seedTemplates();
    server = await startTestServer();
    agent = await createUser({ role: 'agent', name: '김상담' });
    s = await loginAs(server.app, agent);
  });
  afterAll(() => server.close());

  async function newTicket(input: Partial<CreateTicketInput>): Promise<TicketRecord> {
    return (await s.post('/tickets').send(ticketInput({ channel: 'email', ...input })).expect(201)).body;
  }
  async function suggest(id: string): Promise<TemplateSuggestion[]> {
    return (await s.get(`/tickets/${id}/scenario/suggestions`).expect(200)).body;
  }
  async function apply(id: string, templateKey: string): Promise<TicketScenarioRecord> {
    return (await s.post(`/tickets/${id}/scenario`).send({ templateKey }).expect(200)).body;
  }
  async function fill(id: string, fields: Record<string, unknown>): Promise<TicketScenarioRecord> {
    return (await s.put(`/tickets/${id}/scenario/fields`).send({ fields }).expect(200)).body;
  }
  async function tick(id: string, ...steps: string[]): Promise<void> {
    for (const step of steps) await s.post(`/tickets/${id}/scenario/checklist/${step}`).send({ done: true }).expect(200);
  }
  async function preview(id: string, replyId: string, lang: 'ko' | 'en', extra: object = {}): Promise<string> {
    return (await s.post(`/tickets/${id}/scenario/replies/${replyId}/preview`).send({ lang, ...extra }).expect(200)).body.body;
  }
  async function eventKinds(id: string): Promise<string[]> {
    return (await testQuery<{ kind: string }>('SELECT kind FROM ticket_events WHERE ticket_id = $1 ORDER BY id', [id])).map(
      (e) => e.kind,
    );
  }
  async function lastPublicReply(id: string): Promise<string> {
    const thread = (await s.get(`/tickets/${id}/messages`).query({ range: '[0,99]' }).expect(200)).body;
    return thread.filter((m: { kind: string }) => m.kind === 'public_reply').at(-1).body;
  }

  it('배송 누락 (missing_item): blocking checklist and required items enforced, reship queues a pending automation', async () => {
    const t = await newTicket({ subject: '주문한 상품 중 하나가 누락됐어요', customer: { name: '이서연', email: 'seoyeon@example.com' } });
    const [best] = await suggest(t.id);
    expect(best.templateKey).toBe('missing_item');
    expect(best.reasons.map((r) => r.ko).join(' ')).toMatch(/누락/);

    // Customers rarely say "누락": "1장만 왔어요" (only one came) must point to the same template.
    const plain = await newTicket({ subject: '티셔츠 2장 중 1장만 왔어요' });
    const ranked = await suggest(plain.id);
    expect(ranked[0].templateKey).toBe('missing_item');
    expect(ranked.find((x) => x.templateKey === 'lost_high_value')!.reasons.map((r) => r.en).join()).toMatch(/below/);

    const applied = await apply(t.id, 'missing_item');
    expect(applied).toMatchObject({ templateKey: 'missing_item', templateVersion: 1 });
    expect(applied.fields).toMatchObject({ orderNumber: t.order.number, waybillNumber: t.shipment.waybillNumber });
    expect(applied.missingFields).toEqual(['missingItems']);
    expect(applied.deadlines.map((d) => d.state)).toEqual(['ok', 'ok']);

    const early = await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'reship' }).expect(409);
    expect(early.body.code).toBe('CHECKLIST_INCOMPLETE');
    const noItems = await s.post(`/tickets/${t.id}/scenario/checklist/compareItems`).send({ done: true }).expect(422);
    expect(noItems.body.errors).toHaveProperty(['fields.missingItems']);
    const badItems = await s
      .put(`/tickets/${t.id}/scenario/fields`)
      .send({ fields: { missingItems: [{ sku: 'SKU-MUG-WHT', qty: 0 }], nope: 1 } })
      .expect(422);
    expect(Object.keys(badItems.body.errors).sort()).toEqual(['fields.missingItems', 'fields.nope']);

    await fill(t.id, { missingItems: [{ sku: 'SKU-MUG-WHT', name: '머그컵 화이트', qty: 1 }] });
    await tick(t.id, 'compareItems', 'checkTracking', 'contactCourier');
    const ko = await preview(t.id, 'reshipConfirmed', 'ko', { code: 'reship' });
    expect(ko).toContain('이서연');
    expect(ko).not.toMatch(/\{\{/);
    const en = await preview(t.id, 'reshipConfirmed', 'en', { code: 'reship' });
    expect(en).toContain(t.order.number!);
    expect(en.replace(/이서연|김상담/g, '')).not.toMatch(/[가-힣]/); // English apart from the names

    const done = await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'reship', reply: { lang: 'ko' } }).expect(200);
    expect(done.body.resolution).toMatchObject({ code: 'reship', by: '김상담' });
    expect(await lastPublicReply(t.id)).toBe(ko);
    // Reshipping waits on the warehouse (the template says so) before the ticket can resolve.
    expect((await s.get(`/tickets/${t.id}`).expect(200)).body.status).toBe('pending_warehouse');
    const kinds = await eventKinds(t.id);
    expect(kinds).toEqual(expect.arrayContaining(['scenario_applied', 'checklist_changed', 'resolution_recorded', 'automation_pending']));
    const [pending] = await testQuery<{ after: { action: string } }>(
      `SELECT after FROM ticket_events WHERE ticket_id = $1 AND kind = 'automation_pending'`,
      [t.id],
    );
    expect(pending.after.action).toBe('reshipment_request');
    await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'full_refund' }).expect(409);
  });

  it('고가 상품 분실 (lost_high_value): priority raised, deadlines from the expected date, no resolution without evidence', async () => {
    const t = await newTicket({
      subject: '해외 직구로 산 노트북이 분실된 것 같아요',
      order: { number: 'ORD-20261101-77001', items: [{ sku: 'SKU-NB-14', name: '노트북 14인치', qty: 1, price: 1_280_000 }], paymentMethod: 'card', paidAt: '2026-11-01T10:00:00+09:00' },
      shipment: { courierCode: '01', waybillNumber: 'EB848991496CN', expectedDeliveryDate: '2026-11-15' },
    });
    const [best] = await suggest(t.id);
    expect(best.templateKey).toBe('lost_high_value');
    expect(best.reasons.map((r) => r.en).join(' ')).toMatch(/high value/);

    const applied = await apply(t.id, 'lost_high_value');
    const ticket = (await s.get(`/tickets/${t.id}`).expect(200)).body as TicketRecord;
    expect(ticket.priority).toBe('urgent');
    expect(ticket.tags).toContain('high_value');
    const due = Object.fromEntries(applied.deadlines.map((d) => [d.id, d]));
    expect(due.disputeOpensAt.dueAt).toBe('2026-11-14T15:00:00.000Z'); // 2026-11-15 00:00 KST
    expect(due.processingEndsAt.dueAt).toBe('2027-01-14T14:59:59.999Z'); // +60 days, end of day KST
    expect(due.disputeWindowEndsAt.state).toBe('unknown'); // not received

    await fill(t.id, { declaredValue: 1_280_000, disputeReference: 'DSP-2026-1187' });
    const noEvidence = await s.post(`/tickets/${t.id}/scenario/checklist/confirmLoss`).send({ done: true }).expect(422);
    expect(noEvidence.body.errors).toHaveProperty(['fields.trackingEvidence']);
    await s.post(`/tickets/${t.id}/scenario/checklist/openDispute`).send({ done: true }).expect(200);
    const blocked = await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'full_refund' }).expect(409);
    expect(blocked.body.message).toMatch(/confirmLoss/);

    await fill(t.id, { trackingEvidence: [{ description: '11/8 인천 통관 이후 스캔 없음 (배송조회 캡처)' }] });
    await tick(t.id, 'confirmLoss');
    const noReason = await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'compensation', amount: 50_000 }).expect(422);
    expect(noReason.body.errors).toHaveProperty('reasonCode');
    const tooMuch = await s
      .post(`/tickets/${t.id}/scenario/resolve`)
      .send({ code: 'compensation', amount: 5_000_000, reasonCode: 'damageOrLoss' })
      .expect(422);
    expect(tooMuch.body.errors.amount).toMatch(/1280000/);

    const en = await preview(t.id, 'settled', 'en', { code: 'full_refund' });
    expect(en).toContain('KRW 1,280,000'); // a full refund is the order amount
    expect(en).not.toContain('(not provided)');
    await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'full_refund', reply: { lang: 'en' } }).expect(200);
    expect(await lastPublicReply(t.id)).toBe(en);
  });

  it('환불 거절 이의 (refund_refused): a refusal needs a reason code, and the reply states it', async () => {
    const t = await newTicket({
      type: 'refund',
      subject: '카카오페이 환불이 거절됐는데 이의를 제기합니다',
      order: { number: 'ORD-20261110-31002', amount: 89_000, paymentMethod: 'kakaopay', paidAt: '2026-11-10T09:12:00+09:00' },
      shipment: {},
    });
    const [best] = await suggest(t.id);
    expect(best.templateKey).toBe('refund_refused');
    expect(best.reasons.map((r) => r.en).join(' ')).toMatch(/kakaopay/);
    const applied = await apply(t.id, 'refund_refused');
    expect(applied.fields.paymentMethod).toBe('kakaopay');
    expect(applied.deadlines.find((d) => d.id === 'refundRequestDeadline')!.dueAt).toBe('2026-11-17T14:59:59.999Z');

    await fill(t.id, {
      transactionId: 'KP-T-20261110-998812',
      refundRequestedAt: '2026-11-18T21:05:00+09:00',
      refusalReason: 'pastDeadline',
      problemDescription: '환불 기한을 하루 넘겼다는 이유로 거절되었습니다.',
      desiredOutcome: 'reRefund',
    });
    await tick(t.id, 'reviewRefusal', 'checkAppeal', 'decide');
    const noReason = await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'refusal_upheld' }).expect(422);
    expect(noReason.body.errors.reasonCode).toMatch(/pastDeadline/);
    await s
      .post(`/tickets/${t.id}/scenario/resolve`)
      .send({ code: 'refusal_upheld', reasonCode: 'nope' })
      .expect(422);
    const ko = await preview(t.id, 'refusalExplained', 'ko', { code: 'refusal_upheld', reasonCode: 'pastDeadline' });
    const en = await preview(t.id, 'refusalExplained', 'en', { code: 'refusal_upheld', reasonCode: 'pastDeadline' });
    const tpl = SEED_TEMPLATES.find((x) => x.key === 'refund_refused')!;
    const reason = tpl.definition.resolutions.find((r) => r.code === 'refusal_upheld')!.reasonCodes!.find((r) => r.code === 'pastDeadline')!;
    expect(ko).toContain(reason.label.ko);
    expect(en).toContain(reason.label.en);
    const done = await s
      .post(`/tickets/${t.id}/scenario/resolve`)
      .send({ code: 'refusal_upheld', reasonCode: 'pastDeadline', note: '기한 경과 확인', reply: { lang: 'ko', body: `${ko}\n(상담원 추가 안내)` } })
      .expect(200);
    expect(done.body.resolution).toMatchObject({ code: 'refusal_upheld', reasonCode: 'pastDeadline', note: '기한 경과 확인' });
    expect(await lastPublicReply(t.id)).toBe(`${ko}\n(상담원 추가 안내)`);
  });

  it('휴대폰 소액결제 취소 (micropayment_cancel): cancelling after the billing month is refused and offers convert-to-refund', async () => {
    const late = await newTicket({
      type: 'cancellation',
      subject: '휴대폰 소액결제 취소하고 싶어요',
      customer: { name: '박지우', phone: '010-0123-4567' },
      order: { amount: 33_000, paymentMethod: 'mobile_carrier', paidAt: '2026-10-05T10:00:00+09:00' },
      shipment: {},
    });
    const [best] = await suggest(late.id);
    expect(best.templateKey).toBe('micropayment_cancel');
    const applied = await apply(late.id, 'micropayment_cancel');
    expect(applied.fields).toMatchObject({ amount: 33_000, phoneNumber: '010-0123-4567' });
    const window = applied.deadlines.find((d) => d.id === 'cancelWindowEndsAt')!;
    expect(window).toMatchObject({ dueAt: '2026-10-31T14:59:59.999Z', state: 'passed' });

    await fill(late.id, { productName: '모바일 게임 아이템 패키지' });
    await tick(late.id, 'matchPayment', 'checkWindow');
    const refused = await s.post(`/tickets/${late.id}/scenario/resolve`).send({ code: 'cancelled' }).expect(409);
    expect(refused.body.code).toBe('RESOLUTION_DEADLINE_PASSED');
    expect(refused.body.message).toMatch(/converted_to_refund/);
    expect(refused.body.errors.code).toMatch(/converted_to_refund/);
    const en = await preview(late.id, 'convertedToRefund', 'en', { code: 'converted_to_refund' });
    await s.post(`/tickets/${late.id}/scenario/resolve`).send({ code: 'converted_to_refund', reply: { lang: 'en' } }).expect(200);
    expect(await lastPublicReply(late.id)).toBe(en);

    // Within the billing month, cancellation is allowed and the reply says how and when the customer hears back.
    const fresh = await newTicket({
      type: 'cancellation',
      subject: '소액결제 취소 요청',
      customer: { name: '최민호', phone: '010-0987-6543' },
      order: { amount: 12_900, paymentMethod: 'mobile_carrier', paidAt: new Date().toISOString() },
      shipment: {},
    });
    await apply(fresh.id, 'micropayment_cancel');
    await fill(fresh.id, { productName: '웹툰 이용권' });
    await tick(fresh.id, 'matchPayment', 'checkWindow');
    const ko = await preview(fresh.id, 'cancelDone', 'ko', { code: 'cancelled' });
    expect(ko).toMatch(/문자|SMS/);
    expect(ko).toMatch(/이메일|메일/);
    await s.post(`/tickets/${fresh.id}/scenario/resolve`).send({ code: 'cancelled', reply: { lang: 'ko' } }).expect(200);
    expect(await lastPublicReply(fresh.id)).toBe(ko);
  });

  it('결제 후 연락 두절 (seller_unreachable): payment must be verified first; referral needs the contact log', async () => {
    const t = await newTicket({
      type: 'refund',
      subject: '입금했는데 판매자와 연락 두절입니다',
      order: { number: 'ORD-20261112-55120', amount: 420_000, paymentMethod: 'bank_transfer', paidAt: '2026-11-12T13:40:00+09:00' },
      shipment: {},
    });
    const [best] = await suggest(t.id);
    expect(best.templateKey).toBe('seller_unreachable');
    await apply(t.id, 'seller_unreachable');
    expect(await eventKinds(t.id)).toContain('automation_pending'); // fraud review on apply

    const early = await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'referred_to_agency' }).expect(409);
    expect(early.body.message).toMatch(/verifyPayment/);
    await fill(t.id, {
      paymentProof: [{ description: '인터넷뱅킹 이체 확인증', ref: 'email 2026-11-12' }],
      productInfo: '중고 카메라 바디',
      contactAttempts: '11/13 전화 2회 무응답, 11/14 이메일 발송, 11/16 문자 발송',
    });
    await tick(t.id, 'verifyPayment', 'contactSeller');
    const ko = await preview(t.id, 'externalRoutes', 'ko', { code: 'referred_to_agency' });
    expect(ko).toMatch(/한국소비자원/);
    await s.post(`/tickets/${t.id}/scenario/resolve`).send({ code: 'referred_to_agency', reply: { lang: 'ko' } }).expect(200);
    expect(await lastPublicReply(t.id)).toBe(ko);
  });

  describe('templates as versioned data', () => {
    let admin: Session;
    beforeAll(async () => {
      admin = await loginAs(server.app, await createUser({ role: 'admin' }));
    });

    it('rejects an unknown reply variable at save time, naming the path', async () => {
      const tpl = structuredClone(SEED_TEMPLATES.find((x) => x.key === 'missing_item')!);
      tpl.definition.replies[0].body.ko += ' {{customer.nickname}}';
      const res = await admin.put('/scenario-templates/missing_item').send(tpl).expect(422);
      expect(res.body.errors['definition.replies[0].body.ko']).toMatch(/unknown variable \{\{customer\.nickname\}\}/);
      const bad = await admin.post('/scenario-templates').send({ ...tpl, key: 'Bad Key' }).expect(422);
      expect(bad.body.errors).toHaveProperty(['key']);
    });

    it('saves a new version; tickets stay pinned to the version they were triaged with', async () => {
      const t = await newTicket({ subject: '상품 누락 문의' });
      await apply(t.id, 'missing_item');
      const tpl = structuredClone(SEED_TEMPLATES.find((x) => x.key === 'missing_item')!);
      tpl.definition.checklist.push({ id: 'callCustomer', label: { ko: '고객에게 전화', en: 'Call the customer' }, blocking: true });
      const saved = await admin.put('/scenario-templates/missing_item').send({ ...tpl, id: 'missing_item', version: 1 }).expect(200);
      expect(saved.body.version).toBe(2);
      const versions = await admin.get('/scenario-templates/missing_item/versions').expect(200);
      expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);

      const pinned = (await s.get(`/tickets/${t.id}/scenario`).expect(200)).body.scenario as TicketScenarioRecord;
      expect(pinned.templateVersion).toBe(1);
      expect(pinned.checklist.map((c) => c.id)).not.toContain('callCustomer');
      const t2 = await newTicket({ subject: '상품 누락 문의 2' });
      expect((await apply(t2.id, 'missing_item')).templateVersion).toBe(2);

      await s.put('/scenario-templates/missing_item').send(tpl).expect(403); // agents cannot edit templates

      // Templates are shared by every test file: put the seed definition back as version 3.
      const seed = structuredClone(SEED_TEMPLATES.find((x) => x.key === 'missing_item')!);
      const restored = await admin.put('/scenario-templates/missing_item').send({ ...seed, id: 'missing_item', version: 2 }).expect(200);
      expect(restored.body.version).toBe(3);
      expect(restored.body.definition.checklist.map((c: { id: string }) => c.id)).not.toContain('callCustomer');
    });

    it('switching template keeps history and recomputes deadlines', async () => {
      const t = await newTicket({ subject: '배송이 안 왔어요', shipment: { courierCode: '04', waybillNumber: '612345678901', expectedDeliveryDate: '2026-11-20' } });
      await apply(t.id, 'missing_item');
      const switched = await apply(t.id, 'lost_high_value');
      expect(switched.templateKey).toBe('lost_high_value');
      expect(switched.fields.orderNumber).toBe(t.order.number); // carried over (same id and type)
      expect(switched.deadlines.find((d) => d.id === 'processingEndsAt')!.dueAt).toBe('2027-01-19T14:59:59.999Z');
      const [history] = await testQuery<{ before: { templateKey: string } }>(
        `SELECT before FROM ticket_events WHERE ticket_id = $1 AND kind = 'scenario_applied' ORDER BY id DESC LIMIT 1`,
        [t.id],
      );
      expect(history.before.templateKey).toBe('missing_item');
      const wrongType = await s.post(`/tickets/${t.id}/scenario`).send({ templateKey: 'refund_refused' }).expect(422);
      expect(wrongType.body.errors).toHaveProperty('templateKey');
    });

    it('lists tickets whose template deadline falls within 48 hours', async () => {
      const t = await newTicket({
        type: 'cancellation',
        subject: '소액결제 취소',
        order: { amount: 5_000, paymentMethod: 'mobile_carrier', paidAt: new Date(Date.now() - 40 * 86400_000).toISOString() },
        shipment: {},
      });
      await apply(t.id, 'micropayment_cancel');
      const far = await newTicket({ subject: '누락 건' });
      await apply(far.id, 'missing_item');
      const within = await s
        .get('/tickets')
        .query({ filter: JSON.stringify({ deadlineWithinHours: 48, id: [t.id, far.id] }) })
        .expect(200);
      // The micropayment window has no live deadline left (passed); missing_item's courier check is due in 24 h.
      expect(within.body.map((x: TicketRecord) => x.id)).toEqual([far.id]);
      await s.get('/tickets').query({ filter: '{"deadlineWithinHours":"soon"}' }).expect(400);
    });
  });
});
