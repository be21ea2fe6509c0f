import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'espree';
import { listFiles, posixRelative } from '../../tools/build/paths';
import { APP_CLIENT_TAG } from '../../tools/build/app-client';
import { isValid, validateApp } from '../../emulator/fdk/validate';
import { DIST, ROOT } from '../support/build-dist';

const files = () => listFiles(DIST, (name) => !name.endsWith('.zip')).map((path) => posixRelative(DIST, path));
const read = (file: string) => readFileSync(join(DIST, file), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

describe('npm run build writes dist/ in FDK layout', () => {
  it('holds the app definition, one page per placement, the icon and the server entry', () => {
    const built = files();
    const pages = Object.values(manifest.modules).flatMap((module: any) =>
      Object.values(module.location ?? {}).map((location: any) => `app/${location.url}`),
    );
    expect(pages.sort()).toEqual(['app/account.html', 'app/contact.html', 'app/deal.html']);
    expect(built).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'config/iparams.html',
        'config/assets/iparams.js',
        'config/requests.json',
        'README.md',
        'app/styles/images/icon.svg',
        'server/server.js',
        ...pages,
      ]),
    );
    expect(read('manifest.json')).toBe(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  });

  it('keeps bundles under app/assets, never app/scripts, and ships no source maps', () => {
    const built = files();
    expect(built.filter((file) => file.startsWith('app/scripts/'))).toEqual([]);
    expect(built.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(built.filter((file) => file.startsWith('app/') && file.endsWith('.js')).every((file) => file.startsWith('app/assets/'))).toBe(true);
  });

  it.each(['contact', 'deal', 'account'])('%s.html loads the app client first and its bundle by a relative URL', (page) => {
    const html = read(`app/${page}.html`);
    const client = html.indexOf(APP_CLIENT_TAG);
    const bundle = html.search(/<script type="module"[^>]* src="\.\/assets\/[^"]+\.js"/);
    expect(client).toBeGreaterThan(-1);
    expect(bundle).toBeGreaterThan(client);
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });

  it('compiles the server file by file to ES2020 CommonJS with `exports = {…}` in server.js', () => {
    const server = files().filter((file) => file.startsWith('server/') && file.endsWith('.js'));
    expect(server).toEqual(expect.arrayContaining(['server/server.js', 'server/lib/handlers/install.js', 'server/lib/common/templates.js']));
    for (const file of server) {
      expect(() => parse(read(file), { ecmaVersion: 2020, sourceType: 'commonjs' })).not.toThrow();
      expect(read(file)).not.toMatch(/\bvar\s/);
    }
    const entry = read('server/server.js');
    expect(entry).toMatch(/^exports = \{$/m);
    expect(entry).not.toContain('__esModule');
  });

  it('bundles no third-party code into the server: bare requires are declared dependencies', () => {
    const declared = Object.keys(manifest.dependencies ?? {});
    for (const file of files().filter((name) => name.startsWith('server/'))) {
      const requires = [...read(file).matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] as string);
      const bare = requires.filter((spec) => !spec.startsWith('.'));
      // `zod/mini` → zod, `@noble/hashes/hmac` → @noble/hashes.
      const packages = bare.map((spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
      expect(packages.filter((name) => !declared.includes(name))).toEqual([]);
    }
  });

  it('carries server/test_data for /web/test, as the FDK layout has it', () => {
    expect(files()).toEqual(expect.arrayContaining(['server/test_data/deal/onDealUpdate.json', 'server/test_data/common/onScheduledEvent.json']));
  });

  it('passes our fdk validate', async () => {
    const report = await validateApp(DIST);
    expect(report.platformErrors).toEqual([]);
    expect(report.lintErrors).toEqual([]);
    expect(isValid(report)).toBe(true);
  });
});
