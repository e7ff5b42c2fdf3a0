// The texts of every e-mail ShopDesk sends, Korean and English, plain text. Pure functions: the
// service gathers the facts, these turn them into a subject and a body. Customer bodies carry
// `{{statusUrl}}` where the private link goes; the worker fills it with a fresh token at send time.
import { STATUS_URL_PLACEHOLDER, type MailLocale } from '@shopdesk/contracts/mail';
import type { SlaRung, SlaTarget } from '@shopdesk/contracts/sla';
import { formatKst } from '../scenarios/deadline-math';

export interface RenderedMail {
  subject: string;
  text: string;
}

/** What every customer mail knows about its ticket. */
export interface CustomerMailContext {
  reference: string;
  customerName: string;
  /** The ticket's subject as the customer (or the agent) wrote it. */
  subject: string;
}

const SIGNATURE: Record<MailLocale, string> = {
  ko: '감사합니다.\nShopDesk 고객센터 드림',
  en: 'Kind regards,\nShopDesk Customer Support',
};

/** The link paragraph every customer mail ends with. */
function linkBlock(locale: MailLocale, lead: string): string {
  return locale === 'ko'
    ? [
        lead,
        STATUS_URL_PLACEHOLDER,
        '',
        '이 링크는 고객님만을 위한 비공개 링크입니다. 다른 분과 공유하지 말아 주세요.',
        '이 메일은 발신 전용이라 회신을 받을 수 없습니다. 추가로 전하실 내용은 위 링크에서 남겨 주세요.',
      ].join('\n')
    : [
        lead,
        STATUS_URL_PLACEHOLDER,
        '',
        'This link is private to you, so please do not share it.',
        'This mailbox is not monitored; to tell us more, please use the link above rather than replying.',
      ].join('\n');
}

const greeting = (locale: MailLocale, name: string) => (locale === 'ko' ? `안녕하세요, ${name} 고객님.` : `Hello ${name},`);

const tag = (reference: string) => `[${reference}]`;

function facts(locale: MailLocale, c: CustomerMailContext): string {
  return locale === 'ko' ? `접수번호: ${c.reference}\n문의 제목: ${c.subject}` : `Reference: ${c.reference}\nSubject: ${c.subject}`;
}

/** Quoted text keeps the agent's line breaks and stands apart from ours. */
const quote = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');

const paragraphs = (...parts: (string | null | false | undefined)[]) => parts.filter((p): p is string => !!p).join('\n\n');

// ---- customer mails --------------------------------------------------------------------------

/** Right after the form: the reference, what happens next, the first-reply promise, the link. */
export function renderConfirmation(locale: MailLocale, c: CustomerMailContext & { firstReplyDueAt: Date | null }): RenderedMail {
  if (locale === 'ko') {
    const promise = c.firstReplyDueAt
      ? `늦어도 ${formatKst(c.firstReplyDueAt, 'ko')}까지 첫 답변을 드리겠습니다.`
      : '내용을 확인하는 대로 최대한 빨리 첫 답변을 드리겠습니다.';
    return {
      subject: `${tag(c.reference)} 문의가 접수되었습니다`,
      text: paragraphs(
        greeting(locale, c.customerName),
        'ShopDesk 고객센터입니다. 보내 주신 문의가 잘 접수되었습니다. 불편을 겪으셨을 텐데 알려 주셔서 감사합니다.',
        facts(locale, c),
        [
          '앞으로 이렇게 진행됩니다.',
          '1. 담당 상담원이 보내 주신 내용과 주문·배송 정보를 확인합니다.',
          `2. ${promise}`,
          '3. 답변이 등록되면 이 메일 주소로 바로 알려 드립니다.',
        ].join('\n'),
        linkBlock(locale, '아래 링크에서 언제든 진행 상황을 확인하고, 추가 내용이나 사진을 보내실 수 있습니다.'),
        SIGNATURE.ko,
      ),
    };
  }
  const promise = c.firstReplyDueAt
    ? `You will hear from us by ${formatKst(c.firstReplyDueAt, 'en')} at the latest.`
    : 'We will get back to you as soon as we have looked into it.';
  return {
    subject: `${tag(c.reference)} We have received your request`,
    text: paragraphs(
      greeting(locale, c.customerName),
      'Thank you for contacting ShopDesk Customer Support. Your request has reached us, and we are sorry for the trouble.',
      facts(locale, c),
      [
        'What happens next:',
        '1. An agent checks what you told us together with your order and delivery details.',
        `2. ${promise}`,
        '3. As soon as we reply, we will let you know at this address.',
      ].join('\n'),
      linkBlock(locale, 'You can follow your request, add details or send photos at any time here:'),
      SIGNATURE.en,
    ),
  };
}

/** An agent's public reply, quoted in full. */
export function renderAgentReply(locale: MailLocale, c: CustomerMailContext & { replyText: string }): RenderedMail {
  if (locale === 'ko') {
    return {
      subject: `${tag(c.reference)} 문의에 답변이 등록되었습니다`,
      text: paragraphs(
        greeting(locale, c.customerName),
        '문의하신 내용에 담당 상담원이 답변을 남겼습니다.',
        facts(locale, c),
        `답변 내용:\n${quote(c.replyText)}`,
        linkBlock(locale, '더 궁금하신 점이 있거나 답변이 필요하시면 아래 링크에서 남겨 주세요.'),
        SIGNATURE.ko,
      ),
    };
  }
  return {
    subject: `${tag(c.reference)} We have replied to your request`,
    text: paragraphs(
      greeting(locale, c.customerName),
      'Our support team has replied to your request.',
      facts(locale, c),
      `Our reply:\n${quote(c.replyText)}`,
      linkBlock(locale, 'If anything is unclear or you would like to answer, you can do so here:'),
      SIGNATURE.en,
    ),
  };
}

/**
 * The ticket was resolved: the outcome (template resolution label, when there is one), any reply
 * sent with it, and how to confirm or reopen from the link.
 */
export function renderResolution(
  locale: MailLocale,
  c: CustomerMailContext & { resolutionLabel: string | null; replyTexts: string[]; reopenDays: number },
): RenderedMail {
  const replies = c.replyTexts.map(quote).join('\n\n');
  if (locale === 'ko') {
    const reopen =
      c.reopenDays > 0
        ? `처리 결과가 만족스러우시면 아래 링크에서 '해결 확인'을 눌러 주세요. 아직 해결되지 않았다면 ${c.reopenDays}일 이내에 같은 링크에서 문의를 다시 열 수 있습니다.`
        : "처리 결과가 만족스러우시면 아래 링크에서 '해결 확인'을 눌러 주세요. 아직 해결되지 않았다면 같은 링크에서 알려 주세요.";
    return {
      subject: `${tag(c.reference)} 문의가 해결되었습니다`,
      text: paragraphs(
        greeting(locale, c.customerName),
        '기다려 주셔서 감사합니다. 문의하신 건이 해결 처리되었습니다.',
        facts(locale, c) + (c.resolutionLabel ? `\n처리 결과: ${c.resolutionLabel}` : ''),
        replies && `담당 상담원의 안내:\n${replies}`,
        linkBlock(locale, reopen),
        SIGNATURE.ko,
      ),
    };
  }
  const reopen =
    c.reopenDays > 0
      ? `If you are happy with the outcome, please confirm it using the link below. If the problem is not solved, you can reopen your request from the same link within ${c.reopenDays} days.`
      : 'If you are happy with the outcome, please confirm it using the link below. If the problem is not solved, let us know from the same link.';
  return {
    subject: `${tag(c.reference)} Your request has been resolved`,
    text: paragraphs(
      greeting(locale, c.customerName),
      'Thank you for your patience. We have resolved your request.',
      facts(locale, c) + (c.resolutionLabel ? `\nOutcome: ${c.resolutionLabel}` : ''),
      replies && `A note from our team:\n${replies}`,
      linkBlock(locale, reopen),
      SIGNATURE.en,
    ),
  };
}

/** "I lost my link": a fresh private link, nothing else. */
export function renderAccessLink(locale: MailLocale, c: CustomerMailContext): RenderedMail {
  if (locale === 'ko') {
    return {
      subject: `${tag(c.reference)} 문의 확인 링크를 보내 드립니다`,
      text: paragraphs(
        greeting(locale, c.customerName),
        '요청하신 문의 확인 링크를 보내 드립니다.',
        facts(locale, c),
        linkBlock(locale, '아래 링크에서 진행 상황을 확인하실 수 있습니다.'),
        '직접 요청하신 적이 없다면 이 메일은 무시하셔도 됩니다. 링크는 이 메일 주소로만 보내 드립니다.',
        SIGNATURE.ko,
      ),
    };
  }
  return {
    subject: `${tag(c.reference)} Your link to follow your request`,
    text: paragraphs(
      greeting(locale, c.customerName),
      'Here is the link to your request that you asked for.',
      facts(locale, c),
      linkBlock(locale, 'You can see where things stand here:'),
      'If you did not ask for this, you can ignore this e-mail; the link is only ever sent to this address.',
      SIGNATURE.en,
    ),
  };
}

// ---- staff mails -----------------------------------------------------------------------------

const TARGET: Record<SlaTarget, { ko: string; en: string }> = {
  first_reply: { ko: '첫 응답', en: 'first reply' },
  next_reply: { ko: '다음 응답', en: 'next reply' },
  resolution: { ko: '해결', en: 'resolution' },
};
const RUNG: Partial<Record<SlaRung, { ko: string; en: string }>> = {
  breach: { ko: 'SLA 위반', en: 'SLA breached' },
  escalate: { ko: 'SLA 위반 에스컬레이션', en: 'SLA breach escalated' },
};

/** To leads and admins when a timer breaches or escalates; Korean first, English below. */
export function renderSlaEscalation(c: {
  reference: string;
  subject: string;
  recipientName: string;
  target: SlaTarget;
  rung: SlaRung;
  dueAt: Date | null;
  priority: string;
  assigneeName: string | null;
  ticketUrl: string;
}): RenderedMail {
  const rung = RUNG[c.rung] ?? { ko: `SLA ${c.rung}`, en: `SLA ${c.rung}` };
  const what = TARGET[c.target];
  return {
    subject: `[SLA] ${c.reference} ${what.ko} ${rung.ko} / ${rung.en} (${what.en})`,
    text: paragraphs(
      `${c.recipientName}님, 티켓 ${c.reference}의 ${what.ko} 목표 시간이 지났습니다 (${rung.ko}).`,
      [
        `제목: ${c.subject}`,
        `기한: ${c.dueAt ? formatKst(c.dueAt, 'ko') : '-'}`,
        `우선순위: ${c.priority}`,
        `담당자: ${c.assigneeName ?? '미배정'}`,
        `티켓: ${c.ticketUrl}`,
      ].join('\n'),
      '----',
      `${c.recipientName}, the ${what.en} target of ticket ${c.reference} has passed (${rung.en}).`,
      [
        `Subject: ${c.subject}`,
        `Due: ${c.dueAt ? formatKst(c.dueAt, 'en') : '-'}`,
        `Priority: ${c.priority}`,
        `Assignee: ${c.assigneeName ?? 'unassigned'}`,
        `Ticket: ${c.ticketUrl}`,
      ].join('\n'),
      'ShopDesk',
    ),
  };
}

/** Puts the private link where the stored body has `{{statusUrl}}` (send time only; never stored). */
export function fillStatusUrl(text: string, url: string): string {
  return text.split(STATUS_URL_PLACEHOLDER).join(url);
}
