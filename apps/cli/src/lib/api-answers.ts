import { z } from 'zod';
import type { AnswerRoute } from './answers.js';

/** The parts of Modrinth's answers the app reads; anything else may vary. */
const file = z.looseObject({
  url: z.string(),
  filename: z.string(),
  hashes: z.looseObject({ sha1: z.string().optional(), sha512: z.string().optional() }),
  size: z.number(),
  primary: z.boolean().optional(),
});

export const versionSchema = z.looseObject({
  id: z.string(),
  project_id: z.string(),
  version_number: z.string(),
  date_published: z.string(),
  version_type: z.string().optional(),
  loaders: z.array(z.string()).optional(),
  game_versions: z.array(z.string()).optional(),
  files: z.array(file),
  dependencies: z
    .array(
      z.looseObject({
        project_id: z.string().nullish(),
        version_id: z.string().nullish(),
        dependency_type: z.string(),
      }),
    )
    .nullish(),
});

const project = z.looseObject({
  id: z.string(),
  slug: z.string().nullish(),
  title: z.string().nullish(),
});
const byHash = z.record(z.string(), versionSchema);

export const MODRINTH_ANSWERS: AnswerRoute[] = [
  { method: 'POST', path: /^\/version_files$/, schema: byHash },
  { method: 'POST', path: /^\/version_files\/update$/, schema: byHash },
  { method: 'GET', path: /^\/projects$/, schema: z.array(project) },
  { method: 'GET', path: /^\/project\/[^/]+$/, schema: project },
  { method: 'GET', path: /^\/project\/[^/]+\/version$/, schema: z.array(versionSchema) },
  { method: 'GET', path: /^\/version\/[^/]+$/, schema: versionSchema },
  {
    method: 'GET',
    path: /^\/search$/,
    schema: z.looseObject({ hits: z.array(z.looseObject({})), total_hits: z.number() }),
  },
  { method: 'GET', path: /^\/tag\/loader$/, schema: z.array(z.looseObject({ name: z.string() })) },
  {
    method: 'GET',
    path: /^\/tag\/game_version$/,
    schema: z.array(z.looseObject({ version: z.string() })),
  },
];

/** itch sends an empty list as `{}` (PHP arrays): both are lists here. */
const list = z.union([z.array(z.looseObject({})), z.strictObject({})]);

/** itch answers in snake_case, the spec (and so Prism) in camelCase: either key will do. */
const oneOf = (snake: string, camel: string, value: z.ZodType) =>
  z.union([z.looseObject({ [snake]: value }), z.looseObject({ [camel]: value })]);

export const ITCH_ANSWERS: AnswerRoute[] = [
  {
    method: 'GET',
    path: /^\/profile\/owned-keys$/,
    schema: oneOf('owned_keys', 'ownedKeys', list),
  },
  { method: 'GET', path: /^\/games\/\d+\/uploads$/, schema: z.looseObject({ uploads: list }) },
  { method: 'GET', path: /^\/uploads\/\d+$/, schema: z.looseObject({ upload: z.looseObject({}) }) },
  {
    method: 'GET',
    path: /^\/builds\/\d+\/upgrade-paths\/\d+$/,
    schema: oneOf('upgrade_path', 'upgradePath', z.looseObject({})),
  },
];
