import { createTransport } from 'nodemailer';
import { decodeMimeWords, parseMail } from './smtp-catcher';

// The catcher decodes what nodemailer writes; checked here against nodemailer's own output.
async function build(opts: { subject: string; text: string; textEncoding?: 'base64' | 'quoted-printable' }): Promise<string> {
  const t = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await t.sendMail({ from: 'ShopDesk 고객센터 <support@shopdesk.test>', to: 'a@example.com', ...opts });
  return (info.message as Buffer).toString('latin1');
}

describe('smtp-catcher MIME decoding', () => {
  const longKo = '[SD-000123] 문의에 답변이 등록되었습니다 — 주문한 상품 중 일부가 오지 않았어요 (긴 제목이 여러 줄로 접힙니다)';
  const body = '안녕하세요, 이서연 고객님.\n\n링크: https://desk.example/support/t/SD-000123#abc_DEF-123\n'.repeat(20);

  it.each(['base64', 'quoted-printable'] as const)('decodes %s subjects and bodies', async (textEncoding) => {
    const raw = await build({ subject: longKo, text: body, textEncoding });
    const m = parseMail(raw);
    expect(m.subject).toBe(longKo);
    expect(m.headers.from).toBe('ShopDesk 고객센터 <support@shopdesk.test>');
    expect(m.text.replace(/\r\n/g, '\n')).toBe(body);
  });

  it('keeps plain ASCII headers and joins adjacent encoded words', () => {
    expect(decodeMimeWords('Hello world')).toBe('Hello world');
    // "한글" split across two words in the middle of a character.
    const bytes = Buffer.from('한글', 'utf8');
    const a = bytes.subarray(0, 4).toString('base64');
    const b = bytes.subarray(4).toString('base64');
    expect(decodeMimeWords(`x =?UTF-8?B?${a}?= =?UTF-8?B?${b}?= y`)).toBe('x 한글 y');
    expect(decodeMimeWords('=?utf-8?Q?caf=C3=A9_au_lait?=')).toBe('café au lait');
  });
});
