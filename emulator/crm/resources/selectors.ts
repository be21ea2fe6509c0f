import { ok, type CrmHandler, type CrmRequest } from '../context';
import { notFound } from '../http/errors';
import type { CrmStore } from '../store';
import { parseId } from './shared/ids';
import { userJson } from './shared/includes';
import { SELECTOR_KINDS, SELECTOR_TIME, selectorItem, selectorItems, stagesOf, type SelectorKind } from './shared/selector-items';
import type { RegisterRoutes } from './index';

/**
 * Owners are the account's users, active and inactive alike: every item carries `is_active`,
 * so a client has to filter (or show former owners of old records) itself.
 */
const owners: CrmHandler = (_request, { store }) => ok({ users: store.users.map(userJson) });

const list = (kind: SelectorKind): CrmHandler => (_request, { store }) => ok({ [kind]: selectorItems(store, kind) });

function pipelineOf(store: CrmStore, request: CrmRequest) {
  const id = parseId(request.params.id);
  const pipeline = store.metadata.deal_pipelines.find((row) => row.id === id);
  if (pipeline === undefined) throw notFound('Deal pipeline');
  return pipeline;
}

const pipelineStages: CrmHandler = (request, { store }) => {
  const pipeline = pipelineOf(store, request);
  return ok({ deal_stages: stagesOf(store, pipeline.id).map((stage) => selectorItem(store, 'deal_stages', stage, SELECTOR_TIME)) });
};

const outcomesOfType: CrmHandler = (request, { store }) => {
  const id = parseId(request.params.id);
  if (!store.metadata.sales_activity_types.some((type) => type.id === id)) throw notFound('Sales activity type');
  const outcomes = store.metadata.sales_activity_outcomes.filter((outcome) => outcome.sales_activity_type_id === id);
  return ok({ sales_activity_outcomes: outcomes.map((outcome) => selectorItem(store, 'sales_activity_outcomes', outcome, SELECTOR_TIME)) });
};

export const registerSelectors: RegisterRoutes = (router) => {
  router.add('GET', '/selector/owners', owners);
  SELECTOR_KINDS.forEach((kind) => router.add('GET', `/selector/${kind}`, list(kind)));
  router.add('GET', '/selector/deal_pipelines/:id/deal_stages', pipelineStages);
  router.add('GET', '/selector/sales_activity_types/:id/sales_activity_outcomes', outcomesOfType);
};
