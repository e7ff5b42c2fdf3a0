import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyPage } from '../../common/lazy-page';

// Admin-only editor: its own chunk (App.tsx registers it for admins).
const TemplateList = lazyPage(() => import('./TemplateList').then((m) => m.TemplateList));
const TemplateShow = lazyPage(() => import('./TemplateShow').then((m) => m.TemplateShow));
const TemplateEdit = lazyPage(() => import('./TemplateEdit').then((m) => m.TemplateEdit));
const TemplateCreate = lazyPage(() => import('./TemplateEdit').then((m) => m.TemplateCreate));

/** Registered with these views for admins only (see App.tsx); everyone else reads templates through the ticket pages. */
export default {
  list: TemplateList,
  show: TemplateShow,
  edit: TemplateEdit,
  create: TemplateCreate,
  icon: AssignmentIcon,
};
