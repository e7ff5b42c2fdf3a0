import { randomUUID } from 'node:crypto';
import type { PublicTicketInput } from '@shopdesk/contracts/public';
import { signFormToken } from '@shopdesk/server/customer-portal/public-crypto';
import { TEST_FORM_TOKEN_SECRET } from './test-env';

/** A form token as if the form had been opened `ageMs` ago (tests share the API's secret). */
export function formToken(ageMs = 60_000): string {
  return signFormToken(TEST_FORM_TOKEN_SECRET, Date.now() - ageMs);
}

/** A valid 휴대폰 소액결제 취소 submission; override anything. */
export function micropaymentSubmission(overrides: Partial<PublicTicketInput> = {}): PublicTicketInput {
  const n = randomUUID().slice(0, 8);
  return {
    templateKey: 'micropayment_cancel',
    type: 'cancellation',
    locale: 'ko',
    fields: {
      productName: '모바일 게임 아이템 패키지',
      paidAt: '2026-11-20T21:10:00+09:00',
      amount: 33_000,
      phoneNumber: '010-2345-6789',
      carrier: 'skt',
      cancelReason: '아이가 실수로 결제했습니다.',
    },
    description: '어젯밤 아이가 제 휴대폰으로 게임 아이템을 결제했어요. 취소해 주세요.',
    contact: { name: '박고객', email: `park.${n}@example.com`, phone: '010-2345-6789' },
    privacyConsent: true,
    formToken: formToken(),
    website: '',
    ...overrides,
  };
}

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The first bytes of a Linux executable (ELF), to be sent under an innocent name. */
export const ELF_BYTES = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);
