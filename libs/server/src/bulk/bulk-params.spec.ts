import { DomainError } from '../core/errors/domain-error';
import { parseBulkParams } from './bulk-actions.service';

const fieldOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return Object.keys(e.errors ?? {});
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('parseBulkParams', () => {
  it('accepts each action with its parameter', () => {
    expect(parseBulkParams('assign', { assigneeId: null })).toEqual({ assigneeId: null });
    expect(parseBulkParams('change_status', { status: 'open' })).toEqual({ status: 'open' });
    expect(parseBulkParams('change_priority', { priority: 'urgent' })).toEqual({ priority: 'urgent' });
    expect(parseBulkParams('add_tag', { tag: ' VIP ' })).toEqual({ tag: 'vip' });
    expect(parseBulkParams('apply_template', { templateKey: 'missing_item' })).toEqual({ templateKey: 'missing_item' });
    expect(parseBulkParams('send_reply', { body: ' 안녕하세요 ' })).toEqual({ body: '안녕하세요' });
    expect(parseBulkParams('send_reply', { replyId: 'ack' })).toEqual({ replyId: 'ack' });
  });

  it('names the bad field', () => {
    expect(fieldOf(() => parseBulkParams('assign', { assigneeId: 'bob' }))).toEqual(['params.assigneeId']);
    expect(fieldOf(() => parseBulkParams('change_status', { status: 'done' }))).toEqual(['params.status']);
    expect(fieldOf(() => parseBulkParams('change_priority', {}))).toEqual(['params.priority']);
    expect(fieldOf(() => parseBulkParams('remove_tag', { tag: 'a b' }))).toEqual(['params.tag']);
    expect(fieldOf(() => parseBulkParams('apply_template', { templateKey: 'X' }))).toEqual(['params.templateKey']);
    expect(fieldOf(() => parseBulkParams('send_reply', { replyId: 'ack', body: 'both' }))).toEqual(['params.replyId']);
  });
});
