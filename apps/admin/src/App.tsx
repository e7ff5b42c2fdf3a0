import { Admin, Resource } from 'react-admin';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import tickets from './tickets';
import macros from './macros';
import users from './users';
import scenarioTemplates from './scenarios/templates';
import slaPolicies from './sla/policies';
import businessCalendars from './sla/calendars';

export const App = () => (
  <Admin
    title="ShopDesk"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    {(permissions) => (
      <>
        <Resource name="tickets" {...tickets} />
        {/* Everyone keeps personal macros; leads and admins also share them (the API enforces it). */}
        <Resource name="macros" {...macros} />
        {/* Everyone needs users as a reference (assignee filter); only admins get the pages and the menu item. */}
        <Resource name="users" recordRepresentation="name" {...(permissions === 'admin' ? users : {})} />
        {/* Agents read templates on the ticket pages; only admins get the template editor and its menu item. */}
        <Resource
          name="scenario-templates"
          recordRepresentation="key"
          {...(permissions === 'admin' ? scenarioTemplates : {})}
        />
        {/* SLA policies and business calendars: admin pages only (the API refuses writes to everyone else). */}
        {permissions === 'admin' ? (
          <>
            <Resource name="sla-policies" recordRepresentation="key" {...slaPolicies} />
            <Resource name="business-calendars" recordRepresentation="key" {...businessCalendars} />
          </>
        ) : null}
      </>
    )}
  </Admin>
);
