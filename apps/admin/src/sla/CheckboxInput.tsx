import { Checkbox, FormControlLabel } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';

/** A plain checkbox bound to a boolean form value (react-admin only ships a switch). */
export const CheckboxInput = ({ source, label, testId }: { source: string; label: string; testId?: string }) => {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: false });
  return (
    <FormControlLabel
      sx={{ m: 0 }}
      control={
        <Checkbox
          size="small"
          checked={!!field.value}
          onChange={(event) => field.onChange(event.target.checked)}
          onBlur={field.onBlur}
          slotProps={{ input: { 'data-testid': testId } as Record<string, unknown> }}
        />
      }
      label={translate(label)}
      slotProps={{ typography: { variant: 'caption' } }}
    />
  );
};
