import type { EntityType } from '../../../../common/platform/client';
import type { HostBootData } from '../protocol';
import { APP_PREFIX } from '../protocol';
import { initials } from './format';
import { html, type Html } from './html';
import { HOST_API_PREFIX, KINDS } from './kinds';
import { icon } from './layout';
import { PAGE_SIZE, type FieldView, type ListView, type RecordView, type RelatedView } from './records';

/** The content of list, details and message pages, as HTML (every value escaped by `html`). */

function fieldValue(field: FieldView): Html {
  const value = field.href === undefined ? html`${field.value}` : html`<a href="${field.href}">${field.value}</a>`;
  return html`<dd${field.name === undefined ? '' : html` data-field="${field.name}"`}${field.long === true ? html` class="is-long"` : ''}>${value}</dd>`;
}

const fieldList = (fields: FieldView[]): Html =>
  html`<dl class="fs-fields">${fields.map((field) => html`<div class="fs-field${field.long === true ? ' is-wide' : ''}"><dt>${field.label}</dt>${fieldValue(field)}</div>`)}</dl>`;

function header(view: RecordView): Html {
  const facts = [{ label: 'Owner', value: view.owner }, ...view.facts];
  return html`<section class="card fs-record-head" data-testid="fdk-record-header">
  <div class="fs-avatar fs-avatar-lg fs-kind-${view.kind}">${view.kind === 'contact' ? initials(view.title) : icon(view.kind)}</div>
  <div class="fs-record-title">
    <div class="fs-eyebrow">${KINDS[view.kind].label}</div>
    <h1 data-field="title">${view.title}</h1>
    <p class="fs-subtitle" data-field="subtitle">${view.subtitle}</p>
  </div>
  <dl class="fs-facts">${facts.map((fact) => html`<div><dt>${fact.label}</dt>${fieldValue(fact)}</div>`)}</dl>
</section>`;
}

function relatedCard(group: RelatedView): Html {
  const more = group.total > group.items.length ? html`<p class="fs-more">and ${group.total - group.items.length} more</p>` : '';
  const body =
    group.items.length === 0
      ? html`<p class="fs-empty">${group.empty}</p>`
      : html`<ul class="fs-links">${group.items.map((item) => html`<li><a href="${item.href}">${item.title}</a><span>${item.meta}</span></li>`)}</ul>`;
  return html`<section class="card fs-related"><h2>${group.title} <span class="fs-badge">${group.total}</span></h2>${body}${more}</section>`;
}

function editCard(view: RecordView): Html {
  const action = `${HOST_API_PREFIX}/${KINDS[view.kind].collection}/${view.id}`;
  const inputs = view.edit.map(
    (field) => html`<label class="fs-input"><span>${field.label}</span><input name="${field.name}" value="${field.value}" autocomplete="off"></label>`,
  );
  return html`<section class="card fs-edit">
  <h2>Quick edit</h2>
  <form method="post" action="${action}" data-fdk-edit="${view.kind}" data-testid="fdk-edit-form">
    ${inputs}
    <div class="fs-form-foot"><button type="submit" class="fs-button fs-primary">Save</button><span class="fs-form-status" aria-live="polite"></span></div>
  </form>
</section>`;
}

export function detailsContent(view: RecordView): Html {
  return html`${header(view)}
<div class="fs-record-body">
  <div class="fs-col-main">
    <section class="card fs-details"><h2>Details</h2>${fieldList(view.fields)}</section>
    <section class="card fs-details"><h2>Custom fields</h2>${fieldList(view.customFields)}</section>
  </div>
  <div class="fs-col-side">${editCard(view)}${view.related.map(relatedCard)}</div>
</div>`;
}

export function listContent(view: ListView): Html {
  const info = KINDS[view.kind];
  const first = view.total === 0 ? 0 : (view.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(view.page * PAGE_SIZE, view.total);
  const link = (page: number, label: string, rel: string) =>
    page < 1 || page > view.pages ? html`<span class="fs-button is-disabled">${label}</span>` : html`<a class="fs-button" rel="${rel}" href="?page=${page}">${label}</a>`;
  const rows = view.rows.map(
    (row) =>
      html`<tr><td><a class="fs-row-link" href="${row.href}"><span class="fs-avatar fs-avatar-sm fs-kind-${view.kind}">${view.kind === 'deal' ? icon('deal') : initials(row.cells[0] ?? '')}</span>${row.cells[0]}</a></td>${row.cells.slice(1).map((cell) => html`<td>${cell}</td>`)}</tr>`,
  );
  return html`<section class="card fs-list">
  <header class="fs-list-head"><h1>All ${info.plural.toLowerCase()}</h1><span class="fs-count">${view.total} ${info.plural.toLowerCase()}</span></header>
  <div class="fs-table-wrap"><table class="fs-table" data-testid="fdk-list">
    <thead><tr>${view.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <footer class="fs-pager"><span>Showing ${first}–${last} of ${view.total}</span><span class="fs-pager-links">${link(view.page - 1, '‹ Previous', 'prev')}<span>Page ${view.page} of ${view.pages}</span>${link(view.page + 1, 'Next ›', 'next')}</span></footer>
</section>`;
}

export function messageContent(title: string, body: string, back?: { href: string; label: string }): Html {
  return html`<section class="card fs-message" data-testid="fdk-message"><h1>${title}</h1><p>${body}</p>${back === undefined ? '' : html`<p><a class="fs-button" href="${back.href}">${back.label}</a></p>`}</section>`;
}

/** The apps rail (one icon per placement of this page's module) and the drawer it opens. */
export function appsAside(boot: HostBootData, appTitle: string): Html {
  const installationId = boot.installationId ?? '';
  const icons = boot.placements.map(
    (placement) =>
      html`<button type="button" class="fs-rail-app" data-testid="fdk-app-icon" data-placeholder="${placement.placeholder}" title="${appTitle}" aria-label="Open ${appTitle}" aria-pressed="false"><img src="${APP_PREFIX}/${installationId}/${placement.icon}" alt=""></button>`,
  );
  const empty = boot.installationId === null ? html`<p class="fs-rail-empty">No app installed</p>` : '';
  return html`<aside class="fs-drawer" id="fdk-drawer" data-testid="fdk-drawer" hidden aria-label="${appTitle}">
  <header class="fs-drawer-head"><span class="fs-drawer-title" id="fdk-drawer-title">${appTitle}</span><button type="button" class="fs-icon-button" id="fdk-drawer-close" aria-label="Close app">×</button></header>
  <div class="fs-drawer-body" id="fdk-drawer-body"></div>
</aside>
<aside class="fs-rail" aria-label="Apps"><span class="fs-rail-label">Apps</span>${icons}${empty}</aside>`;
}

export const pageTitleOf = (kind: EntityType, title: string): string => `${title} · ${KINDS[kind].label}`;
