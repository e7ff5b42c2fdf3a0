import pino from 'pino';
import { Writable } from 'node:stream';
import { censor, maskEmail, maskPhone, REDACT_PATHS } from './log-redaction';

function logLine(obj: object): string {
  let out = '';
  const sink = new Writable({ write(chunk, _enc, cb) { out += String(chunk); cb(); } });
  pino({ redact: { paths: REDACT_PATHS, censor } }, sink).info(obj, 'x');
  return out;
}

describe('log redaction', () => {
  it('masks e-mail and phone so a line still tells customers apart', () => {
    expect(maskEmail('minji.kim@example.co.kr')).toBe('m***@example.co.kr');
    expect(maskPhone('010-1234-5678')).toBe('***-****-5678');
    expect(maskEmail('nonsense')).toBe('***');
  });

  it('never writes credentials, customer tokens, e-mail or phone as given', () => {
    const line = logLine({
      email: 'minji.kim@example.co.kr',
      ticket: { customerEmail: 'jun@example.com', customerPhone: '01098765432', reference: 'SD-1' },
      password: 'hunter2hunter2',
      req: { headers: { cookie: 'sd_session=abc', 'x-ticket-token': 'tok_secret_value' } },
      token: 'tok_secret_value',
    });
    for (const secret of ['minji.kim', 'jun@', '01098765432', 'hunter2', 'sd_session=abc', 'tok_secret_value']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('m***@example.co.kr');
    expect(line).toContain('***-****-5432');
    expect(line).toContain('SD-1');
  });
});
