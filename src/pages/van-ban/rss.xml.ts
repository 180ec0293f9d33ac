import type { APIRoute } from 'astro';
import { feed } from '../../site/feeds.ts';

export const GET: APIRoute = ({ site }) => feed('vi', 'documents', site!);
