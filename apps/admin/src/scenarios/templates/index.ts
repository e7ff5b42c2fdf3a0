import AssignmentIcon from '@mui/icons-material/Assignment';
import { TemplateCreate, TemplateEdit } from './TemplateEdit';
import { TemplateList } from './TemplateList';
import { TemplateShow } from './TemplateShow';

/** Registered with these views for admins only (see App.tsx); everyone else reads templates through the ticket pages. */
export default {
  list: TemplateList,
  show: TemplateShow,
  edit: TemplateEdit,
  create: TemplateCreate,
  icon: AssignmentIcon,
};
