import type { Plugin } from 'vite';

/** The graph facts the grouping reads from rolldown's ModuleInfo. */
export interface ModuleNode {
  isEntry: boolean;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}

function closure(roots: Iterable<string>, graph: (id: string) => ModuleNode | null): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    graph(id)?.importedIds.forEach(visit);
  };
  for (const root of roots) visit(root);
  return seen;
}

/**
 * The modules each page's lazy UI needs beyond what the page's entry loads: the static
 * closure of every `import()` the entries' closure makes, minus that closure.
 */
export function lazyUiModules(ids: Iterable<string>, graph: (id: string) => ModuleNode | null): Set<string> {
  const all = [...ids];
  const loaded = closure(all.filter((id) => graph(id)?.isEntry === true), graph);
  const lazyRoots = [...loaded].flatMap((id) => graph(id)?.dynamicallyImportedIds ?? []);
  return new Set([...closure(lazyRoots, graph)].filter((id) => !loaded.has(id)));
}

/**
 * One chunk for what a sidebar loads after its record request (React, Crayons, the sections).
 * Split automatically it was six files, and under HTTP/1.1's six connections per host, with
 * the open's CRM calls holding some, they came in rounds on a cold open (A/B, cold medians:
 * contact 539 -> 512 ms, account 514 -> 508, deal 460 -> 450). Forms loaded later import what
 * they share from this chunk. Dependencies are not pulled in with the captured modules: those
 * the entry loads stay in the entry's chunks, or the entry would load the UI statically.
 */
export function uiChunk(): Plugin & { codeSplitting: { groups: Array<{ name: string; test: (id: string) => boolean; includeDependenciesRecursively: boolean }> } } {
  let ui = new Set<string>();
  return {
    name: 'companion:ui-chunk',
    apply: 'build',
    buildEnd() {
      ui = lazyUiModules(this.getModuleIds(), (id) => this.getModuleInfo(id));
    },
    codeSplitting: { groups: [{ name: 'ui', test: (id: string) => ui.has(id), includeDependenciesRecursively: false }] },
  };
}
