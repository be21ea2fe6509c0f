import { useEffect, useRef } from 'react';
import type { EntityType } from '../../common/platform/client';
import { ConnectionStatus } from './components/ConnectionStatus';
import { messages } from './i18n/messages';
import type { Host } from './platform/host';

interface Props {
  host: Host;
  entityType: EntityType;
}

/** Keeps the drawer exactly as tall as the content (the host caps it at 700 px). */
function useFitHeight(host: Host) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (element === null) return undefined;
    const fit = () => host.resize(element.getBoundingClientRect().height);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [host]);
  return root;
}

export function Sidebar({ host, entityType }: Props) {
  const root = useFitHeight(host);
  return (
    <div ref={root} className="sidebar">
      <header className="sidebar-header">
        <h1 className="sidebar-title">{messages.appTitle}</h1>
        <span className="muted">{messages.entityLabel[entityType]}</span>
      </header>
      <ConnectionStatus host={host} />
    </div>
  );
}
