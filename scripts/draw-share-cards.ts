/**
 * node scripts/draw-share-cards.ts --site dist [--quiet]
 *
 * Draws the share cards the last build recorded into <site>/og/ (what
 * `npm run build` does after the search index; scripts/lib/publishing/share-cards.ts).
 * On its own for the benchmark, which measures the first drawing apart.
 */
import { parseArgs } from 'node:util';
import { drawShareCards } from './lib/publishing/share-cards.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, quiet: { type: 'boolean', default: false } } });
const started = Date.now();
const cards = await drawShareCards(values.site!, { quiet: values.quiet! });
console.log(`share cards: ${cards.total} in the site, ${cards.drawn} drawn, ${cards.removed} removed, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
