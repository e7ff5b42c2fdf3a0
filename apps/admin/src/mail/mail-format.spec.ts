import { OUTBOUND_MAIL_KINDS, OUTBOUND_MAIL_STATUSES } from '@shopdesk/contracts/mail';
import en from '../i18n/en';
import ko from '../i18n/ko';
import { displayMailBody, hasQueuedMail, mailStatusColor, mailStatusKey } from './mail-format';

type MailMessages = { shopdesk: { mail: { status: Record<string, string>; kind: Record<string, string> } } };

describe('mail format', () => {
  it('translates every status and kind in both languages', () => {
    for (const messages of [ko, en] as unknown as MailMessages[]) {
      const { status, kind } = messages.shopdesk.mail;
      expect([...OUTBOUND_MAIL_STATUSES, 'not_sent_no_smtp'].filter((s) => typeof status[s] !== 'string')).toEqual([]);
      expect(OUTBOUND_MAIL_KINDS.filter((k) => typeof kind[k] !== 'string')).toEqual([]);
    }
  });

  it('labels "not sent: no SMTP" on the chip itself', () => {
    expect(mailStatusKey({ status: 'not_sent', statusReason: 'no SMTP' })).toBe('shopdesk.mail.status.not_sent_no_smtp');
    expect(mailStatusKey({ status: 'not_sent', statusReason: 'invalid address' })).toBe('shopdesk.mail.status.not_sent');
    expect(mailStatusKey({ status: 'sent', statusReason: null })).toBe('shopdesk.mail.status.sent');
    expect((ko as unknown as MailMessages).shopdesk.mail.status.not_sent_no_smtp).toBe('미발송: SMTP 없음');
  });

  it('colours by outcome and polls only while something is queued', () => {
    expect(OUTBOUND_MAIL_STATUSES.map(mailStatusColor)).toEqual(['info', 'success', 'error', 'warning']);
    expect(hasQueuedMail([{ status: 'sent' }, { status: 'queued' }])).toBe(true);
    expect(hasQueuedMail([{ status: 'sent' }, { status: 'not_sent' }])).toBe(false);
    expect(hasQueuedMail(undefined)).toBe(false);
  });

  it('shows the private link as a label, never a token', () => {
    expect(displayMailBody('열기:\n{{statusUrl}}\n끝 {{statusUrl}}', '[비공개 링크 / private link]')).toBe(
      '열기:\n[비공개 링크 / private link]\n끝 [비공개 링크 / private link]',
    );
  });
});
