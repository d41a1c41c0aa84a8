import { expect } from 'vitest';
import type { ModrinthClient } from '../src/index.js';
import * as sdk from '../src/index.js';

/** One row per spec operation: how to call it validly, and what its success must look like. */
export interface OperationCase {
  call(client: ModrinthClient, headers?: Record<string, string>): Promise<unknown>;
  check(data: unknown): void;
}

const P = 'AABBCCDD';
const V = 'IIJJKKLL';
const U = 'EEFFGGHH';
const T = 'MMNNOOPP';
const SHA1 = '619e250c133106bacc3e3b560839bd4b324dfda8';
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jar = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

const isEmpty = (d: unknown) =>
  expect(
    d === undefined ||
      d === null ||
      (typeof d === 'object' && d !== null && Object.keys(d).length === 0),
  ).toBe(true);
const isArrayOf = (key: string) => (d: unknown) => {
  expect(Array.isArray(d)).toBe(true);
  for (const item of d as unknown[]) expect(item).toHaveProperty(key);
};
const has =
  (...keys: string[]) =>
  (d: unknown) => {
    for (const k of keys) expect(d).toHaveProperty(k);
  };
const isStringArray = (d: unknown) => {
  expect(Array.isArray(d)).toBe(true);
  for (const s of d as unknown[]) expect(typeof s).toBe('string');
};
const isHashMap = (d: unknown) => {
  expect(d).toBeTypeOf('object');
  for (const v of Object.values(d as object)) expect(v).toHaveProperty('files');
};

const pid = { idOrSlug: P } as const;
const uid = { idOrUsername: U } as const;

export const operations: Record<string, OperationCase> = {
  searchProjects: {
    call: (client, headers) =>
      sdk.searchProjects({
        client,
        headers,
        query: {
          query: 'sodium',
          facets: sdk.facets().allOf('categories', ['fabric']).toString(),
          limit: 10,
        },
      }),
    check: has('hits', 'offset', 'limit', 'total_hits'),
  },
  getProject: {
    call: (client, headers) => sdk.getProject({ client, headers, path: pid }),
    check: has('id', 'slug', 'project_type'),
  },
  modifyProject: {
    call: (client, headers) =>
      sdk.modifyProject({ client, headers, path: pid, body: { title: 'New title' } }),
    check: isEmpty,
  },
  deleteProject: {
    call: (client, headers) => sdk.deleteProject({ client, headers, path: pid }),
    check: isEmpty,
  },
  getProjects: {
    call: (client, headers) =>
      sdk.getProjects({ client, headers, query: { ids: [P, 'EEFFGGHH'] } }),
    check: isArrayOf('id'),
  },
  patchProjects: {
    call: (client, headers) =>
      sdk.patchProjects({
        client,
        headers,
        query: { ids: [P] },
        body: { add_categories: ['technology'] },
      }),
    check: isEmpty,
  },
  randomProjects: {
    call: (client, headers) => sdk.randomProjects({ client, headers, query: { count: 5 } }),
    check: isArrayOf('id'),
  },
  createProject: {
    call: (client, headers) =>
      sdk.uploadProject({
        client,
        headers,
        body: {
          data: {
            slug: 'my-mod',
            title: 'My Mod',
            description: 'A mod',
            categories: ['technology'],
            client_side: 'required',
            server_side: 'optional',
            body: 'Long description',
            license_id: 'MIT',
            project_type: 'mod',
            is_draft: true,
            initial_versions: [],
          } as sdk.CreatableProject,
          icon: { name: 'icon.png', data: png },
        },
      }),
    check: has('id', 'slug'),
  },
  changeProjectIcon: {
    call: (client, headers) =>
      sdk.uploadProjectIcon({ client, headers, path: pid, query: { ext: 'png' }, body: png }),
    check: isEmpty,
  },
  deleteProjectIcon: {
    call: (client, headers) => sdk.deleteProjectIcon({ client, headers, path: pid }),
    check: isEmpty,
  },
  checkProjectValidity: {
    call: (client, headers) => sdk.checkProjectValidity({ client, headers, path: pid }),
    check: has('id'),
  },
  addGalleryImage: {
    call: (client, headers) =>
      sdk.uploadGalleryImage({
        client,
        headers,
        path: pid,
        query: { ext: 'png', featured: true, title: 'Shot' },
        body: png,
      }),
    check: isEmpty,
  },
  modifyGalleryImage: {
    call: (client, headers) =>
      sdk.modifyGalleryImage({
        client,
        headers,
        path: pid,
        query: { url: 'https://cdn.modrinth.com/a.png', featured: false },
      }),
    check: isEmpty,
  },
  deleteGalleryImage: {
    call: (client, headers) =>
      sdk.deleteGalleryImage({
        client,
        headers,
        path: pid,
        query: { url: 'https://cdn.modrinth.com/a.png' },
      }),
    check: isEmpty,
  },
  getDependencies: {
    call: (client, headers) => sdk.getDependencies({ client, headers, path: pid }),
    check: has('projects', 'versions'),
  },
  followProject: {
    call: (client, headers) => sdk.followProject({ client, headers, path: pid }),
    check: isEmpty,
  },
  unfollowProject: {
    call: (client, headers) => sdk.unfollowProject({ client, headers, path: pid }),
    check: isEmpty,
  },
  scheduleProject: {
    call: (client, headers) =>
      sdk.scheduleProject({
        client,
        headers,
        path: pid,
        body: { time: '2030-02-05T19:39:55.551839Z', requested_status: 'approved' },
      }),
    check: isEmpty,
  },
  getProjectVersions: {
    call: (client, headers) =>
      sdk.getProjectVersions({
        client,
        headers,
        path: pid,
        query: { loaders: ['fabric'], game_versions: ['1.21.1'], featured: true },
      }),
    check: isArrayOf('files'),
  },
  getVersion: {
    call: (client, headers) => sdk.getVersion({ client, headers, path: { id: V } }),
    check: has('id', 'files', 'project_id'),
  },
  modifyVersion: {
    call: (client, headers) =>
      sdk.modifyVersion({ client, headers, path: { id: V }, body: { name: 'v2' } }),
    check: isEmpty,
  },
  deleteVersion: {
    call: (client, headers) => sdk.deleteVersion({ client, headers, path: { id: V } }),
    check: isEmpty,
  },
  getVersionFromIdOrNumber: {
    call: (client, headers) =>
      sdk.getVersionFromIdOrNumber({
        client,
        headers,
        path: { idOrSlug: P, idOrNumber: '1.0.0' },
      }),
    check: has('id', 'files'),
  },
  createVersion: {
    call: (client, headers) =>
      sdk.uploadVersion({
        client,
        headers,
        body: {
          data: {
            name: 'Version 1.0.0',
            version_number: '1.0.0',
            changelog: null,
            dependencies: [],
            game_versions: ['1.21.1'],
            version_type: 'release',
            loaders: ['fabric'],
            featured: true,
            project_id: P,
            primary_file: 'my-mod-1.0.0.jar',
          },
          files: [{ name: 'my-mod-1.0.0.jar', data: jar }],
        },
      }),
    check: has('id', 'files'),
  },
  scheduleVersion: {
    call: (client, headers) =>
      sdk.scheduleVersion({
        client,
        headers,
        path: { id: V },
        body: { time: '2030-02-05T19:39:55.551839Z', requested_status: 'archived' },
      }),
    check: isEmpty,
  },
  getVersions: {
    call: (client, headers) => sdk.getVersions({ client, headers, query: { ids: [V] } }),
    check: isArrayOf('id'),
  },
  addFilesToVersion: {
    call: (client, headers) =>
      sdk.uploadVersionFiles({
        client,
        headers,
        path: { id: V },
        body: { files: [{ name: 'extra.jar', data: jar }] },
      }),
    check: isEmpty,
  },
  versionFromHash: {
    call: (client, headers) =>
      sdk.versionFromHash({
        client,
        headers,
        path: { hash: SHA1 },
        query: { algorithm: 'sha1', multiple: false },
      }),
    check: has('id', 'files'),
  },
  deleteFileFromHash: {
    call: (client, headers) =>
      sdk.deleteFileFromHash({
        client,
        headers,
        path: { hash: SHA1 },
        query: { algorithm: 'sha1', version_id: V },
      }),
    check: isEmpty,
  },
  getLatestVersionFromHash: {
    call: (client, headers) =>
      sdk.getLatestVersionFromHash({
        client,
        headers,
        path: { hash: SHA1 },
        query: { algorithm: 'sha1' },
        body: { loaders: ['fabric'], game_versions: ['1.21.1'] },
      }),
    check: has('id', 'files'),
  },
  versionsFromHashes: {
    call: (client, headers) =>
      sdk.versionsFromHashes({ client, headers, body: { hashes: [SHA1], algorithm: 'sha1' } }),
    check: isHashMap,
  },
  getLatestVersionsFromHashes: {
    call: (client, headers) =>
      sdk.getLatestVersionsFromHashes({
        client,
        headers,
        body: { hashes: [SHA1], algorithm: 'sha1', loaders: ['fabric'], game_versions: ['1.21.1'] },
      }),
    check: isHashMap,
  },
  getUser: {
    call: (client, headers) => sdk.getUser({ client, headers, path: uid }),
    check: has('id', 'username'),
  },
  modifyUser: {
    call: (client, headers) =>
      sdk.modifyUser({ client, headers, path: uid, body: { username: 'me', bio: 'hi' } }),
    check: isEmpty,
  },
  getUserFromAuth: {
    call: (client, headers) => sdk.getUserFromAuth({ client, headers }),
    check: has('id', 'username'),
  },
  getUsers: {
    call: (client, headers) => sdk.getUsers({ client, headers, query: { ids: [U] } }),
    check: isArrayOf('id'),
  },
  changeUserIcon: {
    call: (client, headers) =>
      sdk.uploadUserIcon({ client, headers, path: uid, body: png, ext: 'png' }),
    check: isEmpty,
  },
  getUserProjects: {
    call: (client, headers) => sdk.getUserProjects({ client, headers, path: uid }),
    check: isArrayOf('id'),
  },
  getFollowedProjects: {
    call: (client, headers) => sdk.getFollowedProjects({ client, headers, path: uid }),
    check: isArrayOf('id'),
  },
  getPayoutHistory: {
    call: (client, headers) => sdk.getPayoutHistory({ client, headers, path: uid }),
    check: has('all_time', 'payouts'),
  },
  withdrawPayout: {
    call: (client, headers) =>
      sdk.withdrawPayout({ client, headers, path: uid, query: { amount: 10 } }),
    check: isEmpty,
  },
  getUserNotifications: {
    call: (client, headers) => sdk.getUserNotifications({ client, headers, path: uid }),
    check: isArrayOf('id'),
  },
  getNotification: {
    call: (client, headers) => sdk.getNotification({ client, headers, path: { id: 'NNOOPPQQ' } }),
    check: has('id', 'type'),
  },
  readNotification: {
    call: (client, headers) => sdk.readNotification({ client, headers, path: { id: 'NNOOPPQQ' } }),
    check: isEmpty,
  },
  deleteNotification: {
    call: (client, headers) =>
      sdk.deleteNotification({ client, headers, path: { id: 'NNOOPPQQ' } }),
    check: isEmpty,
  },
  getNotifications: {
    call: (client, headers) =>
      sdk.getNotifications({ client, headers, query: { ids: ['NNOOPPQQ'] } }),
    check: isArrayOf('id'),
  },
  readNotifications: {
    call: (client, headers) =>
      sdk.readNotifications({ client, headers, query: { ids: ['NNOOPPQQ'] } }),
    check: isEmpty,
  },
  deleteNotifications: {
    call: (client, headers) =>
      sdk.deleteNotifications({ client, headers, query: { ids: ['NNOOPPQQ'] } }),
    check: isEmpty,
  },
  submitReport: {
    call: (client, headers) =>
      sdk.submitReport({
        client,
        headers,
        body: { report_type: 'spam', item_id: P, item_type: 'project', body: 'Spam' },
      }),
    check: has('id', 'report_type'),
  },
  getOpenReports: {
    call: (client, headers) => sdk.getOpenReports({ client, headers, query: { count: 10 } }),
    check: isArrayOf('id'),
  },
  getReport: {
    call: (client, headers) => sdk.getReport({ client, headers, path: { id: 'RRSSTTUU' } }),
    check: has('id', 'report_type'),
  },
  modifyReport: {
    call: (client, headers) =>
      sdk.modifyReport({
        client,
        headers,
        path: { id: 'RRSSTTUU' },
        body: { body: 'closed', closed: true },
      }),
    check: isEmpty,
  },
  getReports: {
    call: (client, headers) => sdk.getReports({ client, headers, query: { ids: ['RRSSTTUU'] } }),
    check: isArrayOf('id'),
  },
  getThread: {
    call: (client, headers) => sdk.getThread({ client, headers, path: { id: 'QQRRSSTT' } }),
    check: has('id', 'messages'),
  },
  sendThreadMessage: {
    call: (client, headers) =>
      sdk.sendThreadMessage({
        client,
        headers,
        path: { id: 'QQRRSSTT' },
        body: { type: 'text', body: 'Hello' },
      }),
    check: has('id', 'messages'),
  },
  getThreads: {
    call: (client, headers) => sdk.getThreads({ client, headers, query: { ids: ['QQRRSSTT'] } }),
    check: isArrayOf('id'),
  },
  deleteThreadMessage: {
    call: (client, headers) =>
      sdk.deleteThreadMessage({ client, headers, path: { id: 'MMNNOOPP' } }),
    check: isEmpty,
  },
  getProjectTeamMembers: {
    call: (client, headers) => sdk.getProjectTeamMembers({ client, headers, path: pid }),
    check: isArrayOf('team_id'),
  },
  getTeamMembers: {
    call: (client, headers) => sdk.getTeamMembers({ client, headers, path: { id: T } }),
    check: isArrayOf('team_id'),
  },
  addTeamMember: {
    call: (client, headers) =>
      sdk.addTeamMember({ client, headers, path: { id: T }, body: { user_id: U } }),
    check: isEmpty,
  },
  getTeams: {
    call: (client, headers) => sdk.getTeams({ client, headers, query: { ids: [T] } }),
    check: (d) => {
      expect(Array.isArray(d)).toBe(true);
      for (const team of d as unknown[]) isArrayOf('team_id')(team);
    },
  },
  joinTeam: {
    call: (client, headers) => sdk.joinTeam({ client, headers, path: { id: T } }),
    check: isEmpty,
  },
  modifyTeamMember: {
    call: (client, headers) =>
      sdk.modifyTeamMember({
        client,
        headers,
        path: { id: T, idOrUsername: U },
        body: { role: 'Contributor' },
      }),
    check: isEmpty,
  },
  deleteTeamMember: {
    call: (client, headers) =>
      sdk.deleteTeamMember({ client, headers, path: { id: T, idOrUsername: U } }),
    check: isEmpty,
  },
  transferTeamOwnership: {
    call: (client, headers) =>
      sdk.transferTeamOwnership({ client, headers, path: { id: T }, body: { user_id: U } }),
    check: isEmpty,
  },
  categoryList: {
    call: (client, headers) => sdk.categoryList({ client, headers }),
    check: isArrayOf('name'),
  },
  loaderList: {
    call: (client, headers) => sdk.loaderList({ client, headers }),
    check: isArrayOf('name'),
  },
  versionList: {
    call: (client, headers) => sdk.versionList({ client, headers }),
    check: isArrayOf('version'),
  },
  licenseList: {
    call: (client, headers) => sdk.licenseList({ client, headers }),
    check: isArrayOf('short'),
  },
  licenseText: {
    call: (client, headers) => sdk.licenseText({ client, headers, path: { id: 'MIT' } }),
    check: has('title', 'body'),
  },
  donationPlatformList: {
    call: (client, headers) => sdk.donationPlatformList({ client, headers }),
    check: isArrayOf('short'),
  },
  reportTypeList: {
    call: (client, headers) => sdk.reportTypeList({ client, headers }),
    check: isStringArray,
  },
  projectTypeList: {
    call: (client, headers) => sdk.projectTypeList({ client, headers }),
    check: isStringArray,
  },
  sideTypeList: {
    call: (client, headers) => sdk.sideTypeList({ client, headers }),
    check: isStringArray,
  },
  forgeUpdates: {
    call: (client, headers) => sdk.forgeUpdates({ client, headers, path: pid }),
    check: has('homepage', 'promos'),
  },
  statistics: {
    call: (client, headers) => sdk.statistics({ client, headers }),
    check: has('projects', 'versions', 'files', 'authors'),
  },
};
