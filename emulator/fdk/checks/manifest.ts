import { COMMON_MODULE, COMMON_ONLY_KEYS, FDK_NODE_MAJOR, MODULES } from '../../../common/platform/modules';
import type { AppFiles, Manifest, ManifestModule } from '../app-files';
import { platformError, type Finding } from '../findings';
import { describeAjvError, validators } from '../schemas';

const FILE = 'manifest.json';
const error = (message: string) => platformError('manifest', message, FILE);

const DEPRECATED_KEYS = ['product', 'whitelisted-domains'];
const MAX_TEMPLATES = 100;
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]{1,39}$/;
const TEMPLATE_NAME = /^[A-Za-z0-9_-]+$/;
/** FDK 9 samples validate 5–20 s, newer docs allow 25 and 30 (platform.md §2.6). */
const FUNCTION_TIMEOUTS = [5, 10, 15, 20, 25, 30];

function preSchemaFindings(json: Record<string, unknown>): Finding[] {
  const findings = DEPRECATED_KEYS.filter((key) => key in json).map((key) =>
    error(`'${key}' has been deprecated in platform-version 3.0`),
  );
  const version = json['platform-version'];
  if (version !== undefined && version !== '3.0') {
    findings.push(error(`platform-version ${JSON.stringify(version)} is not supported: use "3.0"`));
  }
  return findings;
}

function schemaFindings(json: unknown): Finding[] {
  if (validators.manifest(json)) return [];
  return (validators.manifest.errors ?? []).map((e) => error(`${FILE}${e.instancePath} ${describeAjvError(e)}`));
}

function moduleNameFindings(manifest: Manifest): Finding[] {
  const names = Object.keys(manifest.modules);
  const unknown = names.filter((name) => MODULES[name] === undefined);
  const findings = unknown.length > 0 ? [error(`Invalid module(s) mentioned in manifest.json: ${unknown.join(', ')}`)] : [];
  if (!names.some((name) => name !== COMMON_MODULE)) {
    findings.push(error('At least one module apart from common must be mentioned'));
  }
  return findings;
}

function locationFindings(name: string, module: ManifestModule): Finding[] {
  const allowed = MODULES[name]?.placeholders ?? [];
  const invalid = Object.keys(module.location ?? {}).filter((placeholder) => !allowed.includes(placeholder));
  if (invalid.length === 0) return [];
  return [error(`Invalid location(s) mentioned in modules: ${invalid.join(', ')} (module: ${name})`)];
}

function eventFindings(name: string, module: ManifestModule): Finding[] {
  const allowed = MODULES[name]?.events ?? [];
  return Object.keys(module.events ?? {})
    .filter((event) => !allowed.includes(event))
    .map((event) => error(`Invalid event: '${event}' for module: ${name}`));
}

function commonOnlyFindings(name: string, module: ManifestModule): Finding[] {
  if (name === COMMON_MODULE) return [];
  return COMMON_ONLY_KEYS.filter((key) => module[key] !== undefined).map((key) =>
    error(`'${key}' must be declared in modules.common in platform-version 3.0, not in modules.${name}`),
  );
}

function perModuleFindings(manifest: Manifest): Finding[] {
  return Object.entries(manifest.modules)
    .filter(([name]) => MODULES[name] !== undefined)
    .flatMap(([name, module]) => [
      ...locationFindings(name, module),
      ...eventFindings(name, module),
      ...commonOnlyFindings(name, module),
    ]);
}

function engineFindings(manifest: Manifest): Finding[] {
  const fdkMajor = Number(manifest.engines.fdk.split('.')[0]);
  const nodeMajor = Number(manifest.engines.node.split('.')[0]);
  const expectedNode = FDK_NODE_MAJOR[fdkMajor];
  if (expectedNode === undefined) {
    return [error(`engines.fdk ${manifest.engines.fdk} is not supported: use FDK 10.x (or 9.x)`)];
  }
  if (nodeMajor !== expectedNode) {
    return [error(`Node.js version of ${expectedNode}.x.x is required to run this SDK (engines.node is ${manifest.engines.node}, engines.fdk ${manifest.engines.fdk})`)];
  }
  return [];
}

function functionFindings(manifest: Manifest): Finding[] {
  return Object.entries(manifest.modules.common?.functions ?? {}).flatMap(([name, options]) => {
    const findings: Finding[] = [];
    if (!FUNCTION_NAME.test(name)) findings.push(error(`Function "${name}" in manifest.json has invalid name`));
    if (options.timeout !== undefined && !FUNCTION_TIMEOUTS.includes(options.timeout)) {
      findings.push(error(`Function "${name}": Timeout should be one of the allowed values. (${FUNCTION_TIMEOUTS.join(', ')})`));
    }
    return findings;
  });
}

function requestNameFindings(manifest: Manifest): Finding[] {
  const names = Object.keys(manifest.modules.common?.requests ?? {});
  const findings = names
    .filter((name) => !TEMPLATE_NAME.test(name))
    .map((name) => error(`Request template name '${name}' is invalid: use letters, digits, '_' and '-'`));
  if (names.length > MAX_TEMPLATES) findings.push(error(`An app may declare at most ${MAX_TEMPLATES} request templates (found ${names.length})`));
  return findings;
}

/** The manifest validator; on success it sets `app.manifest` for the checks that follow. */
export function checkManifest(app: AppFiles): Finding[] {
  const json = app.manifestJson;
  if (json === undefined) return [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [error('manifest.json must hold a JSON object')];
  const early = preSchemaFindings(json as Record<string, unknown>);
  const schema = schemaFindings(json);
  if (early.length > 0 || schema.length > 0) return [...early, ...schema];
  const manifest = json as Manifest;
  app.manifest = manifest;
  return [
    ...moduleNameFindings(manifest),
    ...perModuleFindings(manifest),
    ...engineFindings(manifest),
    ...functionFindings(manifest),
    ...requestNameFindings(manifest),
  ];
}
