import { ATTACHMENT_RULES } from '@shopdesk/contracts/public';
import { attachmentProblem } from './attachments';

const MB = 1024 * 1024;
const file = (name: string, size: number, type = 'image/jpeg') => ({ name, size, type });

describe('attachmentProblem', () => {
  it('accepts photos and PDFs within the limits', () => {
    expect(attachmentProblem([file('a.jpg', 2 * MB), file('b.pdf', 3 * MB, 'application/pdf'), file('c.heic', MB, '')])).toBeNull();
  });

  it('reports too many files', () => {
    const files = Array.from({ length: ATTACHMENT_RULES.maxFiles + 1 }, (_, i) => file(`${i}.png`, 10, 'image/png'));
    expect(attachmentProblem(files)).toBe('파일은 5개까지 첨부할 수 있습니다. / You can attach up to 5 files.');
  });

  it('reports a file over the per-file limit by name', () => {
    expect(attachmentProblem([file('big.jpg', 11 * MB)])).toContain('big.jpg');
  });

  it('reports the total over the limit', () => {
    expect(attachmentProblem([file('a.jpg', 9 * MB), file('b.jpg', 9 * MB), file('c.jpg', 9 * MB)])).toContain('25 MB');
  });

  it('refuses types the server would refuse', () => {
    expect(attachmentProblem([file('notes.docx', 100, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')])).toContain('notes.docx');
  });
});
