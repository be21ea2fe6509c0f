import { lazyUiModules, type ModuleNode } from './ui-chunk';

const node = (importedIds: string[], dynamicallyImportedIds: string[] = [], isEntry = false): ModuleNode => ({ isEntry, importedIds, dynamicallyImportedIds });

/** page.html → entry → start (→ zod); start imports ui lazily; ui → react, zod; ui imports form lazily; form → react, phone. */
const GRAPH: Record<string, ModuleNode> = {
  'page.html': node(['entry'], [], true),
  entry: node(['start']),
  start: node(['zod'], ['ui']),
  zod: node([]),
  ui: node(['react', 'zod'], ['form']),
  react: node([]),
  form: node(['react', 'phone']),
  phone: node([]),
};

const graph = (id: string) => GRAPH[id] ?? null;

describe('lazyUiModules', () => {
  it('holds what the entry imports lazily and its own imports, not what the entry loads or later forms', () => {
    expect([...lazyUiModules(Object.keys(GRAPH), graph)].sort()).toEqual(['react', 'ui']);
  });

  it('is empty without entries', () => {
    expect(lazyUiModules(['ui', 'react'], graph).size).toBe(0);
  });
});
