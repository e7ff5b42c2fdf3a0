import ShortTextIcon from '@mui/icons-material/ShortText';
import { MacroCreate, MacroEdit } from './MacroForm';
import { MacroList } from './MacroList';

export default {
  list: MacroList,
  create: MacroCreate,
  edit: MacroEdit,
  icon: ShortTextIcon,
  recordRepresentation: 'title',
};
