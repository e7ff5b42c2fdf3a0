import { useQuery } from '@tanstack/react-query';
import type { DashboardStats } from '@shopdesk/contracts/dashboard';
import type { TicketType } from '@shopdesk/contracts/tickets';
import { httpClient } from '../providers/http-client';

export interface DashboardFilter {
  from: string;
  to: string;
  type: TicketType | '';
}

/** GET /dashboard/stats; the server scopes it (agents: their own tickets, leads/admins: the team). */
export function useDashboardStats(filter: DashboardFilter) {
  return useQuery<DashboardStats>({
    queryKey: ['dashboard', 'stats', filter],
    queryFn: async () => {
      const params = new URLSearchParams({ from: filter.from, to: filter.to });
      if (filter.type) params.set('type', filter.type);
      return (await httpClient(`/dashboard/stats?${params}`)).json as DashboardStats;
    },
  });
}
