import { runInNewContext } from 'node:vm';
import { preloadsFor, withPreloads, type ChunkGraphNode } from './preload-lazy-imports';

/** start imports shared; start lazily imports ui, which imports react and shared (react imports runtime). */
function graph(): Map<string, ChunkGraphNode> {
  const chunks: ChunkGraphNode[] = [
    { fileName: 'assets/start.js', code: 'import"./shared.js";function load(){return import(`./ui.js`)}', imports: ['assets/shared.js'] },
    { fileName: 'assets/shared.js', code: '', imports: [] },
    { fileName: 'assets/ui.js', code: 'import"./react.js";import"./shared.js";', imports: ['assets/react.js', 'assets/shared.js'] },
    { fileName: 'assets/react.js', code: 'import"./runtime.js";', imports: ['assets/runtime.js'] },
    { fileName: 'assets/runtime.js', code: '', imports: [] },
    { fileName: 'assets/lonely.js', code: 'const x=()=>import("./runtime.js");', imports: [] },
  ];
  return new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
}

describe('preloadsFor', () => {
  it('lists what the lazy chunk brings, transitively, minus what the importer already loaded', () => {
    expect(preloadsFor('assets/start.js', './ui.js', graph())).toEqual(['./react.js', './runtime.js']);
  });

  it('is empty for a chunk with no imports of its own, or one it does not know', () => {
    expect(preloadsFor('assets/lonely.js', './runtime.js', graph())).toEqual([]);
    expect(preloadsFor('assets/start.js', './missing.js', graph())).toEqual([]);
  });
});

describe('withPreloads', () => {
  it('preloads at the moment of the import, keeping the import as it was', () => {
    const code = withPreloads(graph().get('assets/start.js') as ChunkGraphNode, graph()) ?? '';
    expect(code).toContain('(__companionPreload(["./react.js","./runtime.js"],import.meta.url),import(`./ui.js`))');
    expect(code.startsWith('const __companionPreload=')).toBe(true);
  });

  it('leaves a chunk alone when none of its imports needs preloading', () => {
    expect(withPreloads(graph().get('assets/lonely.js') as ChunkGraphNode, graph())).toBeUndefined();
  });

  it('adds each module once, as a modulepreload link fetched like a module script', () => {
    const code = withPreloads(graph().get('assets/start.js') as ChunkGraphNode, graph()) ?? '';
    const head: Array<Record<string, string>> = [];
    const document = { createElement: () => ({}), head: { append: (link: Record<string, string>) => head.push(link) } };
    const helper = runInNewContext(`${code.split('\n')[0] ?? ''}; __companionPreload`, { document, URL }) as (deps: string[], base: string) => void;
    helper(['./react.js', './runtime.js'], 'https://cdn.example/app/assets/start.js');
    helper(['./react.js'], 'https://cdn.example/app/assets/start.js');
    expect(head).toEqual([
      { rel: 'modulepreload', crossOrigin: '', href: 'https://cdn.example/app/assets/react.js' },
      { rel: 'modulepreload', crossOrigin: '', href: 'https://cdn.example/app/assets/runtime.js' },
    ]);
  });
});
