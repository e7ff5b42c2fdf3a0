import { useState } from 'react';
import { Badge, Box, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { useQueryClient } from '@tanstack/react-query';
import { LinkBase, useCreatePath, useDataProvider, useGetList, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import type { ShopDeskDataProvider } from '../providers/data-provider';
import { pick } from '../scenarios/scenario-format';
import type { NotificationRecord } from '../sla/types';

/** How often the bell asks for new notifications. */
export const NOTIFICATIONS_POLL_MS = 30_000;
const LATEST = 10;

const sort = { field: 'createdAt', order: 'DESC' as const };

/**
 * The bell in the app bar: the number of unread notifications (SLA warnings, breaches and
 * escalations), polled every 30 s, and a menu of the latest ten. Opening one marks it read
 * and goes to its ticket.
 */
export const NotificationBell = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  const poll = { refetchInterval: NOTIFICATIONS_POLL_MS, retry: false } as const;
  const { data: latest } = useGetList<NotificationRecord>(
    'notifications',
    { pagination: { page: 1, perPage: LATEST }, sort },
    poll,
  );
  // Only the count matters here: one row, the total comes from Content-Range.
  const { total: unread } = useGetList<NotificationRecord>(
    'notifications',
    { pagination: { page: 1, perPage: 1 }, sort, filter: { unread: true } },
    poll,
  );

  const open = async (notification: NotificationRecord) => {
    setAnchor(null);
    if (notification.readAt) return;
    try {
      await dataProvider.markNotificationRead(notification.id);
    } catch {
      notify('shopdesk.sla.notifications.mark_read_failed', { type: 'warning' });
    }
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };

  const count = unread ?? 0;
  return (
    <>
      <Tooltip title={translate('shopdesk.sla.notifications.title')}>
        <IconButton
          color="inherit"
          aria-label={translate('shopdesk.sla.notifications.open')}
          data-testid="notifications-button"
          data-unread={count}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={count} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxWidth: '95vw' } }, list: { dense: true } }}
      >
        <Box sx={{ px: 2, py: 1 }}>
          <Typography variant="subtitle2">{translate('shopdesk.sla.notifications.title')}</Typography>
        </Box>
        <Divider />
        {!latest?.length ? (
          <MenuItem disabled>
            <Typography variant="body2" color="text.secondary">
              {translate('shopdesk.sla.notifications.empty')}
            </Typography>
          </MenuItem>
        ) : (
          latest.map((n) => {
            const link = n.ticketId ? { component: LinkBase, to: createPath({ resource: 'tickets', type: 'show', id: n.ticketId }) } : {};
            return (
              <MenuItem
                key={n.id}
                {...link}
                onClick={() => void open(n)}
                data-testid="notification-item"
                data-read={n.readAt ? 'true' : 'false'}
                sx={{ alignItems: 'flex-start', whiteSpace: 'normal', gap: 1 }}
              >
                <Box
                  aria-label={n.readAt ? undefined : translate('shopdesk.sla.notifications.unread')}
                  sx={{
                    mt: 0.75,
                    width: 8,
                    height: 8,
                    flex: '0 0 8px',
                    borderRadius: '50%',
                    bgcolor: n.readAt ? 'transparent' : 'error.main',
                  }}
                />
                <ListItemText
                  primary={pick(n.title, locale)}
                  secondary={
                    <>
                      {n.ticketReference ? (
                        <Box component="span" sx={{ fontFamily: 'monospace', mr: 1 }}>
                          {n.ticketReference}
                        </Box>
                      ) : null}
                      <RelativeTime value={n.createdAt} />
                    </>
                  }
                  slotProps={{ primary: { sx: { fontWeight: n.readAt ? 400 : 600 } } }}
                />
              </MenuItem>
            );
          })
        )}
      </Menu>
    </>
  );
};
