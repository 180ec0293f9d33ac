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
import { plannedRoutes } from '../../site/build-plan.ts';
import { entryMap } from '../../site/entries.ts';
import { revisionsOf } from '../../site/history.ts';
import { getSettings } from '../../site/settings.ts';

const collectionOf = { page: 'pages', news: 'news', document: 'documents', qa: 'qa' } as const;

export const getStaticPaths = (async () => {
  // With a memento store the memento step writes every TimeMap, listing the rendered mementos (scripts/mementos.ts).
  if (process.env.PORTAL_MEMENTOS) return [];
  const out = [];
  for (const route of await plannedRoutes()) {
    const v = route.view;
    if (v.kind !== 'page' && v.kind !== 'news' && v.kind !== 'document' && v.kind !== 'qa') continue;
    const collection = collectionOf[v.kind];
    const file = (await entryMap(collection, v.locale)).get(v.slug)?.filePath;
    const revisions = (file ? await revisionsOf(file) : []).filter((r) => r.status !== 'removed');
    if (revisions.length === 0) continue;
    out.push({ params: { page: timemapPath(route.path).replace(/^\/timemap\//, '') }, props: { page: route.path, revisions } });
  }
  return out;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site: siteUrl }) => {
  const { page, revisions } = props as { page: string; revisions: Awaited<ReturnType<typeof revisionsOf>> };
  const { site } = await getSettings();
  const abs = (p: string) => new URL(p, siteUrl).href;
  const mementos = revisions.map((r) => ({ uri: `https://github.com/${site.cms.repo}/blob/${r.commit}/${r.path}`, datetime: new Date(r.date) }));
  return new Response(timemap(abs(page), abs(timemapPath(page)), mementos), { headers: { 'Content-Type': 'application/link-format; charset=utf-8' } });
};
