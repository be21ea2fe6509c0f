import { dirname, relative, resolve } from 'node:path';

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
}

// A relative path token: one or more `../` then path characters, at a word boundary.
const CLIMBING = /(?<=^|[\s'"`(=:,[])((?:\.\.\/)+[^\s'"`),\]]*)/g;
// The reference folder that sits beside the repository in CI, and this workplace's root.
const SIBLING = /(?:^|[^\w.-])((?:\.\.\/)*shared\/(?:docs|contracts|hooks)[^\s'"`),\]]*|\/work\/[^\s'"`),\]]*)/g;

// `join(__dirname, '..', '..', 'x')`: a path built from literal segments.
const SEGMENTED = /(?:join|resolve)\(\s*__dirname((?:\s*,\s*(['"])[^'"\n]*\2)+)/g;

const isOutside = (root: string, path: string) => relative(root, path).startsWith('..');

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Path tokens in `text` (the content of `file`) that name something outside `root`. */
export function findOutsideReferences(file: string, text: string, root: string): OutsideReference[] {
  const hits = new Map<number, OutsideReference>();
  for (const match of text.matchAll(CLIMBING)) {
    const token = match[1] as string;
    if (isOutside(root, resolve(dirname(file), token))) hits.set(match.index, { file, line: lineOf(text, match.index), text: token });
  }
  for (const match of text.matchAll(SIBLING)) {
    const token = match[1] as string;
    const index = match.index + match[0].indexOf(token);
    hits.set(index, { file, line: lineOf(text, index), text: token });
  }
  for (const match of text.matchAll(SEGMENTED)) {
    const segments = [...(match[1] as string).matchAll(/(['"])([^'"\n]*)\1/g)].map((segment) => segment[2] as string);
    const target = resolve(dirname(file), ...segments);
    const line = lineOf(text, match.index);
    const seen = [...hits.values()].some((hit) => hit.line === line);
    if (!seen && isOutside(root, target)) hits.set(match.index, { file, line, text: match[0] });
  }
  return [...hits.entries()].sort(([a], [b]) => a - b).map(([, hit]) => hit);
}
