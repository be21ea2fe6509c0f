import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDefinition } from './copy';
import { checkServerDependencies } from './dependencies';
import { buildFrontEnd, type PageReport } from './bundle-app';
import { buildServer, type ServerBuild } from './compile-server';

export interface BuildReport {
  outDir: string;
  pages: PageReport[];
  server: ServerBuild;
}

export class BuildError extends Error {}

function declaredDependencies(root: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return manifest.dependencies ?? {};
}

/** Writes the app in exact FDK layout to `outDir` (design.md, Build and packaging). */
export async function buildProject(root: string, outDir = join(root, 'dist')): Promise<BuildReport> {
  rmSync(outDir, { recursive: true, force: true });
  copyDefinition(root, outDir);
  const pages = await buildFrontEnd(root, outDir);
  const server = buildServer(root, outDir);
  const problems = checkServerDependencies(root, server.packages, declaredDependencies(root));
  if (problems.length > 0) throw new BuildError(problems.join('\n'));
  return { outDir, pages, server };
}
