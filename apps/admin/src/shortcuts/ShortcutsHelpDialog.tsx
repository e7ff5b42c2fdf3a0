import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { SHORTCUTS } from './shortcut-keys';

/** The `?` dialog: every shortcut with what it does, in the UI language. */
export const ShortcutsHelpDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} slotProps={{ paper: { 'data-testid': 'shortcuts-help' } as object }}>
      <DialogTitle>{translate('shopdesk.shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {SHORTCUTS.map(({ action, keys }) => (
              <TableRow key={action} data-testid="shortcut-row" data-action={action}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ` ${translate('shopdesk.shortcuts.or')} ` : null}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </TableCell>
                <TableCell>{translate(`shopdesk.shortcuts.action.${action}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {translate('shopdesk.shortcuts.typing_note')}
      </DialogContent>
    </Dialog>
  );
};
