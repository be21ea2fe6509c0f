import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, createLogger, type Logger, type Rolldown } from 'vite';
import { checkAppClientFirst } from './app-client';
import { copyIcons, crayonsIconsFromApp } from './icons';
import { preloadLazyImports } from './preload-lazy-imports';
import { uiChunk } from './ui-chunk';
import { listFiles, posixRelative } from './paths';

/**
 * Builds app/ with Vite: one HTML per page (every placement and modal), bundles under
 * app/assets/ with relative URLs, and nothing under app/scripts/ (the FDK lints that folder
 * and minified code would fail it).
 */

export interface PageReport {
  /** The HTML file, relative to app/. */
  page: string;
  /**
   * Files loaded when the page opens: the entry chunk, the chunks the entry itself imports
   * dynamically (the sidebar UI, fetched while the first request is in flight), and their
   * static imports.
   */
  scripts: string[];
  /** Their gzip size in bytes. */
  gzipBytes: number;
}

export class FrontEndBuildError extends Error {}

/** Every HTML page under app/ except the static files in app/public/. */
export function pageInputs(appDir: string): Record<string, string> {
  const pages = listFiles(appDir, (name) => name.endsWith('.html'), ['public', 'node_modules', 'assets']);
  return Object.fromEntries(pages.map((path) => [posixRelative(appDir, path).replace(/\.html$/, ''), path]));
}

/** Vite's own logger, minus its note that it leaves the app client script alone: we want that. */
function quietLogger(): Logger {
  const logger = createLogger('warn');
  const warn = logger.warn.bind(logger);
  logger.warn = (message, options) => {
    if (!message.includes('{{{appclient}}}')) warn(message, options);
  };
  return logger;
}

type OutputItem = Rolldown.OutputChunk | Rolldown.OutputAsset;

function isChunk(item: OutputItem): item is Rolldown.OutputChunk {
  return item.type === 'chunk';
}

function openingClosure(entry: Rolldown.OutputChunk, byName: Map<string, Rolldown.OutputChunk>): Rolldown.OutputChunk[] {
  const seen = new Map<string, Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    chunk.imports.map((name) => byName.get(name)).forEach((next) => next && visit(next));
  };
  visit(entry);
  // The dynamic imports of what the page loads statically run at once (start.ts imports the
  // UI that way); lazy chunks those import in turn would load later and are not counted.
  const opening = [...seen.values()];
  opening.flatMap((chunk) => chunk.dynamicImports).map((name) => byName.get(name)).forEach((next) => next && visit(next));
  return [...seen.values()];
}

function reportPages(items: OutputItem[]): PageReport[] {
  const chunks = items.filter(isChunk);
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  return chunks
    .filter((chunk) => chunk.isEntry)
    .map((entry) => {
      const loaded = openingClosure(entry, byName);
      return {
        page: `${entry.name}.html`,
        scripts: loaded.map((chunk) => chunk.fileName).sort(),
        gzipBytes: loaded.reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0),
      };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}

function outputItems(result: Awaited<ReturnType<typeof build>>): OutputItem[] {
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => ('output' in output ? output.output : []));
}

export async function buildFrontEnd(root: string, outDir: string): Promise<PageReport[]> {
  const appDir = join(root, 'app');
  const input = pageInputs(appDir);
  if (Object.keys(input).length === 0) throw new FrontEndBuildError('app/ has no HTML pages');
  const ui = uiChunk();
  const result = await build({
    root: appDir,
    base: './',
    mode: 'production',
    // Vite keeps an inherited NODE_ENV (jest sets "test"), which would ship React's development
    // build to the tests: the app is always built as users get it.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    configFile: false,
    envDir: false,
    customLogger: quietLogger(),
    publicDir: join(appDir, 'public'),
    plugins: [react(), crayonsIconsFromApp(), preloadLazyImports(), ui],
    build: {
      outDir: join(outDir, 'app'),
      emptyOutDir: true,
      assetsDir: 'assets',
      sourcemap: false,
      target: 'es2020',
      modulePreload: { polyfill: false },
      rolldownOptions: { input, output: { codeSplitting: ui.codeSplitting } },
    },
  });
  copyIcons(join(outDir, 'app'));
  for (const page of Object.keys(input)) {
    const html = readFileSync(join(outDir, 'app', `${page}.html`), 'utf8');
    checkAppClientFirst(`app/${page}.html`, html);
  }
  return reportPages(outputItems(result));
}
