import EventIcon from '@mui/icons-material/Event';
import { lazyPage } from '../../common/lazy-page';

const CalendarList = lazyPage(() => import('./CalendarPages').then((m) => m.CalendarList));
const CalendarEdit = lazyPage(() => import('./CalendarPages').then((m) => m.CalendarEdit));

/** Registered with these views for admins only (see App.tsx); calendars are seeded, not created here. */
export default {
  list: CalendarList,
  edit: CalendarEdit,
  icon: EventIcon,
};
