/**
 * The corrections @x/itch's generator applies to `specs/itch.openapi.json`
 * before generating (the file itself is never edited). The contract-test
 * harness serves and validates the same patched document, so each claim here
 * is checked against Prism, the repository's fixtures and the recorded corpus.
 * Each patch's reason, with its evidence, is in `specs/README.md`.
 *
 * Only single-word properties are made required: the live service answers in
 * snake_case (`owned_keys`) where the schemas say camelCase (`ownedKeys`), and
 * the validator checks the wire, so a two-word name cannot be required of it.
 */

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked generically
type Schema = Record<string, any>;

interface Spec {
  paths?: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, Schema> };
}

/** Where itch's clients send the two-factor step (itchio/go-itchio `endpoints_login.go`, `TOTPVerify`). */
export const TOTP_VERIFY_PATH = '/totp/verify';
const SPEC_TOTP_PATH = '/login/with-totp-token';

/**
 * Properties itch always sends, by schema: the ids (and names, titles, urls
 * the corpus and itch's clients always read), and the one key a wrapper
 * answer (`{ game }`, `{ uploads }`, `{ user }`...) consists of. Lists other
 * than `uploads` stay optional: nothing recorded shows what an empty one is
 * (itch sends empty lists as `{}`, and may leave them out).
 */
const REQUIRED: Record<string, readonly string[]> = {
  Game: ['id', 'title', 'url'],
  Upload: ['id', 'filename', 'storage'],
  User: ['id', 'username'],
  DownloadKey: ['id'],
  APIKey: ['id', 'key'],
  Build: ['id'],
  Channel: ['name'],
  Collection: ['id'],
  ErrorResponse: ['errors'],
  GetGameResponse: ['game'],
  ListGameUploadsResponse: ['uploads'],
  GetUploadResponse: ['upload'],
  GetUserResponse: ['user'],
  GetProfileResponse: ['user'],
  GetBuildResponse: ['build'],
  GetCollectionResponse: ['collection'],
  GetChannelResponse: ['channel'],
};

function requireProperties(spec: Spec): void {
  for (const [name, keys] of Object.entries(REQUIRED)) {
    const schema = spec.components?.schemas?.[name];
    if (!schema) throw new Error(`spec-patches: no schema ${name} in the itch spec`);
    for (const key of keys) {
      if (!schema.properties?.[key])
        throw new Error(`spec-patches: itch schema ${name} has no property ${key}`);
    }
    schema.required = [...new Set([...(schema.required ?? []), ...keys])];
  }
}

/**
 * The two-factor step goes where itch's own clients send it: go-itchio's
 * `TOTPVerify` posts `token` and `code` to `/totp/verify`, and the recorded
 * corpus holds a live answer from that path; nothing shows the spec's
 * `/login/with-totp-token` answering. The operation (`totpVerify`), its body
 * and its answers stay as the spec writes them.
 */
function moveTotpVerify(spec: Spec): void {
  const paths = spec.paths ?? {};
  const item = paths[SPEC_TOTP_PATH];
  if (!item) throw new Error(`spec-patches: no ${SPEC_TOTP_PATH} in the itch spec`);
  // Rebuilt in the same order, so the generated functions keep theirs.
  spec.paths = Object.fromEntries(
    Object.entries(paths).map(([path, value]) =>
      path === SPEC_TOTP_PATH ? [TOTP_VERIFY_PATH, value] : [path, value],
    ),
  );
}

/**
 * A wrong password or a wrong TOTP code is answered 400 with
 * `{"errors":["Incorrect username or password"]}` / `{"errors":["invalid code"]}`
 * by the live service (the recorded corpus); the spec documents only 401 for
 * both operations. Document the 400 (an `ErrorResponse`).
 */
function documentLoginBadRequest(spec: Spec): void {
  for (const path of ['/login', TOTP_VERIFY_PATH]) {
    const post = spec.paths?.[path]?.post;
    if (!post?.responses) throw new Error(`spec-patches: no POST ${path} in the itch spec`);
    post.responses = {
      ...post.responses,
      400: {
        description:
          'The credentials (or the TOTP code) were refused; `errors` says why (e.g. "Incorrect username or password")',
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } },
        },
      },
    };
  }
}

/**
 * Every input patch, in order. The generator and the contract-test harness (Prism's document and the response validator)
 * read the spec through it: what the types claim is what the tests check.
 */
export function patchItchSpec(spec: unknown): void {
  moveTotpVerify(spec as Spec);
  documentLoginBadRequest(spec as Spec);
  requireProperties(spec as Spec);
}
