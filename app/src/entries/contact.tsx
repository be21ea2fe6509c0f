import { mountSidebar } from '../boot';

void mountSidebar('contact');
