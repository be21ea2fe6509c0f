import { createRoot } from 'react-dom/client';
import type { CrmFailure } from '../../common/crm/failure';
import type { EntityType } from '../../common/platform/client';
import type { Result } from '../../common/validation';
import type { MetadataCache } from './data/metadata-cache';
import type { CurrentUser } from './data/types';
import { messages } from './i18n/messages';
import type { Host } from './platform/host';
import { Sidebar } from './Sidebar';

/** What the entry prepared before React loaded (see start.ts). */
export interface SidebarBoot {
  entity: EntityType;
  host: Host;
  metadata: MetadataCache;
  /** The non-secure iparams: the admin's section and field choices. */
  settings: Record<string, unknown>;
  user: Promise<CurrentUser | undefined>;
  preload?: { id: number; result: Promise<Result<unknown, CrmFailure>> };
}

function rootElement(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing !== null) return existing;
  const created = document.createElement('div');
  created.id = 'root';
  document.body.appendChild(created);
  return created;
}

export function mountSidebar(boot: SidebarBoot): void {
  createRoot(rootElement()).render(<Sidebar {...boot} />);
}

/** Opened outside Freshsales: there is no platform client to talk to. */
export function showBootFailure(): void {
  createRoot(rootElement()).render(<p className="boot-message">{messages.boot.noClient}</p>);
}
