import { mountSidebar } from '../boot';

void mountSidebar('sales_account');
