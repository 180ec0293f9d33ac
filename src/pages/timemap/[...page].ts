/**
 * A Memento TimeMap (RFC 7089) for every entry page with a history: the page
 * and each published revision of its source, with its publication time. The
 * memento of a revision is its source file at that commit on GitHub; the
 * rendered page as published is in that deploy's archive (docs/archive.md).
 * Served as `.txt`: static hosts (GitHub Pages among them) know no extension
 * for `application/link-format` and would offer a download; as text every
 * browser shows it and Memento clients read it. With a memento store
 * (PORTAL_MEMENTOS) the memento step writes them instead, listing the pages
 * as they were served.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { timemap } from '../../lib/history/timemap.ts';
import { timemapPath } from '../../lib/history/mementos.ts';
import type { Revision } from '../../lib/history/revision.ts';
import { plannedRoutes } from '../../site/build-plan.ts';
import { getSettings } from '../../site/settings.ts';
import { timemapPages } from '../../site/timemaps.ts';

// With a memento store the memento step writes every TimeMap, listing the rendered mementos (scripts/mementos.ts).
export const getStaticPaths = (async () =>
  (await timemapPages(await plannedRoutes())).map(({ path, revisions }) => ({
    params: { page: timemapPath(path).replace(/^\/timemap\//, '') },
    props: { page: path, revisions },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site: siteUrl }) => {
  const { page, revisions } = props as { page: string; revisions: Revision[] };
  const { site } = await getSettings();
  const abs = (p: string) => new URL(p, siteUrl).href;
  const mementos = revisions.map((r) => ({ uri: `https://github.com/${site.cms.repo}/blob/${r.commit}/${r.path}`, datetime: new Date(r.date) }));
  return new Response(timemap(abs(page), abs(timemapPath(page)), mementos), { headers: { 'Content-Type': 'application/link-format; charset=utf-8' } });
};
