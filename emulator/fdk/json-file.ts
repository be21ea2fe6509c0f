import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNodeValue, parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { platformError, platformWarning, type Finding } from './findings';

export interface JsonFile {
  /** Path relative to the app directory. */
  file: string;
  exists: boolean;
  /** The parsed value when the file exists and is valid JSON. */
  value?: unknown;
}

/** Strict JSON: no comments, no trailing commas, like the FDK's JSON.parse. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function syntaxFinding(file: string, text: string, error: ParseError): Finding {
  const { line, column } = lineAndColumn(text, error.offset);
  return {
    ...platformError('json', `${file}: invalid JSON (${printParseErrorCode(error.error)}) at line ${line}, column ${column}`, file),
    line,
    column,
  };
}

/** Duplicate keys parse fine but the last one wins silently; the FDK warns about them. */
function duplicateKeyFindings(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const stack: Array<Set<string>> = [];
  visit(text, {
    onObjectBegin: () => {
      stack.push(new Set());
    },
    onObjectEnd: () => {
      stack.pop();
    },
    onObjectProperty: (key, offset) => {
      const seen = stack[stack.length - 1];
      if (seen === undefined) return;
      if (seen.has(key)) {
        const { line } = lineAndColumn(text, offset);
        findings.push({ ...platformWarning('json', `Found duplicate key '${key}' in ${file}`, file), line });
      }
      seen.add(key);
    },
  });
  return findings;
}

/** Reads `file` below `appDir`, reporting syntax errors and duplicate keys into `findings`. */
export function readJsonFile(appDir: string, file: string, findings: Finding[]): JsonFile {
  const path = join(appDir, file);
  if (!existsSync(path)) return { file, exists: false };
  const text = readFileSync(path, 'utf8');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT);
  if (errors.length > 0 || tree === undefined) {
    findings.push(...errors.slice(0, 1).map((error) => syntaxFinding(file, text, error)));
    if (errors.length === 0) findings.push(platformError('json', `${file}: file is empty`, file));
    return { file, exists: true };
  }
  findings.push(...duplicateKeyFindings(file, text));
  return { file, exists: true, value: getNodeValue(tree) as unknown };
}
