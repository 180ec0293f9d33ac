import type { APIRoute } from 'astro';
import { feed } from '../../site/feeds.ts';

export const GET: APIRoute = ({ site }) => feed('vi', 'news', site!);
