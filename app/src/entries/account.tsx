import { startSidebar } from '../start';

void startSidebar('sales_account');
