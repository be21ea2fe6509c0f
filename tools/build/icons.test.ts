import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyIcons, CRAYONS_ICON_CDN, IconBuildError, ICON_SOURCE, rewriteIconModule, shippedIcons } from './icons';
import { listFiles } from './paths';

const ROOT = join(__dirname, '..', '..');
const COMPONENTS = join(ROOT, 'node_modules', '@freshworks', 'crayons', 'dist', 'components');

/** The Crayons components the app renders: the React wrappers its sources import. */
function usedComponents(): string[] {
  const sources = listFiles(join(ROOT, 'app', 'src'), (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
  const wrappers = new Set(sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/@freshworks\/crayons\/react\/Fw(\w+)/g)].map((match) => match[1] ?? '')));
  // FwInlineMessage → fw-inline-message.js
  return [...wrappers].map((name) => `fw-${name.replace(/[A-Z]/g, (letter, index: number) => `${index > 0 ? '-' : ''}${letter.toLowerCase()}`)}.js`);
}

/** A component module and every module it imports, transitively. */
function moduleClosure(start: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(COMPONENTS, file), 'utf8');
    for (const match of code.matchAll(/from '\.\/([\w.-]+\.js)'/g)) visit(match[1] ?? '');
  };
  start.forEach(visit);
  return [...seen];
}

const quoted = (text: string) => [...text.matchAll(/'([a-z][a-z0-9-]*)'/g)].map((match) => match[1] ?? '');

/** Icon names drawn from Crayons' default library: `fw-icon`s without `library: 'system'`, and the icon maps they read. */
function defaultLibraryIcons(code: string): string[] {
  const icons = [...code.matchAll(/h\("fw-icon", \{([^}]*)\}/g)].map((match) => match[1] ?? '').filter((props) => !props.includes("library: 'system'"));
  const literal = icons.flatMap((props) => quoted(/name: ([^,]+),/.exec(props)?.[1] ?? ''));
  const maps = icons.some((props) => /name: iconMap\[/.test(props)) ? quoted(/const iconMap = \{([^}]*)\}/.exec(code)?.[1] ?? '') : [];
  return [...literal, ...maps];
}

describe('Crayons icons served by the app (B6)', () => {
  it('rewrites the CDN path of the installed Crayons to the icon folder beside the bundle', () => {
    const original = readFileSync(join(COMPONENTS, 'icon.js'), 'utf8');
    expect(original).toContain(CRAYONS_ICON_CDN);
    const rewritten = rewriteIconModule(original);
    expect(rewritten).not.toContain('cdn.jsdelivr.net');
    expect(rewritten).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(rewritten).toContain("String(import.meta.url).replace(/[^/]*$/, '') + 'icons'");
  });

  it('refuses a Crayons whose icon module no longer names the CDN path', () => {
    expect(() => rewriteIconModule('const CRAYONS_ICONS_ASSET_PATH = "elsewhere";')).toThrow(IconBuildError);
  });

  it('ships every default-library icon that the Crayons components the app uses can draw', () => {
    const components = usedComponents();
    expect(components).toEqual(expect.arrayContaining(['fw-datepicker.js', 'fw-inline-message.js', 'fw-checkbox.js']));
    const needed = new Set(moduleClosure(components).flatMap((file) => defaultLibraryIcons(readFileSync(join(COMPONENTS, file), 'utf8'))));
    expect([...needed]).toEqual(expect.arrayContaining(['calendar', 'alert', 'info', 'success', 'check']));
    expect(shippedIcons()).toEqual(expect.arrayContaining([...needed]));
  });

  it('ships SVG files with their licence, and copies them into the built assets', () => {
    expect(readFileSync(join(ICON_SOURCE, 'LICENSE.md'), 'utf8')).toContain('MIT License');
    for (const name of shippedIcons()) expect(readFileSync(join(ICON_SOURCE, `${name}.svg`), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const out = mkdtempSync(join(tmpdir(), 'icons-'));
    try {
      copyIcons(out);
      expect(readdirSync(join(out, 'assets', 'icons')).sort()).toEqual(shippedIcons().map((name) => `${name}.svg`).sort());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
