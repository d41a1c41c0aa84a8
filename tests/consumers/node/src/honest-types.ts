// What a user's program may rely on in the published types: fields the APIs
// always send are required, fields they send as null are `| null`, request
// bodies the APIs need are required, and the errors users catch carry the
// API's error body typed. Typechecked (`--strict --exactOptionalPropertyTypes`)
// with moduleResolution node16 and bundler, then run against Prism mocks
// serving the specs as the SDKs are generated from them.
// Usage: node dist/honest-types.js <modrinth mock url> <itch mock url>
import {
  createItchClient,
  BadRequestError as ItchBadRequestError,
  type ItchErrorBody,
  LoginError,
  type LoginFailureReason,
} from '@x/itch';
import {
  createModrinthClient,
  type ModrinthErrorBody,
  type ModrinthErrorCode,
  NotFoundError,
} from '@x/modrinth';

const [modrinthUrl, itchUrl] = process.argv.slice(2);
if (!modrinthUrl || !itchUrl) throw new Error('usage: honest-types.js <modrinth url> <itch url>');

const modrinth = createModrinthClient({
  baseUrl: modrinthUrl,
  userAgent: 'x-sdks-consumer-test/1.0',
  retry: false,
});

// Modrinth: labrinth's `LegacyProject` sends every field, `Option<T>` as null.
const project = await modrinth.getProject('sodium');
const title: string = project.title;
const slug: string | null = project.slug;
const downloads: number = project.downloads;
const projectVersions: string[] = project.versions;
const organization: string | null = project.organization;
// @ts-expect-error a project may have no slug: `string | null`, not `string`
const slugAsString: string = project.slug;
void slugAsString;

const versions = await modrinth.getProjectVersions('sodium', {
  loaders: ['fabric'],
  game_versions: ['1.21.1'],
});
const first = versions[0];
if (!first) throw new Error('no versions');
const name: string = first.name;
const versionNumber: string = first.version_number;
const loaders: string[] = first.loaders;
const gameVersions: string[] = first.game_versions;
const primary = first.files.find((f) => f.primary) ?? first.files[0];
const sha512: string | undefined = primary?.hashes.sha512;
const fileType: string | null | undefined = primary?.file_type;

const search = await modrinth.searchProjects({ query: 'sodium', limit: 5 });
const hitSlugs: (string | null)[] = search.hits.map((hit) => hit.slug);
const hitTitles: string[] = search.hits.map((hit) => hit.title);

// Requests: what the API needs is required (checked by tsc, never sent).
function bodiless() {
  // @ts-expect-error versionsFromHashes needs its body (hashes and algorithm)
  return modrinth.versionsFromHashes();
}
void bodiless;

// Errors: labrinth's `{ error, description }` typed on the class users catch.
let notFoundCode: ModrinthErrorCode | undefined | 'not thrown' = 'not thrown';
try {
  await modrinth.getProject('missing', { headers: { prefer: 'code=404' } });
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  notFoundCode = error.code;
  const description: string | undefined = error.description;
  const body: ModrinthErrorBody | string | undefined = error.body;
  void description;
  void body;
  if (error.code === 'not_found') notFoundCode = 'not_found';
}

// itch: `id` and the `{ game }` / `{ uploads }` wrappers are always there.
const itch = createItchClient({ baseUrl: itchUrl, apiKey: 'consumer-test-key', retry: false });
const { game } = await itch.getGame(1);
const gameId: number = game.id;
const gameTitle: string = game.title;
const { uploads } = await itch.listGameUploads(gameId);
const uploadIds: number[] = uploads.map((upload) => upload.id);

// A refused login is a LoginError users can recognise, itch's words typed.
const reason: LoginFailureReason = 'incorrect-credentials';
function explain(error: unknown): string {
  if (error instanceof LoginError && error.reason === reason) {
    const words: readonly string[] = error.errors;
    return words.join('; ');
  }
  if (error instanceof ItchBadRequestError) {
    const body: ItchErrorBody | string | undefined = error.body;
    void body;
    return error.errors.join('; ');
  }
  return String(error);
}

const result = {
  title,
  slug,
  downloads,
  projectVersions: projectVersions.length,
  organization,
  name,
  versionNumber,
  loaders,
  gameVersions: gameVersions.length,
  sha512Length: sha512?.length ?? 0,
  fileType,
  hitSlugs: hitSlugs.length,
  hitTitles: hitTitles.length,
  notFoundCode: notFoundCode ?? null,
  gameId,
  gameTitle,
  uploads: uploadIds.length,
  explained: explain(new Error('x')),
};
console.log(JSON.stringify(result));
if (
  typeof title !== 'string' ||
  typeof downloads !== 'number' ||
  typeof name !== 'string' ||
  !Array.isArray(loaders) ||
  notFoundCode === 'not thrown' ||
  typeof gameId !== 'number' ||
  !Array.isArray(uploads)
) {
  throw new Error(`unexpected result: ${JSON.stringify(result)}`);
}
