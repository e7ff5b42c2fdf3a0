import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, LocalesMenuButton, TitlePortal } from 'react-admin';
import { LiveEvents } from '../live/useLiveEvents';
import { NotificationBell } from '../notifications/NotificationBell';

/** The notification bell and the language switch (한국어 / English) sit in the app bar next to the loading indicator. */
const ShopDeskAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

// LiveEvents: one live stream per signed-in tab keeps lists and ticket pages current.
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={ShopDeskAppBar}>
    <LiveEvents />
    {children}
  </RaLayout>
);
