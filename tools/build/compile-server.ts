import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Compiles server/server.ts and everything it imports, file by file, to readable ES2020
 * CommonJS (design.md, Build and packaging). Nothing from node_modules is inlined: bare
 * specifiers stay `require('pkg')` and must be declared in the manifest's `dependencies`.
 * Our sources map to the FDK layout: server/x.ts → server/x.js, common/x.ts →
 * server/lib/common/x.js, with relative requires rewritten to match.
 */

export interface ServerBuild {
  /** Output files, relative to the output directory. */
  files: string[];
  /** Bare package specifiers the server requires (`zod/mini` → package `zod`). */
  packages: string[];
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: false,
  importHelpers: false,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
  sourceMap: false,
};

const ENTRY = 'server/server.ts';
const ES_MODULE_MARKER = 'Object.defineProperty(exports, "__esModule", { value: true });\n';

export class ServerBuildError extends Error {}

/** Where a source file of ours lands under the output directory. */
export function outputPathFor(sourceRelative: string): string {
  const posix = sourceRelative.split(sep).join('/');
  if (posix.startsWith('server/')) return posix.replace(/\.ts$/, '.js');
  if (posix.startsWith('common/')) return `server/lib/${posix.replace(/\.ts$/, '.js')}`;
  throw new ServerBuildError(`${posix}: server code may import only server/ and common/ (design.md, Layout)`);
}

function resolveSource(root: string, fromSource: string, specifier: string): string {
  const base = resolve(root, dirname(fromSource), specifier);
  const candidate = [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path));
  if (candidate === undefined) throw new ServerBuildError(`${fromSource}: cannot resolve '${specifier}'`);
  return relative(root, candidate);
}

export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function relativeRequire(fromOutput: string, toOutput: string): string {
  const path = relative(dirname(fromOutput), toOutput).split(sep).join('/').replace(/\.js$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}

interface FileContext {
  root: string;
  source: string;
  output: string;
  onLocal: (source: string) => void;
  onPackage: (specifier: string) => void;
}

function rewriteSpecifier(context: FileContext, specifier: string): string {
  if (!specifier.startsWith('.')) {
    context.onPackage(specifier);
    return specifier;
  }
  const target = resolveSource(context.root, context.source, specifier);
  context.onLocal(target);
  return relativeRequire(context.output, outputPathFor(target));
}

function isRequireCall(node: ts.Node): node is ts.CallExpression & { arguments: [ts.StringLiteral] } {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0] !== undefined &&
    ts.isStringLiteral(node.arguments[0])
  );
}

/** Rewrites `require("…")` calls in the emitted CommonJS and reports what they point at. */
function requireRewriter(context: FileContext): ts.TransformerFactory<ts.SourceFile> {
  return (transform) => {
    const visit = (node: ts.Node): ts.Node => {
      if (isRequireCall(node)) {
        const specifier = rewriteSpecifier(context, node.arguments[0].text);
        return transform.factory.updateCallExpression(node, node.expression, undefined, [
          transform.factory.createStringLiteral(specifier),
        ]);
      }
      return ts.visitEachChild(node, visit, transform);
    };
    return (file) => ts.visitNode(file, visit) as ts.SourceFile;
  };
}

function transpile(context: FileContext): string {
  const text = readFileSync(join(context.root, context.source), 'utf8');
  const result = ts.transpileModule(text, {
    compilerOptions: COMPILER_OPTIONS,
    fileName: context.source,
    reportDiagnostics: true,
    transformers: { after: [requireRewriter(context)] },
  });
  const problems = result.diagnostics ?? [];
  if (problems.length > 0) {
    const text = problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ');
    throw new ServerBuildError(`${context.source}: ${text}`);
  }
  return result.outputText;
}

/** The entry must read as the platform expects: a script that assigns `exports = {…}`. */
function finishEntry(code: string): string {
  const script = code.replace(ES_MODULE_MARKER, '');
  if (!/^exports = \{/m.test(script)) {
    throw new ServerBuildError(`${ENTRY}: must assign the handlers with \`exports = { … }\` (platform.md §2.1)`);
  }
  return script;
}

export function buildServer(root: string, outDir: string): ServerBuild {
  const queue = [ENTRY];
  const done = new Set<string>();
  const packages = new Set<string>();
  while (queue.length > 0) {
    const source = queue.shift() as string;
    if (done.has(source)) continue;
    done.add(source);
    const output = outputPathFor(source);
    const context: FileContext = {
      root,
      source,
      output,
      onLocal: (target) => queue.push(target),
      onPackage: (specifier) => packages.add(specifier),
    };
    const code = transpile(context);
    const target = join(outDir, output);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source === ENTRY ? finishEntry(code) : code);
  }
  return { files: [...done].map(outputPathFor).sort(), packages: [...packages].sort() };
}
