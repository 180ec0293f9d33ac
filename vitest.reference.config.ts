/**
 * The MDX reference test (tests/reference/): entries rendered by @astrojs/mdx,
 * as an Astro site with the MDX integration would render them, through Astro's
 * own Vite set-up and container API.
 */
import mdx from '@astrojs/mdx';
import { getViteConfig } from 'astro/config';

export default getViteConfig(
  {
    test: {
      name: 'reference',
      include: ['tests/reference/**/*.test.ts'],
      testTimeout: 60_000,
    },
  },
  { configFile: false, integrations: [mdx({ smartypants: false })], logLevel: 'error' },
);
