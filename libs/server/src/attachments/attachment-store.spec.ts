import { safeFilename } from './attachment-store';

describe('safeFilename', () => {
  it('keeps a Korean name and forces the extension of the sniffed type', () => {
    expect(safeFilename('영수증 캡처.jpeg', 'image/png')).toBe('영수증 캡처.png');
  });

  it('drops path parts, markup characters and control characters', () => {
    expect(safeFilename('../../etc/<img src=x onerror=alert(1)>.png', 'image/png')).toBe('img src=x onerror=alert(1).png');
    expect(safeFilename('a\u0000b\r\nc.pdf', 'application/pdf')).toBe('abc.pdf');
  });

  it('drops bidirectional controls, so the shown extension is the real one', () => {
    expect(safeFilename('사진\u202Egpj.pdf', 'application/pdf')).toBe('사진gpj.pdf');
    expect(safeFilename('\u2067x\u2069\u200F.png', 'image/png')).toBe('x.png');
  });
});
