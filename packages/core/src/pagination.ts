/** Items of a listing, iterated one by one with `for await`, or page by page with `.pages()`. */
export interface PaginatedIterable<T> extends AsyncIterable<T> {
  /** Iterates whole pages (arrays of items) instead of items. */
  pages(): AsyncIterable<T[]>;
}

/** One page of an offset/limit listing. */
export interface OffsetPage<T> {
  items: T[];
  /** Total number of items, when the API reports it. */
  total?: number | undefined;
}

/** Options of {@link paginateOffset}. */
export interface PaginateOffsetOptions<T> {
  /** Loads `limit` items from `offset`. */
  fetchPage: (offset: number, limit: number, signal?: AbortSignal) => Promise<OffsetPage<T>>;
  /** Page size. */
  limit: number;
  /** @default 0 */
  startOffset?: number;
  /** Stops the iteration (the next page load rejects with its reason). */
  signal?: AbortSignal;
  /** Stop after this many items. @default Infinity */
  maxItems?: number;
}

/**
 * Walks an offset/limit listing. Stops at an empty page, at `total` when the
 * API reports it, otherwise at a page shorter than `limit`.
 */
export function paginateOffset<T>(options: PaginateOffsetOptions<T>): PaginatedIterable<T> {
  const { fetchPage, limit, signal } = options;
  if (!(limit > 0)) throw new RangeError('paginateOffset: limit must be > 0');
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  async function* pages(): AsyncGenerator<T[]> {
    let offset = options.startOffset ?? 0;
    let seen = 0;
    for (;;) {
      signal?.throwIfAborted();
      const page = await fetchPage(offset, limit, signal);
      let items = page.items ?? [];
      if (seen + items.length > maxItems) items = items.slice(0, maxItems - seen);
      if (items.length > 0) yield items;
      seen += items.length;
      offset += items.length;
      if (items.length === 0 || seen >= maxItems) return;
      // `total` decides when the API reports it: a server may cap the page
      // below `limit` (Modrinth serves at most 100) and still have more.
      // Without it, a short page is the last one.
      const total = page.total;
      if (total !== undefined ? offset >= total : items.length < limit) return;
    }
  }
  return fromPages(pages);
}

/** One page of a page-numbered listing. */
export interface PagedPage<T> {
  items: T[];
  /** Page size the server used; a shorter page is the last one. */
  perPage?: number | undefined;
  /** Whether another page follows; when set, it decides. */
  hasMore?: boolean | undefined;
}

/** Options of {@link paginatePages}. */
export interface PaginatePagesOptions<T> {
  /** Loads page `page`. */
  fetchPage: (page: number, signal?: AbortSignal) => Promise<PagedPage<T>>;
  /** @default 1 */
  startPage?: number;
  /** Stops the iteration (the next page load rejects with its reason). */
  signal?: AbortSignal;
  /** Stop after this many pages. @default Infinity */
  maxPages?: number;
}

/**
 * Walks a page-numbered listing (`page=1,2,...`). Stops when `hasMore` is
 * false, at an empty page, or at a page shorter than `perPage`.
 */
export function paginatePages<T>(options: PaginatePagesOptions<T>): PaginatedIterable<T> {
  const { fetchPage, signal } = options;
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  async function* pages(): AsyncGenerator<T[]> {
    let page = options.startPage ?? 1;
    for (let loaded = 0; loaded < maxPages; loaded++, page++) {
      signal?.throwIfAborted();
      const result = await fetchPage(page, signal);
      const items = result.items ?? [];
      if (items.length > 0) yield items;
      if (result.hasMore === false || items.length === 0) return;
      if (result.hasMore === undefined && result.perPage !== undefined) {
        if (items.length < result.perPage) return;
      }
    }
  }
  return fromPages(pages);
}

function fromPages<T>(pages: () => AsyncGenerator<T[]>): PaginatedIterable<T> {
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
  };
}
