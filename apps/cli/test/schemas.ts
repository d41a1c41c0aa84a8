import { Ajv } from 'ajv';

// The --json output contracts that scripts rely on.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });

const versionRef = {
  type: ['object', 'null'],
  required: ['id'],
  properties: { id: { type: 'string' }, versionNumber: { type: 'string' } },
};
const envelope = (command: string, props: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  required: ['command', 'mock', ...required],
  properties: { command: { const: command }, mock: { type: 'boolean' }, ...props },
});

export const scanSchema = envelope(
  'scan',
  {
    dir: { type: 'string' },
    loader: { type: 'string' },
    gameVersion: { type: 'string' },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'path', 'sha1', 'sha512', 'project', 'installed', 'newest', 'status'],
        additionalProperties: false,
        properties: {
          file: { type: 'string' },
          path: { type: 'string' },
          sha1: { type: 'string', pattern: '^[0-9a-f]{40}$' },
          sha512: { type: 'string', pattern: '^[0-9a-f]{128}$' },
          project: { type: ['object', 'null'], required: ['id'] },
          installed: versionRef,
          newest: versionRef,
          status: { enum: ['up to date', 'update available', 'unknown'] },
        },
      },
    },
  },
  ['dir', 'loader', 'gameVersion', 'files'],
);

export const updateSchema = envelope(
  'update',
  {
    dryRun: { type: 'boolean' },
    applied: { type: 'boolean' },
    updates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'from', 'to', 'newFile', 'url', 'sha512', 'size'],
        properties: { size: { type: 'integer' }, sha512: { type: 'string' } },
      },
    },
  },
  ['dir', 'dryRun', 'applied', 'updates'],
);

export const searchSchema = envelope(
  'search',
  {
    query: { type: 'string' },
    page: { type: 'integer', minimum: 1 },
    limit: { type: 'integer', minimum: 1 },
    totalHits: { type: 'integer' },
    hits: { type: 'array', items: { type: 'object', required: ['slug', 'title'] } },
  },
  ['query', 'page', 'limit', 'totalHits', 'hits'],
);

export const librarySchema = envelope(
  'itch library',
  { items: { type: 'array', items: { type: 'object', required: ['gameId', 'title'] } } },
  ['items'],
);
export const uploadsSchema = envelope(
  'itch uploads',
  {
    gameId: { type: 'integer' },
    uploads: {
      type: 'array',
      items: { type: 'object', required: ['id', 'filename', 'platforms'] },
    },
  },
  ['gameId', 'uploads'],
);
export const downloadSchema = envelope(
  'itch download',
  { uploadId: { type: 'integer' }, file: { type: 'string' }, from: { type: 'string' } },
  ['uploadId', 'file', 'from'],
);
export const upgradePathSchema = envelope(
  'itch upgrade-path',
  {
    steps: { type: 'array', items: { type: 'object', required: ['step', 'from', 'to', 'patch'] } },
  },
  ['buildId', 'targetBuildId', 'steps'],
);

/** Validates parsed --json output, failing with ajv's errors spelled out. */
export function assertMatches(schema: object, data: unknown): void {
  const validate = ajv.compile(schema);
  if (!validate(data))
    throw new Error(`--json output does not match its schema: ${ajv.errorsText(validate.errors)}`);
}
