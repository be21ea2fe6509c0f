import { startSidebar } from '../start';

void startSidebar('contact');
