import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * JSON schemas of the FDK's app files. The FDK validates them with AJV (platform.md §9.2),
 * so AJV's own wording ("must NOT have fewer than 1 properties") is the FDK's wording.
 */
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });

const SEMVER = '^\\d+\\.\\d+\\.\\d+$';

const location = {
  type: 'object',
  required: ['url', 'icon'],
  properties: { url: { type: 'string', minLength: 1 }, icon: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};

const eventBinding = {
  type: 'object',
  required: ['handler'],
  properties: { handler: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};

const moduleDefinition = {
  type: 'object',
  properties: {
    location: { type: 'object', minProperties: 1, additionalProperties: location },
    events: { type: 'object', additionalProperties: eventBinding },
    requests: { type: 'object', additionalProperties: { type: 'object', maxProperties: 0 } },
    functions: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { timeout: { type: 'number' } },
        additionalProperties: false,
      },
    },
    jobs: { type: 'object', additionalProperties: { type: 'object' } },
  },
  additionalProperties: false,
};

export const manifestSchema = {
  type: 'object',
  required: ['platform-version', 'modules', 'engines'],
  properties: {
    'platform-version': { type: 'string' },
    modules: { type: 'object', additionalProperties: moduleDefinition },
    engines: {
      type: 'object',
      required: ['node', 'fdk'],
      properties: { node: { type: 'string', pattern: SEMVER }, fdk: { type: 'string', pattern: SEMVER } },
      additionalProperties: false,
    },
    dependencies: { type: 'object', additionalProperties: { type: 'string' } },
    scripts: { type: 'object', additionalProperties: { type: 'string' } },
    metaConfig: { type: 'object' },
    // Seen in an FDK 10 sample, purpose unknown (platform.md §1.1); tolerated.
    app: { type: 'object' },
    // 2.x keys get their own "has been deprecated" message before the schema runs.
    product: {},
    'whitelisted-domains': {},
  },
  additionalProperties: false,
};

export const requestTemplateSchema = {
  type: 'object',
  required: ['schema'],
  properties: {
    schema: {
      type: 'object',
      required: ['method', 'host'],
      properties: {
        protocol: { enum: ['https', 'http'] },
        method: { enum: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] },
        host: { type: 'string', minLength: 1 },
        path: { type: 'string' },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        query: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
        formData: { type: 'object' },
        file: { type: 'object' },
      },
      additionalProperties: false,
    },
    options: {
      type: 'object',
      properties: {
        maxAttempts: { type: 'integer', minimum: 1, maximum: 5 },
        retryDelay: { type: 'integer', minimum: 0, maximum: 1500 },
        oauth: { type: 'string', minLength: 1 },
        security: { type: 'object' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

export const IPARAM_TYPES = [
  'text', 'paragraph', 'dropdown', 'email', 'number', 'phone_number', 'date', 'url',
  'radio', 'checkbox', 'multiselect', 'domain', 'api_key',
] as const;

export const iparamFieldSchema = {
  type: 'object',
  required: ['display_name', 'type'],
  properties: {
    display_name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    type: { type: 'string' },
    required: { type: 'boolean' },
    secure: { type: 'boolean' },
    visible: { type: 'boolean' },
    default_value: {},
    options: { type: 'array', minItems: 1, items: { type: 'string' } },
    regex: { type: 'object', additionalProperties: { type: 'string' } },
    type_attributes: { type: 'object' },
    events: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } },
  },
  additionalProperties: false,
};

export const ENTITY_FIELD_TYPES = [
  'text', 'paragraph', 'integer', 'float', 'datetime', 'date', 'boolean', 'enum', 'section',
] as const;

export const entitiesSchema = {
  type: 'object',
  maxProperties: 5,
  additionalProperties: {
    type: 'object',
    required: ['fields'],
    properties: {
      fields: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'object',
          required: ['name', 'type'],
          properties: {
            name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 },
            label: { type: 'string' },
            type: { enum: [...ENTITY_FIELD_TYPES] },
            required: { type: 'boolean' },
            filterable: { type: 'boolean' },
            choices: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'value'],
                properties: { id: { type: ['integer', 'string'] }, value: { type: 'string' } },
              },
            },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
};

export const validators = {
  manifest: ajv.compile(manifestSchema),
  requestTemplate: ajv.compile(requestTemplateSchema),
  iparamField: ajv.compile(iparamFieldSchema),
  entities: ajv.compile(entitiesSchema),
} satisfies Record<string, ValidateFunction>;

/** AJV's message, with the offending property named as the FDK prints it. */
export function describeAjvError(error: ErrorObject): string {
  const message = error.message ?? 'is invalid';
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (params.additionalProperty !== undefined) return `${message} '${params.additionalProperty}'`;
  if (params.allowedValues !== undefined) return `${message}: ${params.allowedValues.map(String).join(', ')}`;
  return message;
}
