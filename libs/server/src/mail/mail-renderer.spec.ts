import { STATUS_URL_PLACEHOLDER } from '@shopdesk/contracts/mail';
import {
  fillStatusUrl,
  renderAccessLink,
  renderAgentReply,
  renderConfirmation,
  renderResolution,
  renderSlaEscalation,
} from './mail-renderer';

const ticket = { reference: 'SD-000123', customerName: '이서연', subject: '주문한 상품 중 일부가 오지 않았어요' };
// 2026-11-20 15:00 KST
const due = new Date('2026-11-20T06:00:00Z');

describe('customer mails', () => {
  it.each(['ko', 'en'] as const)('every customer mail (%s) names the reference and carries exactly one link placeholder', (locale) => {
    const mails = [
      renderConfirmation(locale, { ...ticket, firstReplyDueAt: due }),
      renderAgentReply(locale, { ...ticket, replyText: '확인해 보겠습니다.' }),
      renderResolution(locale, { ...ticket, resolutionLabel: null, replyTexts: [], reopenDays: 14 }),
      renderAccessLink(locale, ticket),
    ];
    for (const m of mails) {
      expect(m.subject).toMatch(/^\[SD-000123\] /);
      expect(m.text).toContain('SD-000123');
      expect(m.text.split(STATUS_URL_PLACEHOLDER)).toHaveLength(2);
      expect(m.text).toContain(ticket.subject);
      // No other template syntax leaks into a customer's inbox.
      expect(m.text.replace(STATUS_URL_PLACEHOLDER, '')).not.toMatch(/\{\{|\}\}|undefined|null/);
    }
  });

  it('writes Korean for ko and English for en', () => {
    const ko = renderConfirmation('ko', { ...ticket, firstReplyDueAt: due });
    const en = renderConfirmation('en', { ...ticket, firstReplyDueAt: due });
    expect(ko.subject).toBe('[SD-000123] 문의가 접수되었습니다');
    expect(ko.text).toMatch(/^안녕하세요, 이서연 고객님\./);
    expect(en.subject).toBe('[SD-000123] We have received your request');
    expect(en.text).toMatch(/^Hello 이서연,/);
    // Only the customer's own words stay Korean in the English mail.
    expect(en.text.replaceAll(ticket.customerName, '').replaceAll(ticket.subject, '')).not.toMatch(/[가-힣]/);
  });

  it('promises the first reply by the SLA due time in KST, or soon without one', () => {
    expect(renderConfirmation('ko', { ...ticket, firstReplyDueAt: due }).text).toContain('늦어도 2026년 11월 20일 (금) 15:00까지 첫 답변을 드리겠습니다.');
    expect(renderConfirmation('en', { ...ticket, firstReplyDueAt: due }).text).toContain('by Fri, 20 Nov 2026 15:00 KST at the latest');
    expect(renderConfirmation('ko', { ...ticket, firstReplyDueAt: null }).text).toContain('최대한 빨리 첫 답변을 드리겠습니다');
    expect(renderConfirmation('en', { ...ticket, firstReplyDueAt: null }).text).toContain('as soon as we have looked into it');
  });

  it('quotes the whole reply, keeping its line breaks', () => {
    const text = renderAgentReply('ko', { ...ticket, replyText: '안녕하세요.\n\n택배사에 확인 요청했습니다.\n내일 다시 안내드릴게요.' }).text;
    expect(text).toContain('  안녕하세요.\n\n  택배사에 확인 요청했습니다.\n  내일 다시 안내드릴게요.');
  });

  it('names the resolution outcome, includes a reply sent with it, and explains confirm / reopen', () => {
    const ko = renderResolution('ko', { ...ticket, resolutionLabel: '누락분 재배송', replyTexts: ['재배송을 접수했습니다.'], reopenDays: 14 }).text;
    expect(ko).toContain('처리 결과: 누락분 재배송');
    expect(ko).toContain('  재배송을 접수했습니다.');
    expect(ko).toContain("'해결 확인'");
    expect(ko).toContain('14일 이내에 같은 링크에서 문의를 다시 열 수 있습니다');
    const en = renderResolution('en', { ...ticket, resolutionLabel: 'Reship the missing items', replyTexts: [], reopenDays: 14 }).text;
    expect(en).toContain('Outcome: Reship the missing items');
    expect(en).toContain('reopen your request from the same link within 14 days');
    expect(en).not.toContain('A note from our team');
    const noLabel = renderResolution('ko', { ...ticket, resolutionLabel: null, replyTexts: [], reopenDays: 0 }).text;
    expect(noLabel).not.toContain('처리 결과:');
    expect(noLabel).not.toContain('0일');
  });
});

describe('SLA escalation mail (staff)', () => {
  it('is bilingual, links to the admin ticket page and never to the customer link', () => {
    const m = renderSlaEscalation({
      reference: 'SD-000123',
      subject: '배송 누락',
      recipientName: '김팀장',
      target: 'first_reply',
      rung: 'escalate',
      dueAt: due,
      priority: 'high',
      assigneeName: null,
      ticketUrl: 'https://desk.example/#/tickets/abc/show',
    });
    expect(m.subject).toBe('[SLA] SD-000123 첫 응답 SLA 위반 에스컬레이션 / SLA breach escalated (first reply)');
    expect(m.text).toContain('김팀장님, 티켓 SD-000123의 첫 응답 목표 시간이 지났습니다');
    expect(m.text).toContain('the first reply target of ticket SD-000123 has passed');
    expect(m.text).toContain('기한: 2026년 11월 20일 (금) 15:00');
    expect(m.text).toContain('담당자: 미배정');
    expect(m.text).toContain('https://desk.example/#/tickets/abc/show');
    expect(m.text).not.toContain(STATUS_URL_PLACEHOLDER);
  });
});

describe('fillStatusUrl', () => {
  it('replaces every placeholder and nothing else', () => {
    const url = 'https://desk.example/support/t/SD-000123#tok_$&$1';
    const body = `a ${STATUS_URL_PLACEHOLDER} b {{other}} ${STATUS_URL_PLACEHOLDER}`;
    // `$&` in a token must not be read as a replacement pattern.
    expect(fillStatusUrl(body, url)).toBe(`a ${url} b {{other}} ${url}`);
  });
});
