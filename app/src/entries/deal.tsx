import { startSidebar } from '../start';

void startSidebar('deal');
