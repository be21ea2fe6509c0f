import { FRAME_PARAMS, type HostBootData } from '../protocol';
import { appFrame, appUrl } from './env';
import { activate, deactivate } from './events';
import type { Instance, Instances } from './instances';

/**
 * The apps drawer of a details page: a rail icon per placement; clicking one opens the drawer
 * with the placement's page, clicking it again (or the close button) hides it. The iframe is
 * kept while the page lives, as the product reuses it: each opening fires `app.activated`,
 * each closing `app.deactivated` (platform.md §7.1).
 */
export class Drawer {
  private readonly frames = new Map<string, Instance>();
  private current: Instance | undefined;

  constructor(
    private readonly boot: HostBootData,
    private readonly instances: Instances,
    private readonly doc: Document,
  ) {}

  bind(): void {
    this.buttons().forEach((button) => button.addEventListener('click', () => this.toggle(button.dataset.placeholder ?? '')));
    this.doc.getElementById('fdk-drawer-close')?.addEventListener('click', () => this.close());
  }

  toggle(placeholder: string): void {
    if (this.current?.location === placeholder) this.close();
    else this.open(placeholder);
  }

  open(placeholder: string): void {
    const placement = this.boot.placements.find((entry) => entry.placeholder === placeholder);
    const drawer = this.doc.getElementById('fdk-drawer');
    if (placement === undefined || drawer === null) return;
    this.close();
    const instance = this.frames.get(placeholder) ?? this.create(placement);
    instance.frame.hidden = false;
    drawer.hidden = false;
    this.doc.body.classList.add('has-drawer');
    this.press(placeholder, true);
    this.current = instance;
    activate(this.instances, instance);
  }

  close(): void {
    const instance = this.current;
    if (instance === undefined) return;
    this.current = undefined;
    instance.frame.hidden = true;
    this.doc.getElementById('fdk-drawer')?.setAttribute('hidden', '');
    this.doc.body.classList.remove('has-drawer');
    this.press(instance.location, false);
    deactivate(this.instances, instance);
  }

  private create(placement: HostBootData['placements'][number]): Instance {
    const id = this.instances.nextId();
    const src = appUrl(this.boot, placement.url, { [FRAME_PARAMS.instance]: id, [FRAME_PARAMS.location]: placement.placeholder });
    const frame = appFrame(src, placement.placeholder);
    this.doc.getElementById('fdk-drawer-body')?.append(frame);
    const instance = this.instances.add(id, placement.placeholder, frame);
    this.frames.set(placement.placeholder, instance);
    return instance;
  }

  private buttons(): HTMLButtonElement[] {
    return Array.from(this.doc.querySelectorAll<HTMLButtonElement>('[data-testid="fdk-app-icon"]'));
  }

  private press(placeholder: string, pressed: boolean): void {
    this.buttons()
      .filter((button) => button.dataset.placeholder === placeholder)
      .forEach((button) => button.setAttribute('aria-pressed', String(pressed)));
  }
}
