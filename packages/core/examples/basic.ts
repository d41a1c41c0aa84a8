import { createCoreFetch, NotFoundError } from '@x/core';

/** An SDK's fetch: its policy (base URL, auth scheme, User-Agent, error parser) in one place. */
export async function basic(baseUrl: string): Promise<string> {
  const fetch = createCoreFetch({
    baseUrl, // e.g. 'https://api.example.com/v2'
    token: process.env.EXAMPLE_TOKEN ?? 'example-token', // or () => getFreshJwt()
    authScheme: (token) => `Bearer ${token}`,
    userAgent: 'my-sdk/1.0.0',
    retry: { maxRetries: 3 },
    timeoutMs: 10_000,
    parseErrorBody: (body) => (body as { description?: string } | undefined)?.description,
  });

  const res = await fetch('/projects/sodium'); // relative paths resolve against baseUrl
  const project = (await res.json()) as { title: string };

  try {
    await fetch('/projects/does-not-exist');
  } catch (error) {
    if (error instanceof NotFoundError) {
      // error.status, error.body, error.requestId, error.url (credentials redacted)
      return `${project.title}; missing: ${error.status}`;
    }
    throw error;
  }
  return project.title;
}
