/**
 * Screenshots for the editors' and approvers' guides (docs/images/cms/), taken
 * by the browser tests on the real CMS. Only when PORTAL_GUIDE_SCREENSHOTS is
 * set (`npm run screenshots`): an ordinary test run leaves the tree unchanged.
 */
import path from 'node:path';

export const GUIDE_IMAGES = 'docs/images/cms';

/** Anything playwright can photograph: a page or a locator. */
interface Photographable {
  screenshot(options: { path: string }): Promise<unknown>;
}

export async function guideScreenshot(target: Photographable, name: string): Promise<void> {
  if (!process.env.PORTAL_GUIDE_SCREENSHOTS) return;
  await target.screenshot({ path: path.join(GUIDE_IMAGES, name) });
}
