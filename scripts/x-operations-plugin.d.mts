/** See x-operations-plugin.mjs. */
export function xOperations(heyApi: typeof import('@hey-api/openapi-ts')): (config?: {
  className?: string;
  exclude?: readonly string[];
  camelCaseInput?: boolean;
  docsUrl?: (operation: { id: string; method: string; path: string }) => string | undefined;
  /** Import lines added to `operations.gen.ts` (what `response` expressions use). */
  imports?: readonly string[];
  /**
   * An expression for the operation spec's `response` (what a successful
   * answer's data becomes), given the component schema its success response
   * names (`undefined`: none, or an inline schema); `undefined` for none.
   */
  response?: (operation: { id: string; schema: string | undefined }) => string | undefined;
}) => ReturnType<ReturnType<typeof import('@hey-api/openapi-ts').definePluginConfig>>;
