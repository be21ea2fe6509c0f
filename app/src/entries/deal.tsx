import { mountSidebar } from '../boot';

void mountSidebar('deal');
