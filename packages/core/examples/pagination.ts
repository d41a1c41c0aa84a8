import { createCoreFetch, paginateOffset, paginatePages } from '@x/core';

interface Hit {
  slug: string;
}

/** Offset/limit listings (`?offset=&limit=`, with a total) and page-numbered ones (`?page=`). */
export async function pagination(
  baseUrl: string,
): Promise<{ byOffset: string[]; byPage: string[] }> {
  const fetch = createCoreFetch({ baseUrl });

  const search = paginateOffset<Hit>({
    limit: 100,
    fetchPage: async (offset, limit, signal) => {
      const res = await fetch(`/search?offset=${offset}&limit=${limit}`, signal ? { signal } : {});
      const body = (await res.json()) as { hits: Hit[]; total_hits: number };
      return { items: body.hits, total: body.total_hits };
    },
  });
  const byOffset: string[] = [];
  for await (const hit of search) byOffset.push(hit.slug);

  const games = paginatePages<Hit>({
    fetchPage: async (page) => {
      const res = await fetch(`/games?page=${page}`);
      const body = (await res.json()) as { games: Hit[]; per_page: number };
      return { items: body.games, perPage: body.per_page };
    },
  });
  const byPage: string[] = [];
  for await (const page of games.pages()) byPage.push(...page.map((g) => g.slug));

  return { byOffset, byPage };
}
