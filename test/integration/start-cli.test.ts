import { join } from 'node:path';
import { DEMO_API_KEY } from '../../emulator/crm/seed/account';
import { SEED_LANDMARKS } from '../../emulator/crm/seed/index';
import { FIXTURE_APPS } from '../support/fixture-app';
import { killStarted, runCommand } from '../support/processes';

afterEach(killStarted);

const PROBE = join(FIXTURE_APPS, 'platform-probe');

async function invoke(base: string, name: string, payload: unknown) {
  const response = await fetch(`${base}/__fdk/api/1/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ instanceId: '1', name, payload }),
  });
  return (await response.json()) as { ok: boolean; value?: { response: unknown }; error?: unknown };
}

describe('npm start', () => {
  it('loads another FDK app with --app, installs it on the stand-in and prints its pages', async () => {
    const start = await runCommand('tools/start.ts', ['--app', PROBE, '--port', '0'], /Inspector\s+\S+/);
    try {
      expect(start.output()).toContain('installed with demo settings');
      const contactPage = start.read(/Contact page\s+(\S+)/) ?? '';
      expect(contactPage).toMatch(new RegExp(`^http://localhost:\\d+/crm/sales/contacts/${SEED_LANDMARKS.contacts.unicode.zoe}$`));
      const page = await fetch(contactPage);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('data-testid="fdk-app-icon"');
    } finally {
      await start.stop();
    }
  });

  it('sends the templates to another Freshsales-compatible server with --crm-url', async () => {
    const crm = await runCommand('emulator/crm/cli.ts', ['--port', '0'], /faults\s+\S+.*\n/);
    try {
      const crmBase = crm.read(/base URL\s+(\S+)/) ?? '';
      const args = ['--app', PROBE, '--port', '0', '--crm-url', crmBase, '--domain', 'demo.myfreshworks.com', '--api-key', DEMO_API_KEY];
      const start = await runCommand('tools/start.ts', args, /Inspector\s+\S+/);
      try {
        expect(start.output()).toContain('installed with demo settings');
        expect(start.output()).not.toContain('Freshsales stand-in');
        const base = start.read(/Settings\s+(http:\/\/localhost:\d+)/) ?? '';
        const answer = await invoke(base, 'lookupContact', { id: SEED_LANDMARKS.contacts.unicode.zoe });
        expect(answer).toEqual({ ok: true, value: expect.objectContaining({ response: { name: 'Zoë Ångström' } }) });
      } finally {
        await start.stop();
      }
    } finally {
      await crm.stop();
    }
  });

  it('signs in as the first active user of a --crm-url account, or the one --user-email names, never a deactivated one', async () => {
    const crm = await runCommand('emulator/crm/cli.ts', ['--port', '0', '--profile', 'real'], /faults\s+\S+.*\n/);
    try {
      const crmBase = crm.read(/base URL\s+(\S+)/) ?? '';
      const args = ['--app', PROBE, '--port', '0', '--crm-url', crmBase, '--domain', 'demo.myfreshworks.com', '--api-key', DEMO_API_KEY, '--no-install'];
      const first = await runCommand('tools/start.ts', args, /Inspector\s+\S+/);
      expect(first.output()).toMatch(/Signed in as\s+Asha Rao <asha@demo-crm\.test> \(user 402000000011\)/);
      await first.stop();
      const chosen = await runCommand('tools/start.ts', [...args, '--user-email', 'Mateo@demo-crm.test'], /Inspector\s+\S+/);
      expect(chosen.output()).toMatch(/Signed in as\s+Mateo Fernández <mateo@demo-crm\.test>/);
      await chosen.stop();
      await expect(runCommand('tools/start.ts', [...args, '--user-email', 'former@demo-crm.test'], /Inspector\s+\S+/)).rejects.toThrow(
        /The emulator could not start: --user-email former@demo-crm\.test is deactivated in http:\/\/127\.0\.0\.1:\d+\/crm\/sales\/api: its active users are asha@demo-crm\.test, /,
      );
    } finally {
      await crm.stop();
    }
  });

  it('passes --profile and --tz to the stand-in it starts, and prints them', async () => {
    const start = await runCommand('tools/start.ts', ['--app', PROBE, '--port', '0', '--profile', 'real', '--tz', 'America/New_York', '--no-install'], /Inspector\s+\S+/);
    try {
      expect(start.output()).toMatch(/Freshsales stand-in\s+\S+\s+\(API key \S+; profile real, time zone America\/New_York\)/);
      expect(start.output()).toMatch(/Signed in as\s+Asha Rao/);
    } finally {
      await start.stop();
    }
  });

  it('refuses an invalid app with the validator’s messages', async () => {
    await expect(runCommand('tools/start.ts', ['--app', join(FIXTURE_APPS, 'platform-probe', 'config'), '--port', '0'], /Inspector/)).rejects.toThrow(
      /The emulator could not start: The app in .* is not valid:[\s\S]*manifest\.json is missing/,
    );
  });
});
