import '@freshworks/crayons/css/crayons-min.css';
import './styles.css';
import { createRoot } from 'react-dom/client';
import type { EntityType } from '../../common/platform/client';
import { messages } from './i18n/messages';
import { connectToPlatform, createHost } from './platform/host';
import { Sidebar } from './Sidebar';

function rootElement(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing !== null) return existing;
  const created = document.createElement('div');
  created.id = 'root';
  document.body.appendChild(created);
  return created;
}

/** Boots one placement: connect to the platform, then render that entity's sidebar. */
export async function mountSidebar(entityType: EntityType): Promise<void> {
  const root = createRoot(rootElement());
  try {
    const client = await connectToPlatform();
    root.render(<Sidebar host={createHost(client)} entityType={entityType} />);
  } catch {
    root.render(<p className="boot-message">{messages.boot.noClient}</p>);
  }
}
