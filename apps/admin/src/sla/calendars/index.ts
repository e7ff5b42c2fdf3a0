import EventIcon from '@mui/icons-material/Event';
import { CalendarEdit, CalendarList } from './CalendarPages';

/** Registered with these views for admins only (see App.tsx); calendars are seeded, not created here. */
export default {
  list: CalendarList,
  edit: CalendarEdit,
  icon: EventIcon,
};
