import { canTransition, TICKET_TRANSITIONS, type TicketStatus } from '@shopdesk/contracts/tickets';
import { DomainError } from '../core/errors/domain-error';

const LABEL_KO: Record<TicketStatus, string> = {
  new: '신규',
  open: '처리 중',
  pending_customer: '고객 응답 대기',
  pending_courier: '택배사 확인 대기',
  pending_warehouse: '물류센터 대기',
  resolved: '해결됨',
  closed: '종료',
};

export interface StatusTimestamps {
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/**
 * Checks a status change against the state machine and returns the timestamps it implies.
 * Throws ILLEGAL_STATUS_TRANSITION (409) with both languages and the allowed next states.
 */
export function planStatusChange(
  from: TicketStatus,
  to: TicketStatus,
  current: StatusTimestamps,
  at: Date,
): StatusTimestamps {
  if (!canTransition(from, to)) {
    const allowed = TICKET_TRANSITIONS[from];
    const allowedKo = allowed.length ? allowed.map((s) => LABEL_KO[s]).join(', ') : '없음';
    const allowedEn = allowed.length ? allowed.join(', ') : 'none';
    throw new DomainError(
      'ILLEGAL_STATUS_TRANSITION',
      `'${LABEL_KO[from]}' 상태에서 '${LABEL_KO[to]}'(으)로 바꿀 수 없습니다. 가능한 상태: ${allowedKo}. / ` +
        `Cannot move a ticket from ${from} to ${to}; allowed next: ${allowedEn}.`,
      { status: `${from} → ${to} is not allowed` },
    );
  }
  if (to === 'resolved') return { resolvedAt: at, closedAt: null };
  if (to === 'closed') return { resolvedAt: current.resolvedAt ?? at, closedAt: at };
  // Reopening (resolved → open) clears the resolution time.
  return { resolvedAt: null, closedAt: null };
}

/** The states a ticket passes through from `new` to reach `target` (what seeds and factories replay). */
export function statusPathTo(target: TicketStatus): TicketStatus[] {
  switch (target) {
    case 'new':
      return [];
    case 'open':
      return ['open'];
    case 'resolved':
      return ['open', 'resolved'];
    case 'closed':
      return ['open', 'resolved', 'closed'];
    default:
      return ['open', target];
  }
}
