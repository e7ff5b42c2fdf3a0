import { useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Dialog,
  DialogContent,
  DialogTitle,
  LinearProgress,
  List,
  ListItemButton,
  ListItemText,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';
import type { MacroRecord } from '@shopdesk/contracts/macros';
import { errorMessage } from '../providers/http-client';
import { previewMacro } from './macro-preview';
import { SharedChip } from './MacroList';

interface MacroPickerProps {
  open: boolean;
  ticketId: string;
  defaultLang: 'ko' | 'en';
  onClose: () => void;
  /** Called with the macro rendered for this ticket. */
  onPick: (text: string) => void;
}

/**
 * Search your own and the shared macros, pick one with the arrow keys + Enter or a click; the
 * server renders it for this ticket in the chosen language.
 */
export const MacroPicker = ({ open, ticketId, defaultLang, onClose, onPick }: MacroPickerProps) => {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const [lang, setLang] = useState<'ko' | 'en'>(defaultLang);
  const [active, setActive] = useState(0);
  const [rendering, setRendering] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { data = [], isPending, error } = useGetList<MacroRecord>(
    'macros',
    { pagination: { page: 1, perPage: 50 }, sort: { field: 'title', order: 'ASC' }, filter: q.trim() ? { q: q.trim() } : {} },
    { enabled: open },
  );

  const pick = async (macro: MacroRecord | undefined) => {
    if (!macro || rendering) return;
    setRendering(true);
    setFailure(null);
    try {
      const { body } = await previewMacro(ticketId, macro.id, lang);
      onPick(body);
      setQ('');
      setActive(0);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setRendering(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, Math.max(data.length - 1, 0)));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') void pick(data[active]);
    else return;
    event.preventDefault();
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" slotProps={{ paper: { 'data-testid': 'macro-picker' } as object }}>
      <DialogTitle>{translate('shopdesk.macro.picker_title')}</DialogTitle>
      <DialogContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
          <TextField
            autoFocus
            fullWidth
            size="small"
            label={translate('shopdesk.macro.search')}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            slotProps={{ htmlInput: { 'data-testid': 'macro-search' } }}
          />
          <ToggleButtonGroup size="small" exclusive value={lang} onChange={(_, v) => v && setLang(v)} aria-label={translate('shopdesk.macro.language')}>
            <ToggleButton value="ko" data-testid="macro-lang-ko">한국어</ToggleButton>
            <ToggleButton value="en" data-testid="macro-lang-en">English</ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {translate('shopdesk.macro.picker_help')}
        </Typography>
        {isPending || rendering ? <LinearProgress sx={{ my: 1 }} /> : null}
        {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
        {failure ? <Alert severity="error" data-testid="macro-picker-error">{failure}</Alert> : null}
        {!isPending && !error && data.length === 0 ? (
          <Alert severity="info" data-testid="macro-picker-empty" sx={{ mt: 1 }}>
            {translate(q.trim() ? 'shopdesk.macro.no_match' : 'shopdesk.macro.none_yet')}{' '}
            <Link to="/macros/create" onClick={onClose}>
              {translate('shopdesk.macro.create_one')}
            </Link>
          </Alert>
        ) : null}
        <List dense>
          {data.map((macro, index) => (
            <ListItemButton
              key={macro.id}
              selected={index === active}
              data-testid="macro-option"
              data-title={macro.title}
              onClick={() => void pick(macro)}
            >
              <ListItemText
                primary={macro.title}
                secondary={macro.body[lang]}
                slotProps={{ secondary: { noWrap: true } }}
              />
              <SharedChip shared={macro.shared} />
            </ListItemButton>
          ))}
        </List>
      </DialogContent>
    </Dialog>
  );
};
