import type { NotifyType } from '../../../../common/platform/client';
import { closeButton, el } from './dom';
import { HostError } from './errors';

/** The product's own UI that interface methods open: toasts, the confirm box, modals, add forms. */

/** How long a notification stays (the product's toasts fade after a few seconds). */
export const TOAST_MS = 5_000;
/** The confirm box closes itself after 10 s (platform.md §7.4 [P]). */
export const CONFIRM_TIMEOUT_MS = 10_000;
const MAX_TOASTS = 4;

export interface ToastSpec {
  type: NotifyType;
  title?: string;
  message: string;
  /** `app` for showNotify, `host` for the page's own messages. */
  source: 'app' | 'host';
}

export interface ConfirmSpec {
  title: string;
  message: string;
  saveLabel: string;
  cancelLabel: string;
}

export interface FrameOverlay {
  /** The instance shown in it. */
  instanceId: string;
  close(): void;
}

const TOAST_TITLES: Record<NotifyType, string> = { info: 'Info', success: 'Success', warning: 'Warning', danger: 'Error', alert: 'Alert' };

export class Overlays {
  private readonly toasts: HTMLElement;
  private confirmOpen = false;
  private frameOverlay: FrameOverlay | undefined;

  constructor(private readonly doc: Document) {
    this.toasts = doc.getElementById('fdk-toasts') ?? doc.body.appendChild(el('div', { class: 'fs-toasts', id: 'fdk-toasts' }));
  }

  toast(spec: ToastSpec): void {
    const toast = el(
      'div',
      { class: `fs-toast fs-toast-${spec.type}`, 'data-testid': 'fdk-toast', 'data-type': spec.type, 'data-source': spec.source, role: 'status' },
      el('span', { class: 'fs-toast-mark', 'aria-hidden': 'true' }),
      el('div', { class: 'fs-toast-text' }, el('strong', {}, spec.title ?? TOAST_TITLES[spec.type]), el('p', {}, spec.message)),
    );
    const dismiss = () => toast.remove();
    toast.append(closeButton('Dismiss', dismiss));
    this.toasts.append(toast);
    while (this.toasts.children.length > MAX_TOASTS) this.toasts.firstElementChild?.remove();
    window.setTimeout(dismiss, TOAST_MS);
  }

  /**
   * Resolves with the clicked label. After CONFIRM_TIMEOUT_MS unanswered it closes and rejects
   * (408): the stricter reading of the [P] timeout, so apps handle a box nobody answered.
   */
  confirm(spec: ConfirmSpec): Promise<string> {
    if (this.confirmOpen) return Promise.reject(new HostError({ status: 409, message: 'showConfirm: a confirmation box is already open' }));
    this.confirmOpen = true;
    return new Promise((resolve, reject) => {
      const overlay = el('div', { class: 'fs-overlay', 'data-testid': 'fdk-confirm' });
      const finish = (settle: () => void) => {
        window.clearTimeout(timer);
        overlay.remove();
        this.confirmOpen = false;
        settle();
      };
      const timer = window.setTimeout(() => finish(() => reject(new HostError({ status: 408, message: `showConfirm: nobody answered within ${CONFIRM_TIMEOUT_MS / 1000} seconds` }))), CONFIRM_TIMEOUT_MS);
      overlay.append(confirmBox(spec, (label) => finish(() => resolve(label))));
      this.doc.body.append(overlay);
      overlay.querySelector<HTMLButtonElement>('[data-testid="fdk-confirm-save"]')?.focus();
    });
  }

  hasFrameOverlay(): boolean {
    return this.frameOverlay !== undefined;
  }

  /** Closes the modal or dialog that shows this instance, if it is open. */
  closeFrame(instanceId: string): void {
    if (this.frameOverlay?.instanceId === instanceId) this.frameOverlay.close();
  }

  /** A modal (wide) or dialog (narrow) around an app iframe; `onClose` runs once however it closes. */
  openFrame(kind: 'modal' | 'dialog', instanceId: string, title: string, frame: HTMLIFrameElement, onClose: () => void): FrameOverlay {
    const overlay = el('div', { class: 'fs-overlay', 'data-testid': `fdk-${kind}` });
    const handle: FrameOverlay = {
      instanceId,
      close: () => {
        if (this.frameOverlay !== handle) return;
        this.frameOverlay = undefined;
        overlay.remove();
        onClose();
      },
    };
    const box = el(
      'div',
      { class: `fs-dialog fs-frame-${kind}`, role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
      el('header', { class: 'fs-dialog-head' }, el('h2', {}, title), closeButton(`Close ${kind}`, () => handle.close())),
      el('div', { class: 'fs-dialog-body' }, frame),
    );
    overlay.append(box);
    this.doc.body.append(overlay);
    this.frameOverlay = handle;
    return handle;
  }

  /**
   * `open` shows the product's add form. The emulator has no create forms: it shows a panel
   * that says so, with the form's first fields for the look (read-only).
   */
  addPanel(title: string, fields: string[]): void {
    this.doc.querySelector('[data-testid="fdk-add-panel"]')?.remove();
    const overlay = el('div', { class: 'fs-overlay fs-overlay-side', 'data-testid': 'fdk-add-panel' });
    const close = () => overlay.remove();
    const inputs = fields.map((label) => el('label', { class: 'fs-input' }, el('span', {}, label), el('input', { disabled: '', placeholder: label })));
    const done = el('button', { type: 'button', class: 'fs-button' }, 'Close');
    done.addEventListener('click', close);
    overlay.append(
      el(
        'aside',
        { class: 'fs-panel', role: 'dialog', 'aria-label': title },
        el('header', { class: 'fs-dialog-head' }, el('h2', {}, title), closeButton('Close', close)),
        el('p', { class: 'fs-note' }, `On Freshsales this opens the product's "${title}" form. The emulator has no create forms: create records through the API or the stand-in.`),
        ...inputs,
        el('footer', { class: 'fs-dialog-foot' }, done),
      ),
    );
    this.doc.body.append(overlay);
  }
}

function confirmBox(spec: ConfirmSpec, choose: (label: string) => void): HTMLElement {
  const button = (label: string, testid: string, primary: boolean) => {
    const node = el('button', { type: 'button', class: primary ? 'fs-button fs-primary' : 'fs-button', 'data-testid': testid }, label);
    node.addEventListener('click', () => choose(label));
    return node;
  };
  const box = el(
    'div',
    { class: 'fs-dialog fs-confirm', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': spec.title },
    el('header', { class: 'fs-dialog-head' }, el('h2', {}, spec.title)),
    el('p', { class: 'fs-confirm-message' }, spec.message),
    el('footer', { class: 'fs-dialog-foot' }, button(spec.cancelLabel, 'fdk-confirm-cancel', false), button(spec.saveLabel, 'fdk-confirm-save', true)),
  );
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') choose(spec.cancelLabel);
  });
  return box;
}
