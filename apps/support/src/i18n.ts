// Every text of the support app, Korean first. `en` must have exactly the keys of `ko`
// (the type says so, i18n.spec.ts checks it at run time too). Texts may hold `{name}`
// placeholders. Server and contract messages arrive as "한국어 / English": see `pickBilingual`.
import type { PublicLocale } from '@shopdesk/contracts/public';

export type Locale = PublicLocale;

export const ko = {
  'app.brand': 'ShopDesk 고객센터',
  'app.loading': '불러오는 중…',
  'app.retry': '다시 시도',
  'app.required': '필수',
  'app.optional': '선택',

  'form.title': '고객 문의',
  'form.intro': '주문에 문제가 있으신가요? 상황을 알려 주시면 담당자가 확인 후 이메일로 답변드립니다. 로그인은 필요 없습니다.',
  'form.step': '{total}단계 중 {step}단계',
  'form.loadError': '문의 양식을 불러오지 못했습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.',
  'form.invalid': '입력 내용을 확인해 주세요. 고칠 항목이 {count}개 있습니다.',

  'situation.heading': '무슨 일이 있었나요?',
  'situation.hint': '가장 가까운 상황을 하나 골라 주세요.',
  'situation.other': '그 밖의 문의',
  'situation.required': '어떤 상황인지 하나 골라 주세요.',
  'nav.next': '다음',
  'nav.prev': '상황 다시 고르기',

  'details.heading': '자세한 내용을 알려 주세요',
  'details.chosen': '선택한 상황',
  'details.fields': '주문 정보',
  'details.description': '무슨 일이 있었는지 적어 주세요',
  'details.descriptionHint': '언제, 무엇이, 어떻게 되었는지 적어 주세요. (5자 이상)',

  'field.choose': '선택해 주세요',
  'field.courierOtherLabel': '택배사 이름',
  'field.krwUnit': '원',
  'field.datetimeHint': '한국 시간 기준',
  'items.sku': '상품코드(SKU)',
  'items.name': '상품명',
  'items.qty': '수량',
  'items.row': '{n}번째 상품',
  'items.add': '상품 추가',
  'items.remove': '{n}번째 상품 삭제',

  'attach.label': '증빙 파일 첨부',
  'attach.hint': '사진 또는 PDF, 최대 {maxFiles}개 (파일당 {maxFile}, 합계 {maxTotal})',
  'attach.list': '첨부할 파일',
  'attach.remove': '삭제',
  'attach.removeLabel': '{name} 파일 삭제',
  'attach.tooMany': '파일은 {max}개까지 첨부할 수 있습니다.',
  'attach.tooLarge': '{name} 파일이 너무 큽니다. 파일당 {max}까지 첨부할 수 있습니다.',
  'attach.totalTooLarge': '첨부 파일이 모두 합쳐 {max}를 넘습니다. 일부를 삭제해 주세요.',
  'attach.badType': '{name}: 사진 또는 PDF 파일만 첨부할 수 있습니다.',

  'contact.heading': '연락처',
  'contact.hint': '답변과 문의 상태 확인 링크를 이메일로 보내 드립니다.',
  'contact.name': '이름',
  'contact.email': '이메일',
  'contact.phone': '휴대폰 번호',
  'contact.phoneHint': '예: 010-1234-5678',

  'privacy.heading': '개인정보 수집·이용 동의',
  'privacy.itemsLabel': '수집 항목',
  'privacy.items': '이름, 이메일, 휴대폰 번호(입력한 경우), 주문·배송·결제 정보, 첨부 파일',
  'privacy.purposeLabel': '이용 목적',
  'privacy.purpose': '문의 접수·처리 및 처리 결과 안내',
  'privacy.retentionLabel': '보유 기간',
  'privacy.retention':
    '문의 처리 완료 후 3년 (「전자상거래 등에서의 소비자보호에 관한 법률」에 따른 소비자의 불만 또는 분쟁처리에 관한 기록)',
  'privacy.refuse': '개인정보 수집·이용에 동의하지 않을 수 있습니다. 다만 동의하지 않으면 문의를 접수할 수 없습니다.',
  'privacy.agree': '위 개인정보 수집·이용에 동의합니다',
  'honeypot.label': '이 칸은 비워 두세요',

  'submit.send': '문의 보내기',
  'submit.sending': '보내는 중…',

  'error.network': '연결이 끊겨 보내지 못했습니다. 다시 시도해 주세요. 입력한 내용은 그대로 있습니다.',
  'error.tooLarge': '첨부 파일이 너무 큽니다. 파일 수나 크기를 줄여 다시 보내 주세요.',
  'error.server': '일시적인 문제로 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
  'error.formToken': '양식을 확인하지 못했습니다. 몇 초 뒤 다시 보내 주세요. 입력한 내용은 그대로 있습니다.',

  'done.heading': '문의가 접수되었습니다',
  'done.reference': '접수 번호',
  'done.firstReply': '담당자가 {due}까지 첫 답변을 드립니다.',
  'done.firstReplyGeneric': '담당자가 확인하는 대로 이메일로 답변을 드립니다.',
  'done.linkHeading': '문의 상태 확인 링크',
  'done.linkNote':
    '이 링크에서 답변을 보고 내용을 더 보낼 수 있어요. 이메일로도 보내 드렸습니다. 링크가 있으면 누구나 문의를 볼 수 있으니 공유하지 마세요.',
  'done.linkAddress': '링크 주소',
  'done.open': '문의 상태 보기',
  'done.copy': '링크 복사',
  'done.copied': '링크를 복사했습니다.',
  'done.copyFailed': '복사하지 못했습니다. 링크 주소를 길게 눌러 복사해 주세요.',
  'done.new': '새 문의 작성',

  'status.heading': '내 문의',
  'status.situation': '문의 내용',
  'status.current': '현재 상태',
  'status.label.new': '접수됨',
  'status.label.open': '처리 중',
  'status.label.pending_customer': '고객님의 답변을 기다리고 있어요',
  'status.label.pending_courier': '택배사 확인 중',
  'status.label.pending_warehouse': '물류센터 처리 중',
  'status.label.resolved': '처리 완료',
  'status.label.closed': '종료',
  'status.dates': '주요 일정',
  'status.createdAt': '접수 일시',
  'status.firstReplyDue': '첫 답변 예정',
  'status.resolution': '처리 결과',
  'status.thread': '주고받은 내용',
  'status.kind.customer_message': '보낸 메시지',
  'status.kind.public_reply': '상담원 답변',
  'status.attachments': '첨부 파일',
  'status.downloadFailed': '파일을 내려받지 못했습니다. 다시 시도해 주세요.',
  'status.closedNote': '종료된 문의입니다. 새로운 문제가 있으면 새 문의를 남겨 주세요.',

  'reply.heading': '메시지 보내기',
  'reply.body': '메시지',
  'reply.submit': '보내기',
  'reply.sent': '메시지를 보냈습니다.',

  'resolve.heading': '문제가 해결되었나요?',
  'resolve.confirm': '해결되었어요',
  'resolve.reopen': '아직 해결되지 않았어요',
  'resolve.reopenUntil': '{until}까지 문의를 다시 열 수 있어요.',
  'resolve.confirmed': '해결되었다고 알려 주셔서 감사합니다.',
  'resolve.reopened': '문의를 다시 열었습니다. 담당자가 다시 확인합니다.',

  'notFound.heading': '링크를 확인할 수 없습니다',
  'notFound.body':
    '링크가 잘못되었거나 더 이상 쓸 수 없습니다. 문의할 때 입력한 이메일을 알려 주시면 링크를 다시 보내 드립니다.',

  'lost.toggle': '문의 상태 확인 링크를 잃어버리셨나요?',
  'lost.heading': '링크 다시 받기',
  'lost.email': '문의할 때 입력한 이메일',
  'lost.referenceHint': '예: SD-000123',
  'lost.submit': '링크 보내기',
  'lost.done': '입력한 이메일로 접수된 문의가 있으면 링크를 보내 드렸습니다. 메일함(스팸 메일함 포함)을 확인해 주세요.',
  'lost.emailInvalid': '올바른 이메일 주소를 입력해 주세요.',
  'lost.referenceInvalid': '접수 번호는 SD-000123 형식입니다.',
} as const;

export type MessageKey = keyof typeof ko;

export const en: Record<MessageKey, string> = {
  'app.brand': 'ShopDesk Support',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',
  'app.required': 'required',
  'app.optional': 'optional',

  'form.title': 'Contact support',
  'form.intro': 'A problem with your order? Tell us what happened and an agent will reply by e-mail. No login needed.',
  'form.step': 'Step {step} of {total}',
  'form.loadError': 'We could not load the form. Check your internet connection and try again.',
  'form.invalid': 'Please check the form: {count} item(s) need your attention.',

  'situation.heading': 'What happened?',
  'situation.hint': 'Choose the one closest to your situation.',
  'situation.other': 'Something else',
  'situation.required': 'Choose what happened.',
  'nav.next': 'Next',
  'nav.prev': 'Change situation',

  'details.heading': 'Tell us the details',
  'details.chosen': 'Your situation',
  'details.fields': 'Order details',
  'details.description': 'Describe what happened',
  'details.descriptionHint': 'When, what and how. (At least 5 characters)',

  'field.choose': 'Choose…',
  'field.courierOtherLabel': 'Courier name',
  'field.krwUnit': 'KRW',
  'field.datetimeHint': 'Korea time (KST)',
  'items.sku': 'Product code (SKU)',
  'items.name': 'Product name',
  'items.qty': 'Quantity',
  'items.row': 'Item {n}',
  'items.add': 'Add item',
  'items.remove': 'Remove item {n}',

  'attach.label': 'Attach evidence',
  'attach.hint': 'Photos or PDF, up to {maxFiles} files ({maxFile} each, {maxTotal} in total)',
  'attach.list': 'Files to send',
  'attach.remove': 'Remove',
  'attach.removeLabel': 'Remove {name}',
  'attach.tooMany': 'You can attach up to {max} files.',
  'attach.tooLarge': '{name} is too large. Each file may be up to {max}.',
  'attach.totalTooLarge': 'The files add up to more than {max}. Please remove some.',
  'attach.badType': '{name}: only photos and PDF files can be attached.',

  'contact.heading': 'Your contact details',
  'contact.hint': 'We send replies and the link to your request to this e-mail address.',
  'contact.name': 'Name',
  'contact.email': 'E-mail',
  'contact.phone': 'Mobile phone',
  'contact.phoneHint': 'e.g. 010-1234-5678',

  'privacy.heading': 'Consent to the collection and use of personal information',
  'privacy.itemsLabel': 'What we collect',
  'privacy.items': 'Name, e-mail, mobile number (if given), order, delivery and payment details, attached files',
  'privacy.purposeLabel': 'Why',
  'privacy.purpose': 'To receive and handle your inquiry and tell you the outcome',
  'privacy.retentionLabel': 'How long we keep it',
  'privacy.retention':
    '3 years after your inquiry is closed (records of consumer complaints and dispute handling under the Korean Act on Consumer Protection in Electronic Commerce)',
  'privacy.refuse': 'You may refuse to consent, but then we cannot receive your inquiry.',
  'privacy.agree': 'I agree to the collection and use of my personal information as described above',
  'honeypot.label': 'Leave this field empty',

  'submit.send': 'Send request',
  'submit.sending': 'Sending…',

  'error.network': 'The connection dropped and nothing was sent. Please try again; what you entered is kept.',
  'error.tooLarge': 'The attachments are too large. Send fewer or smaller files.',
  'error.server': 'Something went wrong on our side. Please try again in a moment.',
  'error.formToken': 'We could not verify the form. Please send it again in a few seconds; what you entered is kept.',

  'done.heading': 'We have received your request',
  'done.reference': 'Reference',
  'done.firstReply': 'An agent will reply by {due}.',
  'done.firstReplyGeneric': 'An agent will reply by e-mail as soon as they have looked into it.',
  'done.linkHeading': 'Your private status link',
  'done.linkNote':
    'Use this link to read replies and add information; we have also e-mailed it. Anyone with the link can read your request: do not share it.',
  'done.linkAddress': 'Link address',
  'done.open': 'View my request',
  'done.copy': 'Copy link',
  'done.copied': 'Link copied.',
  'done.copyFailed': 'Could not copy. Press and hold the link address to copy it.',
  'done.new': 'Start a new request',

  'status.heading': 'My request',
  'status.situation': 'About',
  'status.current': 'Status',
  'status.label.new': 'Received',
  'status.label.open': 'In progress',
  'status.label.pending_customer': 'Waiting for your reply',
  'status.label.pending_courier': 'Checking with the courier',
  'status.label.pending_warehouse': 'With our warehouse',
  'status.label.resolved': 'Resolved',
  'status.label.closed': 'Closed',
  'status.dates': 'Key dates',
  'status.createdAt': 'Received on',
  'status.firstReplyDue': 'First reply expected by',
  'status.resolution': 'Outcome',
  'status.thread': 'Conversation',
  'status.kind.customer_message': 'Your message',
  'status.kind.public_reply': 'Reply from support',
  'status.attachments': 'Attachments',
  'status.downloadFailed': 'Could not download the file. Please try again.',
  'status.closedNote': 'This request is closed. If something new has happened, please start a new request.',

  'reply.heading': 'Send a message',
  'reply.body': 'Message',
  'reply.submit': 'Send',
  'reply.sent': 'Your message was sent.',

  'resolve.heading': 'Did this solve your problem?',
  'resolve.confirm': 'This solved it',
  'resolve.reopen': 'Reopen',
  'resolve.reopenUntil': 'You can reopen this request until {until}.',
  'resolve.confirmed': 'Thank you for letting us know it is solved.',
  'resolve.reopened': 'Your request is open again; an agent will look at it.',

  'notFound.heading': 'We could not open this link',
  'notFound.body':
    'The link is mistyped or no longer valid. Tell us the e-mail you used and we will send the link again.',

  'lost.toggle': 'Lost the link to your request?',
  'lost.heading': 'Get your link again',
  'lost.email': 'E-mail you used for your request',
  'lost.referenceHint': 'e.g. SD-000123',
  'lost.submit': 'Send me the link',
  'lost.done': 'If a request was made with that e-mail address, we have sent its link. Check your inbox (and spam folder).',
  'lost.emailInvalid': 'Enter a valid e-mail address.',
  'lost.referenceInvalid': 'A reference looks like SD-000123.',
};

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { ko, en };

export type Vars = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = dictionaries[locale][key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/**
 * A message in both languages, "한국어 / English" — the shape the server and the contract use.
 * Client-made errors are stored the same way so switching language re-renders them too.
 */
export function bilingual(key: MessageKey, vars?: Vars): string {
  return `${translate('ko', key, vars)} / ${translate('en', key, vars)}`;
}

/** The current locale's half of "한국어 / English"; a message without the separator is shown whole. */
export function pickBilingual(message: string, locale: Locale): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return (locale === 'ko' ? message.slice(0, at) : message.slice(at + 3)).trim();
}

const LOCALE_KEY = 'shopdesk.support.locale';

/** Korean unless the customer chose English on this device before. */
export function loadLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(LOCALE_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage may be blocked (private mode); the switch still works for this visit.
  }
}
