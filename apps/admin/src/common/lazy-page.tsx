import { lazy, Suspense, type ComponentType } from 'react';
import { LinearProgress } from '@mui/material';

/**
 * An admin page loaded as its own chunk on first visit. The pages every agent needs (tickets,
 * dashboard cards) stay in the initial bundle; admin-only editors come later.
 */
export function lazyPage(load: () => Promise<ComponentType<object>>): ComponentType<object> {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Page = (props: object) => (
    <Suspense fallback={<LinearProgress sx={{ m: 2 }} />}>
      <Lazy {...props} />
    </Suspense>
  );
  return Page;
}
