import { useState } from 'react';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  IconButton,
  Switch,
  TextField,
  Tooltip,
} from '@mui/material';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAddOutlined';
import GroupsIcon from '@mui/icons-material/Groups';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import {
  useCreate,
  useDelete,
  useGetList,
  useListContext,
  useNotify,
  usePermissions,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { SAVED_VIEW_NAME_MAX, type SavedViewRecord } from '@shopdesk/contracts/saved-views';

const isLead = (permissions: unknown) => permissions === 'lead' || permissions === 'admin';

/**
 * Saved views above the ticket list: one chip per view (own and shared; a click applies its filter
 * and sort, the cross deletes it), a share toggle for leads, and "현재 보기 저장" for the list's
 * current filter and sort. The API enforces who may change what; the UI only hides what would fail.
 */
export const SavedViewsBar = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions();
  const { filterValues, setFilters, displayedFilters, sort, setSort } = useListContext();
  const { data: views = [] } = useGetList<SavedViewRecord>('saved-views', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [deleteView] = useDelete<SavedViewRecord>();
  const [updateView] = useUpdate<SavedViewRecord>();
  const [dialogOpen, setDialogOpen] = useState(false);
  const lead = isLead(permissions);
  const onError = (error: unknown) => notify((error as Error).message, { type: 'error' });

  const apply = (view: SavedViewRecord) => {
    setFilters(view.filter, displayedFilters);
    if (view.sort) setSort(view.sort);
  };
  const remove = (view: SavedViewRecord) =>
    deleteView('saved-views', { id: view.id, previousData: view }, { onSuccess: () => notify('shopdesk.saved_view.deleted'), onError });
  const toggleShared = (view: SavedViewRecord) =>
    updateView(
      'saved-views',
      { id: view.id, data: { shared: !view.shared }, previousData: view },
      { onSuccess: () => notify('shopdesk.saved_view.updated'), onError },
    );

  return (
    <Box
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', px: 2, py: 1 }}
      aria-label={translate('shopdesk.saved_view.menu_label')}
      data-testid="saved-views"
    >
      {views.map((view) => (
        <Box key={view.id} sx={{ display: 'inline-flex', alignItems: 'center' }}>
          <Chip
            label={view.name}
            size="small"
            variant={JSON.stringify(view.filter) === JSON.stringify(filterValues) ? 'filled' : 'outlined'}
            icon={view.shared ? <GroupsIcon titleAccess={translate('shopdesk.saved_view.shared_badge')} /> : undefined}
            onClick={() => apply(view)}
            onDelete={view.canEdit ? () => remove(view) : undefined}
            data-testid={`saved-view-${view.id}`}
          />
          {lead && view.canEdit ? (
            <Tooltip title={translate(view.shared ? 'shopdesk.saved_view.unshare' : 'shopdesk.saved_view.share')}>
              <IconButton size="small" onClick={() => toggleShared(view)} data-testid={`saved-view-share-${view.id}`}>
                {view.shared ? <GroupsIcon fontSize="small" /> : <GroupsOutlinedIcon fontSize="small" />}
              </IconButton>
            </Tooltip>
          ) : null}
        </Box>
      ))}
      <Button size="small" startIcon={<BookmarkAddIcon />} onClick={() => setDialogOpen(true)} data-testid="save-view">
        {translate('shopdesk.saved_view.save_current')}
      </Button>
      {dialogOpen ? (
        <SaveViewDialog canShare={lead} filter={filterValues} sort={sort} onClose={() => setDialogOpen(false)} />
      ) : null}
    </Box>
  );
};

const SaveViewDialog = ({
  canShare,
  filter,
  sort,
  onClose,
}: {
  canShare: boolean;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' };
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [create, { isPending }] = useCreate<SavedViewRecord>();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = () =>
    create(
      'saved-views',
      { data: { name: name.trim(), filter, sort, shared } },
      {
        onSuccess: () => {
          notify('shopdesk.saved_view.saved');
          onClose();
        },
        onError: (e: unknown) => {
          const body = (e as { body?: { errors?: Record<string, string> } }).body;
          setError(body?.errors?.name ?? (e as Error).message);
        },
      },
    );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('shopdesk.saved_view.dialog_title')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          label={translate('shopdesk.saved_view.name')}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          error={error !== null}
          helperText={error ?? undefined}
          slotProps={{ htmlInput: { maxLength: SAVED_VIEW_NAME_MAX, 'data-testid': 'save-view-name' } }}
        />
        {canShare ? (
          <>
            <FormControlLabel
              control={<Switch checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="save-view-shared" />}
              label={translate('shopdesk.saved_view.shared')}
            />
            <FormHelperText>{translate('shopdesk.saved_view.shared_hint')}</FormHelperText>
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={isPending || name.trim() === ''} data-testid="save-view-submit">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
