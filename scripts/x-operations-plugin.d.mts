/** See x-operations-plugin.mjs. */
export function xOperations(
  heyApi: typeof import('@hey-api/openapi-ts'),
): (config?: {
  className?: string;
  exclude?: readonly string[];
  camelCaseInput?: boolean;
  docsUrl?: (operation: { id: string; method: string; path: string }) => string | undefined;
}) => ReturnType<ReturnType<typeof import('@hey-api/openapi-ts').definePluginConfig>>;
