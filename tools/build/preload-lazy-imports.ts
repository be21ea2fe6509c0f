import { posix } from 'node:path';
import type { Plugin } from 'vite';

/**
 * A lazy chunk's own imports are found only once the browser has fetched and parsed it: for
 * the sidebar UI (React and Crayons, imported by start.ts while the record request is out)
 * that is a second round of fetches after an 80 ms parse on a cold open. Vite's preload helper,
 * which would list them up front, is not emitted in this build (Vite 8 with rolldown), so each
 * `import('./x.js')` whose chunk brings chunks the importer does not already load gets those
 * chunks `modulepreload`ed at the moment it runs.
 */

/** The parts of a rolldown output chunk the rewrite reads and changes. */
export interface ChunkGraphNode {
  fileName: string;
  code: string;
  imports: string[];
}

const HELPER = '__companionPreload';

// Runs in the browser: adds each dependency once, as module scripts are fetched (CORS, same-origin credentials).
const HELPER_SOURCE =
  `const ${HELPER}=(deps,base)=>{for(const dep of deps){const href=new URL(dep,base).href;` +
  `if(${HELPER}.seen.has(href))continue;${HELPER}.seen.add(href);const link=document.createElement("link");` +
  `link.rel="modulepreload";link.crossOrigin="";link.href=href;document.head.append(link)}};${HELPER}.seen=new Set();\n`;

const DYNAMIC_IMPORT = /\bimport\((["'`])(\.{1,2}\/[^"'`$]+)\1\)/g;

/** The chunk and every chunk it imports statically, transitively. */
function staticClosure(fileName: string, chunks: ReadonlyMap<string, ChunkGraphNode>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    chunks.get(name)?.imports.forEach(visit);
  };
  visit(fileName);
  return seen;
}

/** Paths relative to the importer, as its `import()` would write them. */
function relativeTo(importer: string, fileName: string): string {
  const path = posix.relative(posix.dirname(importer), fileName);
  return path.startsWith('.') ? path : `./${path}`;
}

/** What `import(specifier)` in `importer` loads beyond what the importer has loaded already. */
export function preloadsFor(importer: string, specifier: string, chunks: ReadonlyMap<string, ChunkGraphNode>): string[] {
  const target = posix.join(posix.dirname(importer), specifier);
  if (!chunks.has(target)) return [];
  const loaded = staticClosure(importer, chunks);
  return [...staticClosure(target, chunks)].filter((name) => name !== target && !loaded.has(name)).map((name) => relativeTo(importer, name));
}

/** The chunk's code with its lazy imports preloading their chunks, or undefined when none needs it. */
export function withPreloads(chunk: ChunkGraphNode, chunks: ReadonlyMap<string, ChunkGraphNode>): string | undefined {
  let changed = false;
  const code = chunk.code.replace(DYNAMIC_IMPORT, (whole: string, _quote: string, specifier: string) => {
    const deps = preloadsFor(chunk.fileName, specifier, chunks);
    if (deps.length === 0) return whole;
    changed = true;
    return `(${HELPER}(${JSON.stringify(deps)},import.meta.url),${whole})`;
  });
  return changed ? HELPER_SOURCE + code : undefined;
}

/** The Vite plugin: rewrites the finished chunks (their names, hashed from content, stay valid: the graph they encode is already in the hashes). */
export function preloadLazyImports(): Plugin {
  return {
    name: 'companion:preload-lazy-imports',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkGraphNode & { code: string }>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
      for (const chunk of chunks.values()) {
        const code = withPreloads(chunk, chunks);
        if (code !== undefined) chunk.code = code;
      }
    },
  };
}
