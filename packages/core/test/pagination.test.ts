import { describe, expect, it } from 'vitest';
import { paginateOffset, paginatePages } from '../src/index.js';

const data = Array.from({ length: 23 }, (_, i) => i);

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('paginateOffset', () => {
  it('stops at a short page', async () => {
    const calls: number[] = [];
    const items = await collect(
      paginateOffset({
        limit: 10,
        fetchPage: async (offset, limit) => {
          calls.push(offset);
          return { items: data.slice(offset, offset + limit) };
        },
      }),
    );
    expect(items).toEqual(data);
    expect(calls).toEqual([0, 10, 20]);
  });

  it('stops at total without an extra request, and supports startOffset, pages() and maxItems', async () => {
    const calls: number[] = [];
    const src = data.slice(0, 20);
    const it = paginateOffset({
      limit: 10,
      startOffset: 0,
      fetchPage: async (offset, limit) => {
        calls.push(offset);
        return { items: src.slice(offset, offset + limit), total: src.length };
      },
    });
    expect(await collect(it.pages())).toEqual([src.slice(0, 10), src.slice(10, 20)]);
    expect(calls).toEqual([0, 10]);
    const some = await collect(
      paginateOffset({
        limit: 5,
        startOffset: 5,
        maxItems: 7,
        fetchPage: async (o, l) => ({ items: data.slice(o, o + l) }),
      }),
    );
    expect(some).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it('stops at an empty page', async () => {
    const items = await collect(
      paginateOffset({ limit: 10, fetchPage: async () => ({ items: [] }) }),
    );
    expect(items).toEqual([]);
  });

  it('honours an AbortSignal', async () => {
    const ac = new AbortController();
    const it = paginateOffset({
      limit: 1,
      signal: ac.signal,
      fetchPage: async (offset) => {
        if (offset === 2) ac.abort();
        return { items: [offset] };
      },
    });
    await expect(collect(it)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('paginatePages', () => {
  it('stops at a page shorter than perPage', async () => {
    const calls: number[] = [];
    const items = await collect(
      paginatePages({
        fetchPage: async (page) => {
          calls.push(page);
          return { items: data.slice((page - 1) * 10, page * 10), perPage: 10 };
        },
      }),
    );
    expect(items).toEqual(data);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('follows hasMore, then stops on an empty page', async () => {
    const seen = await collect(
      paginatePages({
        startPage: 0,
        fetchPage: async (page) => ({
          items: page < 3 ? [page] : [],
          hasMore: page < 1 ? true : undefined,
        }),
      }),
    );
    expect(seen).toEqual([0, 1, 2]);
    const stop = await collect(
      paginatePages({ fetchPage: async (p) => ({ items: [p], hasMore: false }) }),
    );
    expect(stop).toEqual([1]);
    const pages = await collect(
      paginatePages({ maxPages: 2, fetchPage: async (p) => ({ items: [p, p] }) }).pages(),
    );
    expect(pages).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});

describe('paginateOffset and a server that caps its pages', () => {
  it('continues past a short page while total says there is more', async () => {
    const all = Array.from({ length: 250 }, (_, i) => i);
    const loads: [number, number][] = [];
    const items: number[] = [];
    for await (const item of paginateOffset<number>({
      limit: 200,
      fetchPage: async (offset, limit) => {
        loads.push([offset, limit]);
        return { items: all.slice(offset, offset + Math.min(limit, 100)), total: all.length };
      },
    })) {
      items.push(item);
    }
    expect(items).toEqual(all);
    expect(loads).toEqual([
      [0, 200],
      [100, 200],
      [200, 200],
    ]);
  });

  it('without total, a short page is the last', async () => {
    let loads = 0;
    const items: number[] = [];
    for await (const item of paginateOffset<number>({
      limit: 10,
      fetchPage: async () => {
        loads++;
        return { items: [1, 2, 3] };
      },
    })) {
      items.push(item);
    }
    expect(items).toEqual([1, 2, 3]);
    expect(loads).toBe(1);
  });
});
