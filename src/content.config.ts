/**
 * Astro content collections. The schemas come from src/lib/schema (one source
 * of truth); the loader validates and renders entries itself, so the schemas
 * here give `getCollection()` its types.
 */
import { defineCollection } from 'astro:content';
import { readContentFileSync } from './content-loader/read-content.ts';
import { portalLoader } from './content-loader/loader.ts';
import { parseYamlWithPositions } from './lib/content/frontmatter.ts';
import { contentSchemas } from './lib/schema/collections.ts';
import { taxonomySchema, type Taxonomy } from './lib/schema/settings.ts';

/** The taxonomy, for the schemas' types; the loader reports a broken file with its lines. */
function readTaxonomy(): Taxonomy {
  const placeholder: Taxonomy = {
    columns: [{ key: 'x', vi: 'x', en: 'x', sections: [{ key: 'x', vi: 'x', en: 'x' }] }],
    qa_topics: [{ key: 'x', vi: 'x', en: 'x' }],
  };
  const source = readContentFileSync(process.cwd(), 'content/taxonomy.yml');
  const data = source === undefined ? undefined : parseYamlWithPositions('content/taxonomy.yml', source).data;
  return taxonomySchema.safeParse(data).data ?? placeholder;
}
const schemas = contentSchemas(readTaxonomy());

export const collections = {
  pages: defineCollection({ loader: portalLoader('pages'), schema: schemas.pages }),
  news: defineCollection({ loader: portalLoader('news'), schema: schemas.news }),
  documents: defineCollection({ loader: portalLoader('documents'), schema: schemas.documents }),
  qa: defineCollection({ loader: portalLoader('qa'), schema: schemas.qa }),
  spokespeople: defineCollection({ loader: portalLoader('spokespeople'), schema: schemas.spokespeople }),
  units: defineCollection({ loader: portalLoader('units'), schema: schemas.units }),
};
