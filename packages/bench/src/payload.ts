// A Modrinth project in the real shape (GET /v2/project/{id|slug}), with
// synthetic values, about the size of a popular project's answer (12.7 KB).
// Recorded payloads are not read: a clone of this repository has none.

const paragraph =
  'A rendering engine replacement that improves frame rates, reduces micro-stutter and fixes ' +
  'graphical issues, while staying compatible with the mods people actually use. ';

export const PROJECT = {
  client_side: 'required',
  server_side: 'unsupported',
  game_versions: Array.from({ length: 40 }, (_, i) => `1.${16 + Math.floor(i / 8)}.${i % 8}`),
  id: 'AbCdEf12',
  slug: 'example-renderer',
  project_type: 'mod',
  team: 'TeAm1234',
  organization: null,
  title: 'Example Renderer',
  description: 'A modern rendering engine for Minecraft which greatly improves performance',
  body: `# Example Renderer\n\n${paragraph.repeat(60)}`,
  body_url: null,
  published: '2020-11-21T20:45:41.212389Z',
  updated: '2025-12-01T10:00:00.000000Z',
  approved: '2021-01-03T00:56:52.292581Z',
  queued: null,
  status: 'approved',
  requested_status: null,
  moderator_message: null,
  license: { id: 'LicenseRef-Polyform-Shield-License-1.0.0', name: '', url: null },
  downloads: 71234567,
  followers: 34567,
  categories: ['optimization'],
  additional_categories: [],
  loaders: ['fabric', 'neoforge', 'quilt'],
  versions: Array.from({ length: 120 }, (_, i) => `v${String(i).padStart(7, '0')}`),
  icon_url: 'https://cdn.example.test/data/AbCdEf12/icon.png',
  issues_url: 'https://example.test/issues',
  source_url: 'https://example.test/source',
  wiki_url: null,
  discord_url: 'https://example.test/discord',
  donation_urls: [],
  gallery: Array.from({ length: 3 }, (_, i) => ({
    url: `https://cdn.example.test/data/AbCdEf12/images/${i}.png`,
    raw_url: `https://cdn.example.test/data/AbCdEf12/images/${i}-raw.png`,
    featured: i === 0,
    title: `Screenshot ${i}`,
    description: null,
    created: '2023-01-01T00:00:00.000000Z',
    ordering: i,
  })),
  color: 8703084,
  thread_id: 'ThReAd12',
  monetization_status: 'monetized',
};

export const PROJECT_JSON = JSON.stringify(PROJECT);
