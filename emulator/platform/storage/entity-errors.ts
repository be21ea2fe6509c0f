import { PlatformError, type PlatformErrorShape } from '../types';

/**
 * Entity storage rejects with `{message, status, errors: [{message, name}], errorSource}`
 * (platform.md §6.2 [P]). Readings chosen here [U]: `name` in `errors` names what was wrong
 * (a field, `display_id`, `query`, `marker`, `entity`, `version`, `data`), and
 * `errorSource` is always "PLATFORM": the entity service produced the error, as opposed to
 * errors an app's own server method reports through renderData.
 */
export interface EntityIssue {
  name: string;
  message: string;
}

export interface EntityErrorShape extends PlatformErrorShape {
  errors: EntityIssue[];
  errorSource: 'APP' | 'PLATFORM';
}

export class EntityError extends PlatformError {
  declare readonly shape: EntityErrorShape;

  constructor(status: number, message: string, errors: EntityIssue[]) {
    super({ status, message, errors, errorSource: 'PLATFORM' } satisfies EntityErrorShape);
  }
}

export const invalidRequest = (errors: EntityIssue[]): EntityError => new EntityError(400, 'Invalid request', errors);

export const recordNotFound = (entity: string, displayId: string): EntityError =>
  new EntityError(404, 'Record not found', [{ name: 'display_id', message: `No record with display_id '${displayId}' in entity '${entity}'` }]);

export const entityNotFound = (entity: string): EntityError =>
  new EntityError(404, 'Entity not found', [{ name: 'entity', message: `Entity '${entity}' is not defined in config/entities.json` }]);

export const unsupportedVersion = (version: unknown): EntityError =>
  new EntityError(400, 'Invalid request', [{ name: 'version', message: `Unsupported entity storage version '${String(version)}': use { version: 'v1' }` }]);

export const noEntitiesFile = (): EntityError =>
  new EntityError(400, 'Entity storage is not available', [{ name: 'entity', message: 'The app has no config/entities.json, so it defines no entities' }]);

export const entityRateLimited = (limit: number): EntityError =>
  new EntityError(429, 'Rate limit exceeded', [{ name: 'rate_limit', message: `Entity storage allows ${limit} operations per minute per installation` }]);
