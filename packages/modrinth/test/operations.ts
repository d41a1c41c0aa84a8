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

export const operations: Record<string, OperationCase> = {
  searchProjects: {
    call: (client, headers) =>
      client.searchProjects(
        {
          query: 'sodium',
          facets: sdk.facets().allOf('categories', ['fabric']).toString(),
          limit: 10,
        },
        { headers },
      ),
    check: has('hits', 'offset', 'limit', 'total_hits'),
  },
  getProject: {
    call: (client, headers) => client.getProject(P, { headers }),
    check: has('id', 'slug', 'project_type'),
  },
  modifyProject: {
    call: (client, headers) => client.modifyProject(P, { title: 'New title' }, { headers }),
    check: isEmpty,
  },
  deleteProject: {
    call: (client, headers) => client.deleteProject(P, { headers }),
    check: isEmpty,
  },
  getProjects: {
    call: (client, headers) => client.getProjects({ ids: [P, 'EEFFGGHH'] }, { headers }),
    check: isArrayOf('id'),
  },
  patchProjects: {
    call: (client, headers) =>
      client.patchProjects({ ids: [P], add_categories: ['technology'] }, { headers }),
    check: isEmpty,
  },
  randomProjects: {
    call: (client, headers) => client.randomProjects({ count: 5 }, { headers }),
    check: isArrayOf('id'),
  },
  createProject: {
    call: (client, headers) =>
      client.uploadProject(
        {
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
        { headers },
      ),
    check: has('id', 'slug'),
  },
  changeProjectIcon: {
    call: (client, headers) => client.uploadProjectIcon(P, { ext: 'png', body: png }, { headers }),
    check: isEmpty,
  },
  deleteProjectIcon: {
    call: (client, headers) => client.deleteProjectIcon(P, { headers }),
    check: isEmpty,
  },
  checkProjectValidity: {
    call: (client, headers) => client.checkProjectValidity(P, { headers }),
    check: has('id'),
  },
  addGalleryImage: {
    call: (client, headers) =>
      client.uploadGalleryImage(
        P,
        { ext: 'png', featured: true, title: 'Shot', body: png },
        { headers },
      ),
    check: isEmpty,
  },
  modifyGalleryImage: {
    call: (client, headers) =>
      client.modifyGalleryImage(
        P,
        { url: 'https://cdn.modrinth.com/a.png', featured: false },
        { headers },
      ),
    check: isEmpty,
  },
  deleteGalleryImage: {
    call: (client, headers) =>
      client.deleteGalleryImage(P, { url: 'https://cdn.modrinth.com/a.png' }, { headers }),
    check: isEmpty,
  },
  getDependencies: {
    call: (client, headers) => client.getDependencies(P, { headers }),
    check: has('projects', 'versions'),
  },
  followProject: {
    call: (client, headers) => client.followProject(P, { headers }),
    check: isEmpty,
  },
  unfollowProject: {
    call: (client, headers) => client.unfollowProject(P, { headers }),
    check: isEmpty,
  },
  scheduleProject: {
    call: (client, headers) =>
      client.scheduleProject(
        P,
        { time: '2030-02-05T19:39:55.551839Z', requested_status: 'approved' },
        { headers },
      ),
    check: isEmpty,
  },
  getProjectVersions: {
    call: (client, headers) =>
      client.getProjectVersions(
        P,
        { loaders: ['fabric'], game_versions: ['1.21.1'], featured: true },
        { headers },
      ),
    check: isArrayOf('files'),
  },
  getVersion: {
    call: (client, headers) => client.getVersion(V, { headers }),
    check: has('id', 'files', 'project_id'),
  },
  modifyVersion: {
    call: (client, headers) => client.modifyVersion(V, { name: 'v2' }, { headers }),
    check: isEmpty,
  },
  deleteVersion: {
    call: (client, headers) => client.deleteVersion(V, { headers }),
    check: isEmpty,
  },
  getVersionFromIdOrNumber: {
    call: (client, headers) => client.getVersionFromIdOrNumber(P, '1.0.0', { headers }),
    check: has('id', 'files'),
  },
  createVersion: {
    call: (client, headers) =>
      client.uploadVersion(
        {
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
        { headers },
      ),
    check: has('id', 'files'),
  },
  scheduleVersion: {
    call: (client, headers) =>
      client.scheduleVersion(
        V,
        { time: '2030-02-05T19:39:55.551839Z', requested_status: 'archived' },
        { headers },
      ),
    check: isEmpty,
  },
  getVersions: {
    call: (client, headers) => client.getVersions({ ids: [V] }, { headers }),
    check: isArrayOf('id'),
  },
  addFilesToVersion: {
    call: (client, headers) =>
      client.uploadVersionFiles(V, { files: [{ name: 'extra.jar', data: jar }] }, { headers }),
    check: isEmpty,
  },
  versionFromHash: {
    call: (client, headers) =>
      client.versionFromHash(SHA1, { algorithm: 'sha1', multiple: false }, { headers }),
    check: has('id', 'files'),
  },
  deleteFileFromHash: {
    call: (client, headers) =>
      client.deleteFileFromHash(SHA1, { algorithm: 'sha1', version_id: V }, { headers }),
    check: isEmpty,
  },
  getLatestVersionFromHash: {
    call: (client, headers) =>
      client.getLatestVersionFromHash(
        SHA1,
        { algorithm: 'sha1', loaders: ['fabric'], game_versions: ['1.21.1'] },
        { headers },
      ),
    check: has('id', 'files'),
  },
  versionsFromHashes: {
    call: (client, headers) =>
      client.versionsFromHashes({ hashes: [SHA1], algorithm: 'sha1' }, { headers }),
    check: isHashMap,
  },
  getLatestVersionsFromHashes: {
    call: (client, headers) =>
      client.getLatestVersionsFromHashes(
        { hashes: [SHA1], algorithm: 'sha1', loaders: ['fabric'], game_versions: ['1.21.1'] },
        { headers },
      ),
    check: isHashMap,
  },
  getUser: {
    call: (client, headers) => client.getUser(U, { headers }),
    check: has('id', 'username'),
  },
  modifyUser: {
    call: (client, headers) => client.modifyUser(U, { username: 'me', bio: 'hi' }, { headers }),
    check: isEmpty,
  },
  getUserFromAuth: {
    call: (client, headers) => client.getUserFromAuth({ headers }),
    check: has('id', 'username'),
  },
  getUsers: {
    call: (client, headers) => client.getUsers({ ids: [U] }, { headers }),
    check: isArrayOf('id'),
  },
  changeUserIcon: {
    call: (client, headers) => client.uploadUserIcon(U, { body: png, ext: 'png' }, { headers }),
    check: isEmpty,
  },
  getUserProjects: {
    call: (client, headers) => client.getUserProjects(U, { headers }),
    check: isArrayOf('id'),
  },
  getFollowedProjects: {
    call: (client, headers) => client.getFollowedProjects(U, { headers }),
    check: isArrayOf('id'),
  },
  getPayoutHistory: {
    call: (client, headers) => client.getPayoutHistory(U, { headers }),
    check: has('all_time', 'payouts'),
  },
  withdrawPayout: {
    call: (client, headers) => client.withdrawPayout(U, { amount: 10 }, { headers }),
    check: isEmpty,
  },
  getUserNotifications: {
    call: (client, headers) => client.getUserNotifications(U, { headers }),
    check: isArrayOf('id'),
  },
  getNotification: {
    call: (client, headers) => client.getNotification('NNOOPPQQ', { headers }),
    check: has('id', 'type'),
  },
  readNotification: {
    call: (client, headers) => client.readNotification('NNOOPPQQ', { headers }),
    check: isEmpty,
  },
  deleteNotification: {
    call: (client, headers) => client.deleteNotification('NNOOPPQQ', { headers }),
    check: isEmpty,
  },
  getNotifications: {
    call: (client, headers) => client.getNotifications({ ids: ['NNOOPPQQ'] }, { headers }),
    check: isArrayOf('id'),
  },
  readNotifications: {
    call: (client, headers) => client.readNotifications({ ids: ['NNOOPPQQ'] }, { headers }),
    check: isEmpty,
  },
  deleteNotifications: {
    call: (client, headers) => client.deleteNotifications({ ids: ['NNOOPPQQ'] }, { headers }),
    check: isEmpty,
  },
  submitReport: {
    call: (client, headers) =>
      client.submitReport(
        { report_type: 'spam', item_id: P, item_type: 'project', body: 'Spam' },
        { headers },
      ),
    check: has('id', 'report_type'),
  },
  getOpenReports: {
    call: (client, headers) => client.getOpenReports({ count: 10 }, { headers }),
    check: isArrayOf('id'),
  },
  getReport: {
    call: (client, headers) => client.getReport('RRSSTTUU', { headers }),
    check: has('id', 'report_type'),
  },
  modifyReport: {
    call: (client, headers) =>
      client.modifyReport('RRSSTTUU', { body: 'closed', closed: true }, { headers }),
    check: isEmpty,
  },
  getReports: {
    call: (client, headers) => client.getReports({ ids: ['RRSSTTUU'] }, { headers }),
    check: isArrayOf('id'),
  },
  getThread: {
    call: (client, headers) => client.getThread('QQRRSSTT', { headers }),
    check: has('id', 'messages'),
  },
  sendThreadMessage: {
    call: (client, headers) =>
      client.sendThreadMessage('QQRRSSTT', { type: 'text', body: 'Hello' }, { headers }),
    check: has('id', 'messages'),
  },
  getThreads: {
    call: (client, headers) => client.getThreads({ ids: ['QQRRSSTT'] }, { headers }),
    check: isArrayOf('id'),
  },
  deleteThreadMessage: {
    call: (client, headers) => client.deleteThreadMessage('MMNNOOPP', { headers }),
    check: isEmpty,
  },
  getProjectTeamMembers: {
    call: (client, headers) => client.getProjectTeamMembers(P, { headers }),
    check: isArrayOf('team_id'),
  },
  getTeamMembers: {
    call: (client, headers) => client.getTeamMembers(T, { headers }),
    check: isArrayOf('team_id'),
  },
  addTeamMember: {
    call: (client, headers) => client.addTeamMember(T, { user_id: U }, { headers }),
    check: isEmpty,
  },
  getTeams: {
    call: (client, headers) => client.getTeams({ ids: [T] }, { headers }),
    check: (d) => {
      expect(Array.isArray(d)).toBe(true);
      for (const team of d as unknown[]) isArrayOf('team_id')(team);
    },
  },
  joinTeam: {
    call: (client, headers) => client.joinTeam(T, { headers }),
    check: isEmpty,
  },
  modifyTeamMember: {
    call: (client, headers) => client.modifyTeamMember(T, U, { role: 'Contributor' }, { headers }),
    check: isEmpty,
  },
  deleteTeamMember: {
    call: (client, headers) => client.deleteTeamMember(T, U, { headers }),
    check: isEmpty,
  },
  transferTeamOwnership: {
    call: (client, headers) => client.transferTeamOwnership(T, { user_id: U }, { headers }),
    check: isEmpty,
  },
  categoryList: {
    call: (client, headers) => client.categoryList({ headers }),
    check: isArrayOf('name'),
  },
  loaderList: {
    call: (client, headers) => client.loaderList({ headers }),
    check: isArrayOf('name'),
  },
  versionList: {
    call: (client, headers) => client.versionList({ headers }),
    check: isArrayOf('version'),
  },
  licenseList: {
    call: (client, headers) => client.licenseList({ headers }),
    check: isArrayOf('short'),
  },
  licenseText: {
    call: (client, headers) => client.licenseText('MIT', { headers }),
    check: has('title', 'body'),
  },
  donationPlatformList: {
    call: (client, headers) => client.donationPlatformList({ headers }),
    check: isArrayOf('short'),
  },
  reportTypeList: {
    call: (client, headers) => client.reportTypeList({ headers }),
    check: isStringArray,
  },
  projectTypeList: {
    call: (client, headers) => client.projectTypeList({ headers }),
    check: isStringArray,
  },
  sideTypeList: {
    call: (client, headers) => client.sideTypeList({ headers }),
    check: isStringArray,
  },
  forgeUpdates: {
    call: (client, headers) => client.forgeUpdates(P, { headers }),
    check: has('homepage', 'promos'),
  },
  statistics: {
    call: (client, headers) => client.statistics({ headers }),
    check: has('projects', 'versions', 'files', 'authors'),
  },
};
