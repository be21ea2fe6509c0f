import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Browser scripts the emulator injects (the `{{{appclient}}}` client, the host page script)
 * are TypeScript, bundled on first use. The sources do not change while the emulator runs,
 * so each entry is built once per process.
 */
const cache = new Map<string, Promise<string>>();

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: false,
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return output.text;
}

/** The entry file bundled as one classic (IIFE) ES2020 script; a failed build is not cached. */
export function bundleBrowserScript(entry: string): Promise<string> {
  const path = resolve(entry);
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const built = bundle(path);
  cache.set(path, built);
  built.catch(() => cache.delete(path));
  return built;
}
