import type { EntityType } from '../../../../common/platform/client';
import type { HostBootData } from '../protocol';
import { initials } from './format';
import { html, jsonForScript, raw, type Html, type HtmlPart } from './html';
import { HOST_DATA_ID, HOST_SCRIPT_PATH, HOST_STYLE_PATH, KIND_LIST } from './kinds';

/** The product's chrome: left navigation, top bar, content, and the host script's boot data. */

const ICONS: Record<EntityType | 'logo', string> = {
  logo: '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 4h14v4H9v3h8v4H9v5H5z" fill="currentColor"/></svg>',
  contact:
    '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>',
  sales_account:
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 20V6l7-3v17M11 20V9l9 3v8M3 20h18M7 8v.01M7 12v.01M7 16v.01M15 14v.01M15 17v.01" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  deal: '<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="3" y="7" width="18" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2M3 13h18" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>',
};

export const icon = (name: EntityType | 'logo'): Html => raw(ICONS[name]);

function navigation(active: EntityType | undefined): Html {
  const links = KIND_LIST.map(
    (info) =>
      html`<a class="fs-nav-link${info.kind === active ? ' is-active' : ''}" href="/crm/sales/${info.segment}" title="${info.plural}" aria-label="${info.plural}">${icon(info.kind)}<span>${info.plural}</span></a>`,
  );
  return html`<nav class="fs-nav" aria-label="Main"><a class="fs-logo" href="/crm/sales/contacts" title="Freshsales (emulated)">${icon('logo')}</a>${links}</nav>`;
}

export interface PageOptions {
  title: string;
  active?: EntityType;
  /** The signed-in user's name for the top bar. */
  user: string;
  /** Breadcrumb: the section and, on details pages, the record. */
  crumbs: Array<{ label: string; href?: string }>;
  content: HtmlPart;
  /** The apps rail and drawer, on details pages. */
  aside?: HtmlPart;
  boot?: HostBootData;
  status?: number;
}

function crumbs(items: PageOptions['crumbs']): Html {
  const parts = items.map((item) => (item.href === undefined ? html`<span aria-current="page">${item.label}</span>` : html`<a href="${item.href}">${item.label}</a>`));
  return html`<ol class="fs-crumbs">${parts.map((part) => html`<li>${part}</li>`)}</ol>`;
}

function topBar(options: PageOptions): Html {
  return html`<header class="fs-topbar">
  ${crumbs(options.crumbs)}
  <div class="fs-search" aria-hidden="true">Search contacts, accounts, deals…</div>
  <div class="fs-user" title="${options.user}"><span class="fs-avatar fs-avatar-sm">${initials(options.user)}</span><span class="fs-user-name">${options.user}</span></div>
</header>`;
}

function bootScript(boot: HostBootData | undefined): Html {
  if (boot === undefined) return html``;
  return html`<script type="application/json" id="${HOST_DATA_ID}">${jsonForScript(boot)}</script>
<script src="${HOST_SCRIPT_PATH}" defer></script>`;
}

export function page(options: PageOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Freshsales (emulated)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${HOST_STYLE_PATH}">
</head>
<body class="fs">
${navigation(options.active)}
<div class="fs-main">
${topBar(options)}
<main class="fs-content">${options.content}</main>
</div>
${options.aside}
<div class="fs-toasts" id="fdk-toasts" role="status" aria-live="polite"></div>
${bootScript(options.boot)}
</body>
</html>`.text;
}
