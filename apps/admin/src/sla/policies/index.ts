import TimerIcon from '@mui/icons-material/Timer';
import { lazyPage } from '../../common/lazy-page';

const PolicyList = lazyPage(() => import('./PolicyPages').then((m) => m.PolicyList));
const PolicyEdit = lazyPage(() => import('./PolicyPages').then((m) => m.PolicyEdit));
const PolicyCreate = lazyPage(() => import('./PolicyPages').then((m) => m.PolicyCreate));

/** Registered with these views for admins only (see App.tsx). */
export default {
  list: PolicyList,
  edit: PolicyEdit,
  create: PolicyCreate,
  icon: TimerIcon,
};
