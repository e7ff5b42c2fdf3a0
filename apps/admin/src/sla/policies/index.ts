import TimerIcon from '@mui/icons-material/Timer';
import { PolicyCreate, PolicyEdit, PolicyList } from './PolicyPages';

/** Registered with these views for admins only (see App.tsx). */
export default {
  list: PolicyList,
  edit: PolicyEdit,
  create: PolicyCreate,
  icon: TimerIcon,
};
