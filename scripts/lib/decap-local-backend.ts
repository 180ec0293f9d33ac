/**
 * Decap CMS's local backend (decap-server in git mode) at /api/v1 on the
 * portal's own server: entries under review live on `cms/…` branches of
 * `repo`, and publishing merges them into its published branch.
 *
 * decap-server runs in an Express app of its own, which only ever sees the
 * requests the guard (src/lib/cms/local-backend-guard.ts) let through: its
 * permissive CORS middleware, 50 MB JSON parser and request log never touch
 * anything else, and no other page can reach it.
 *
 * The reads of drafts are answered from git's objects (draft-reads.ts), not
 * by decap-server's checkout of each draft branch behind its lock.
 *
 * A draft that is published or discarded is kept first (keep-local-draft.ts):
 * its head is read before decap-server deletes its branch, and tagged under
 * refs/tags/drafts/local/ once decap-server has answered success.
 */
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Response } from 'express';
import decapServer from 'decap-server/dist/middlewares.js';
import type { CmsArea } from '../../src/lib/cms/cms-area.ts';
import {
  checkBackendCall,
  checkRequestHead,
  draftBranchOf,
  forDecapServer,
  LOCAL_BACKEND_PATH,
  noDraftRefusal,
  refusalBody,
  symlinkRefusal,
  tooLargeRefusal,
  unreadableBodyRefusal,
  type Refusal,
} from '../../src/lib/cms/local-backend-guard.ts';
import { MAX_REQUEST_BYTES } from '../../src/lib/cms/uploads.ts';
import { gateBody, interfaceLanguage, saveCheckFailure } from '../../src/lib/publication-gate/messages.ts';
import { SAVE_NOTES } from '../../src/lib/cms/save-notes.ts';
import { checkSave, publishDraft, type Answer, type Publisher, type Save } from './publication-gate.ts';
import { answerDraftRead, branchExists, isDraftRead } from './draft-reads.ts';
import { keepLocalDraft, seeDraft, type SeenDraft } from './keep-local-draft.ts';
import { symlinkOnTheWay } from './sandbox-repo.ts';

export interface LocalBackendOptions {
  /** The sandbox repository decap-server works in. */
  repo: string;
  /** Its published branch. */
  branch: string;
  /** The port the server listens on (localhost and 127.0.0.1). */
  port: number;
  /** Where the CMS may read and write, from the generated configuration. */
  area: CmsArea;
  /** The site's builds: a publication is answered once the site is rebuilt (publication-gate.ts). */
  publisher: Publisher;
}

export { symlinkOnTheWay };

/** Keeps a draft that decap-server has just published or discarded; a failure is said in the log, never hidden, never undoing the publication. */
async function keepDraft(repo: string, seen: SeenDraft | undefined, fate: 'published' | 'discarded'): Promise<void> {
  if (!seen) return;
  try {
    const tag = await keepLocalDraft(repo, seen, fate);
    console.log(`start: bản nháp ${seen.collection}/${seen.slug} được lưu ở thẻ ${tag} / draft kept as the tag ${tag}`);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    console.warn(
      `start: KHÔNG lưu được bản nháp ${seen.collection}/${seen.slug} (commit ${seen.head}): ${why}. Tạo thẻ bằng tay: git tag -a drafts/local/… ${seen.head}\n` +
        `       the draft ${seen.collection}/${seen.slug} (commit ${seen.head}) was NOT kept: ${why}. Tag it by hand: git tag -a drafts/local/… ${seen.head}`,
    );
  }
}

function refuse(res: Response, refusal: Refusal) {
  console.warn(`start: ${refusal.vi}\n       ${refusal.en}`);
  res.status(refusal.status).set('Cache-Control', 'no-store');
  if (refusal.status === 405) res.set('Allow', 'POST');
  res.json(refusalBody(refusal));
}

/** The entry a `persistEntry` call (already allowed by the guard) writes. */
function saveOf(body: unknown): Save | undefined {
  const call = body as { action: string; params?: { dataFiles: { path: string; raw: string; slug: string }[]; assets: { path: string; content: string }[]; options: { collectionName: string } } };
  if (call.action !== 'persistEntry' || !call.params) return undefined;
  const { dataFiles, assets, options } = call.params;
  return { collection: options.collectionName, slug: dataFiles[0]!.slug, files: dataFiles.map(({ path, raw }) => ({ path, raw })), assets: assets.map(({ path, content }) => ({ path, content })) };
}

export async function mountLocalBackend(app: Express, options: LocalBackendOptions): Promise<void> {
  const decap = express();
  decap.disable('x-powered-by');
  // decap-server reads the repository folder from the environment.
  process.env.GIT_REPO_DIRECTORY = options.repo;
  await decapServer.registerLocalGit(decap, { logLevel: process.env.LOG_LEVEL ?? 'warn' });

  const fromTheCmsPage: RequestHandler = (req, res, next) => {
    const refused = checkRequestHead({ method: req.method, headers: req.headers }, options.port);
    if (refused) refuse(res, refused);
    else next();
  };
  // Read while it arrives, up to the limit: a larger body is refused unread (its Content-Length says so) or as soon as it passes the limit.
  const readJson = express.json({ limit: MAX_REQUEST_BYTES, inflate: false, strict: true, type: () => true });
  const unreadable: ErrorRequestHandler = (error: { type?: string; length?: number }, _req, res, _next) => {
    refuse(res, error.type === 'entity.too.large' ? tooLargeRefusal(error.length) : unreadableBodyRefusal());
  };
  const allowedCall: RequestHandler = (req, res, next) => {
    const verdict = checkBackendCall(req.body, { area: options.area, branch: options.branch });
    if ('refusal' in verdict) return refuse(res, verdict.refusal);
    for (const touched of verdict.paths) {
      const link = symlinkOnTheWay(options.repo, touched);
      if (link) return refuse(res, symlinkRefusal(touched, link));
    }
    const draft = draftBranchOf(req.body);
    if (!draft) return answer(req, res, undefined);
    // Asked without blocking (a synchronous git here held every other request while it ran).
    branchExists(options.repo, draft.branch)
      .then((exists) => (exists ? answer(req, res, draft) : refuse(res, noDraftRefusal(draft.collection, draft.slug))))
      .catch(next);
  };
  /** A call the guard allowed, on an existing draft branch when it names one. */
  const answer = (req: Parameters<RequestHandler>[0], res: Response, draft: ReturnType<typeof draftBranchOf>) => {
    req.body = forDecapServer(req.body);
    const save = saveOf(req.body);
    if (save) {
      // Nothing is written unless the entry passes the build's check, its text included.
      const language = interfaceLanguage(req.headers.referer);
      const entry = `${save.collection}/${save.slug}`;
      checkSave(options.repo, options.branch, save)
        .catch((error: unknown) => ({ refused: saveCheckFailure(entry, error instanceof Error ? error.message : String(error)) }))
        .then(async (verdict) => {
          if ('refused' in verdict) {
            const { refused } = verdict;
            console.warn(`start: ${refused.vi}\n       ${refused.en}`);
            res.status(refused.status).set('Cache-Control', 'no-store').json(gateBody(refused, language));
            return;
          }
          // decap-server's answer carries the check's notes on the saved entry: the CMS page lists them (src/admin/save-check.ts).
          const saved = await answerOf(req, res);
          const body = saved.status === 200 && verdict.notes.length > 0 ? { ...(saved.body as object), [SAVE_NOTES]: verdict.notes } : saved.body;
          res.status(saved.status).json(body);
        });
      return;
    }
    // The body is parsed (`req._body`): decap-server's own JSON parser leaves it as it is.
    if (draft && (req.body as { action: string }).action === 'publishUnpublishedEntry') {
      const language = interfaceLanguage(req.headers.referer);
      let seen: SeenDraft | undefined;
      const merge = async () => {
        seen = await seeDraft(options.repo, draft, options.branch);
        return answerOf(req, res);
      };
      publishDraft({ repo: options.repo, branch: options.branch, draft, merge, publisher: options.publisher, language })
        .catch((error: unknown): Answer => {
          const message = error instanceof Error ? error.message : String(error);
          const vi = `Chưa công bố “${draft.collection}/${draft.slug}”: máy chủ biên tập gặp lỗi (${message}). Bản nháp vẫn còn; hãy thử lại.`;
          const en = `“${draft.collection}/${draft.slug}” was not published: the CMS server failed (${message}). The draft is kept; try again.`;
          return { status: 500, body: gateBody({ vi, en }, language) };
        })
        .then(async (answer) => {
          if (answer.status !== 200) console.warn(`start: ${(answer.body as { vi: string }).vi}\n       ${(answer.body as { en: string }).en}`);
          else await keepDraft(options.repo, seen, 'published');
          res.status(answer.status).set('Cache-Control', 'no-store').json(answer.body);
        });
      return;
    }
    if (draft && (req.body as { action: string }).action === 'deleteUnpublishedEntry') {
      seeDraft(options.repo, draft, options.branch)
        .then(async (seen) => {
          const answer = await answerOf(req, res);
          if (answer.status === 200) await keepDraft(options.repo, seen, 'discarded');
          res.status(answer.status).json(answer.body);
        })
        .catch((error: unknown) => res.status(500).set('Cache-Control', 'no-store').json({ error: String(error) }));
      return;
    }
    if (isDraftRead(req.body)) {
      // Read from git's objects, beside whatever decap-server is doing (draft-reads.ts); what that cannot answer, decap-server does.
      const read = req.body;
      answerDraftRead(options.repo, options.branch, read)
        .catch(() => undefined)
        .then((answer) => (answer ? res.status(answer.status).json(answer.body) : decap(req, res)));
      return;
    }
    decap(req, res);
  };

  /** decap-server's answer to the call, kept from the CMS until the gate has decided what to say. */
  function answerOf(req: Parameters<RequestHandler>[0], res: Response): Promise<Answer> {
    return new Promise((resolve) => {
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        res.json = json;
        resolve({ status: res.statusCode, body });
        return res;
      };
      decap(req, res);
    });
  }
  app.all(LOCAL_BACKEND_PATH, fromTheCmsPage, readJson, unreadable, allowedCall);
}
