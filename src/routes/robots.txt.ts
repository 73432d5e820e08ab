import type { APIRoute } from 'astro';
import { site } from '../site-data.ts';

export const GET: APIRoute = () => {
  const url = site().config.url;
  const lines = ['User-agent: *', 'Allow: /'];
  if (url) lines.push(`Sitemap: ${new URL('/sitemap.xml', url).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain' } });
};
