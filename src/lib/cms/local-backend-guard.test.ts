import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { siteSchema, taxonomySchema } from '../schema/settings.ts';
import { cmsArea } from './cms-area.ts';
import { decapConfig } from './decap-config.ts';
import { allowedActions, checkBackendCall, checkRequestHead, draftBranchOf, forDecapServer, noDraftRefusal, refusalBody, tooLargeRefusal, type RequestHead } from './local-backend-guard.ts';

const site = siteSchema.parse(parseYamlWithPositions('content/site.yml', readFileSync('content/site.yml', 'utf8')).data);
const taxonomy = taxonomySchema.parse(parseYamlWithPositions('content/taxonomy.yml', readFileSync('content/taxonomy.yml', 'utf8')).data);
const policy = { area: cmsArea(decapConfig(site, taxonomy, 'vi')), branch: 'main' };
const PORT = 4321;

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString('base64');
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n').toString('base64');
const entry = (locale: string, slug = 'dang-ky') => ({ path: `content/news/${locale}/${slug}.mdx`, slug, raw: `---\ntitle: ${slug}\n---\nVăn bản.\n` });

/** Every call as Decap's proxy client (decap-cms-backend-proxy) sends it for the portal's configuration. */
const legitimate: Record<string, Record<string, unknown>> = {
  info: { action: 'info' },
  entriesByFolder: { folder: 'content/news', extension: 'mdx', depth: 2 },
  entriesByFiles: { files: [{ path: 'content/site.yml', label: 'Thông tin cơ quan' }, { path: 'content/taxonomy.yml', label: 'Chuyên mục và chủ đề' }] },
  getEntry: { path: 'content/news/vi/dang-ky.mdx' },
  unpublishedEntries: {},
  unpublishedEntry: { id: 'news/dang-ky' },
  unpublishedEntryDataFile: { collection: 'news', slug: 'dang-ky', path: 'content/news/en/dang-ky.mdx', id: 'content/news/en/dang-ky.mdx' },
  unpublishedEntryMediaFile: { collection: 'news', slug: 'dang-ky', path: 'public/media/news/anh.png', id: 'public/media/news/anh.png' },
  deleteUnpublishedEntry: { collection: 'news', slug: 'dang-ky' },
  persistEntry: {
    dataFiles: [entry('vi'), entry('en')],
    assets: [{ path: 'public/media/news/anh.png', content: png, encoding: 'base64' }, { path: 'public/files/quyet-dinh.pdf', content: pdf, encoding: 'base64' }],
    options: { newEntry: true, commitMessage: 'Create News “dang-ky”', collectionName: 'news', useWorkflow: true, hasSubfolders: true, unpublished: false, status: 'draft' },
  },
  updateUnpublishedEntryStatus: { collection: 'news', slug: 'dang-ky', newStatus: 'pending_review' },
  publishUnpublishedEntry: { collection: 'news', slug: 'dang-ky' },
  getMedia: { mediaFolder: 'public/media/uploads' },
  getMediaFile: { path: 'public/media/uploads/anh.png' },
  persistMedia: { asset: { path: 'public/media/uploads/anh.png', content: png, encoding: 'base64' }, options: { commitMessage: 'Upload “public/media/uploads/anh.png”' } },
  deleteFiles: { paths: ['public/media/uploads/anh.png'], options: { commitMessage: 'Delete “public/media/uploads/anh.png”' } },
  getDeployPreview: { collection: 'news', slug: 'dang-ky' },
};

function body(action: string, params: Record<string, unknown> = legitimate[action]!): Record<string, unknown> {
  if (action === 'info') return { action };
  return { branch: 'main', action, params: { branch: 'main', ...params } };
}

/** The refusal of `value` (or `undefined` when it is accepted). */
function refusalOf(value: unknown) {
  const verdict = checkBackendCall(value, policy);
  return 'refusal' in verdict ? verdict.refusal : undefined;
}

/** A copy of the legitimate call of `action` with `change` applied to its parameters. */
function changed(action: string, change: (params: Record<string, any>) => void) {
  const call = structuredClone(body(action)) as { params: Record<string, any> };
  change(call.params);
  return call;
}

describe('checkBackendCall: the calls of the portal’s CMS', () => {
  it('accepts every call the CMS makes, and lists the paths each touches', () => {
    expect(Object.keys(legitimate).sort()).toEqual([...allowedActions].sort());
    for (const action of allowedActions) {
      expect(checkBackendCall(body(action), policy), action).toHaveProperty('paths');
    }
    expect(checkBackendCall(body('persistEntry'), policy)).toEqual({
      paths: ['content/news/vi/dang-ky.mdx', 'content/news/en/dang-ky.mdx', 'public/media/news/anh.png', 'public/files/quyet-dinh.pdf'],
    });
    expect(checkBackendCall(body('getMedia'), policy)).toEqual({ paths: ['public/media/uploads'] });
    expect(checkBackendCall(body('unpublishedEntry', { collection: 'settings', slug: 'site' }), policy)).toEqual({ paths: [] });
    expect(refusalOf(body('getEntry', { path: 'content/taxonomy.yml' }))).toBeUndefined();
    // Decap checks whether a new slug is taken without the language folder; reading there is harmless, writing is refused.
    expect(refusalOf(body('getEntry', { path: 'content/news/dang-ky.mdx' }))).toBeUndefined();
    expect(refusalOf(changed('persistEntry', (p) => (p.dataFiles[0].path = 'content/news/dang-ky.mdx')))?.status).toBe(403);
    expect(refusalOf(changed('unpublishedEntryDataFile', (p) => (p.path = 'content/news/dang-ky.mdx')))?.status).toBe(403);
  });

  it('refuses actions that are not on the list', () => {
    for (const action of ['deleteFile', 'getNotes', 'addNote', 'toString', '__proto__', 'constructor', 'persistentry', '']) {
      expect(refusalOf({ action, params: { branch: 'main' } })?.status, action).toBe(403);
    }
    expect(refusalOf({ action: 'deleteFile', params: { branch: 'main', path: 'public/media/a.png', options: { commitMessage: 'x' } } })?.en).toBe(
      `The local CMS server refused the request: the action “deleteFile” is not on the allowed list (${allowedActions.join(', ')}).`,
    );
    expect(refusalOf({ params: {} })?.status).toBe(422);
    expect(refusalOf('persistMedia')?.status).toBe(422);
    expect(refusalOf(null)?.status).toBe(422);
  });

  it('refuses a parameter the action does not have, and says which is missing', () => {
    expect(refusalOf(changed('getMediaFile', (p) => (p.extra = 1)))).toMatchObject({
      status: 403,
      en: 'The local CMS server refused the request: the parameter “params.extra” is not allowed with the action “getMediaFile”.',
    });
    expect(refusalOf(changed('persistEntry', (p) => (p.entry = entry('vi'))))?.en).toContain('“params.entry” is not allowed');
    expect(refusalOf(changed('persistEntry', (p) => (p.dataFiles[0].newPath = 'content/news/vi/khac.mdx')))?.en).toContain('“params.dataFiles[0].newPath” is not allowed');
    expect(refusalOf(changed('persistEntry', (p) => (p.cmsLabelPrefix = 'x')))?.en).toContain('“params.cmsLabelPrefix” is not allowed');
    expect(refusalOf({ action: 'info', params: { x: 1 } })?.en).toContain('“params” is not allowed with the action “info”');
    expect(refusalOf(changed('getMediaFile', (p) => delete p.path))).toMatchObject({
      status: 422,
      vi: 'Máy chủ biên tập cục bộ đã từ chối yêu cầu: thiếu tham số “params.path” (một đường dẫn) cho hành động “getMediaFile”.',
    });
    expect(refusalOf(changed('entriesByFolder', (p) => (p.depth = '2')))?.status).toBe(422);
  });

  it('works on the sandbox’s branch only', () => {
    for (const branch of ['cms/news/x', 'master', 'main\n', '--upload-pack=touch /tmp/x', '']) {
      expect(refusalOf(changed('persistMedia', (p) => (p.branch = branch))), branch).toMatchObject({ status: 403 });
    }
    expect(refusalOf({ ...body('getMedia'), branch: 'other' })?.en).toBe(
      'The local CMS server refused the request: “branch” = “other”: the local CMS server only works with the branch “main” of the editorial sandbox; drafts are the cms/… branches it makes itself.',
    );
  });

  it('refuses every way of writing outside the content and media folders', () => {
    const hostile = [
      '.git/config',
      'public/media/../../.git/config',
      'public/media/..%2f..%2f.git/config',
      'PUBLIC/MEDIA/../.Git/config',
      'content\\..\\.git\\hooks\\pre-commit',
      '.github/workflows/x.yml',
      'package.json',
      'content/news/vi/.hidden.mdx',
      '/etc/passwd',
      'C:\\x',
      'public/media/a\u0000.png',
      'public/media/%00.png',
      '\uFF0Egit/config',
      '.git./config',
      'public/media/uploads/../../../.git/hooks/pre-commit.png',
      'scripts/start.ts',
      'content/governance/roles.yml',
      'public/favicon.png',
      'Public/Media/a.png',
      'public/media/uploads/sub/a.png',
      'public/media/nul.png',
      'public/media/a.png::$DATA',
      'public/media/ảnh.png',
      `public/media/${'a'.repeat(500)}.png`,
      '',
    ];
    for (const path of hostile) {
      for (const action of ['persistMedia', 'getMediaFile', 'deleteFiles', 'persistEntry', 'getEntry', 'unpublishedEntryDataFile']) {
        const call = changed(action, (p) => {
          if (action === 'persistMedia') p.asset.path = path;
          else if (action === 'deleteFiles') p.paths = ['public/media/uploads/anh.png', path];
          else if (action === 'persistEntry') p.dataFiles[1].path = path;
          else p.path = path;
        });
        expect(refusalOf(call)?.status, `${action}: ${JSON.stringify(path)}`).toBe(403);
      }
    }
    expect(refusalOf(changed('getMedia', (p) => (p.mediaFolder = '.git')))?.status).toBe(403);
    expect(refusalOf(changed('getMedia', (p) => (p.mediaFolder = 'content/news')))?.status).toBe(403);
    expect(refusalOf(changed('entriesByFolder', (p) => (p.folder = '.git')))?.status).toBe(403);
    expect(refusalOf(changed('entriesByFolder', (p) => (p.folder = 'public/media')))?.status).toBe(403);
    expect(refusalOf(changed('entriesByFiles', (p) => (p.files = [{ path: '.git/config' }])))?.status).toBe(403);
    expect(refusalOf(changed('entriesByFiles', (p) => (p.files = [{ path: 'content/news/vi/dang-ky.mdx' }])))?.status).toBe(403);
  });

  it('says what was refused and where the CMS may write', () => {
    expect(refusalOf(changed('persistMedia', (p) => (p.asset.path = 'public/media/..%2f..%2f.git/config')))).toEqual({
      status: 403,
      vi: 'Máy chủ biên tập cục bộ đã từ chối yêu cầu: “params.asset.path” = “public/media/..%2f..%2f.git/config” trỏ vào tệp hoặc thư mục ẩn “.git” (tên bắt đầu bằng dấu chấm, như .git hay .github): hệ thống biên tập không bao giờ đọc hay ghi ở đó — ghi vào .git có thể chạy lệnh trên máy tính của bạn. Nếu không phải bạn vừa làm việc này, một trang web khác đã tìm cách ghi vào máy tính của bạn qua hệ thống biên tập: hãy đóng trang đó.',
      en: 'The local CMS server refused the request: “params.asset.path” = “public/media/..%2f..%2f.git/config” points into the hidden file or folder “.git” (a name starting with a dot, such as .git or .github): the CMS never reads or writes there — writing into .git can run commands on your computer. If this was not you, another web page tried to write to your computer through the CMS: close that page.',
    });
    expect(refusalOf(changed('persistEntry', (p) => (p.dataFiles[0].path = 'package.json')))?.en).toBe(
      'The local CMS server refused the request: “params.dataFiles[0].path” = “package.json” is outside the places the CMS uses for this parameter: content/<pages|news|documents|qa|spokespeople|units>/<vi|en>/<slug>.mdx, content/site.yml, content/taxonomy.yml.',
    );
    expect(refusalOf(changed('getMediaFile', (p) => (p.path = 'public/media/a\u0000.png')))?.en).toBe(
      'The local CMS server refused the request: “params.path” = “public/media/a\\u{0000}.png” contains a control character (such as NUL or a line break), which never appears in a path the CMS uses.',
    );
    expect(refusalOf(changed('getEntry', (p) => (p.path = 'content/news/vi/Dang_Ky.mdx')))?.en).toBe(
      'The local CMS server refused the request: the slug (file name) “Dang_Ky” in “params.path” is not valid: use only lower-case ASCII letters, digits and hyphens, for example dang-ky-bhxh-tu-nguyen. Change the entry\'s title and save again.',
    );
  });

  it('keeps one save to one entry: its files, its collection, its slug', () => {
    expect(refusalOf(changed('persistEntry', (p) => (p.dataFiles[1] = entry('en', 'khac'))))?.en).toContain('“params.dataFiles[1].slug” = “khac” differs');
    expect(refusalOf(changed('persistEntry', (p) => (p.dataFiles[1].path = 'content/pages/en/dang-ky.mdx')))?.en).toContain(
      '“params.dataFiles[1].path” = “content/pages/en/dang-ky.mdx” is not a file of the entry “news/dang-ky”',
    );
    expect(refusalOf(changed('persistEntry', (p) => (p.options.collectionName = 'pages')))?.en).toContain('is not a file of the entry “pages/dang-ky”');
    expect(refusalOf(changed('persistEntry', (p) => (p.options.collectionName = 'governance')))?.en).toContain('there is no collection “governance”');
    expect(refusalOf(changed('unpublishedEntryDataFile', (p) => (p.path = 'content/news/vi/khac.mdx')))?.status).toBe(403);
    expect(refusalOf(changed('publishUnpublishedEntry', (p) => (p.slug = '../../x')))?.status).toBe(403);
    expect(refusalOf(changed('publishUnpublishedEntry', (p) => (p.slug = 'a b')))?.status).toBe(403);
    expect(refusalOf(changed('publishUnpublishedEntry', (p) => (p.collection = 'settings')))?.en).toContain('“dang-ky” (params.slug) is not a file of the collection “settings”; its files are: site, taxonomy.');
    expect(refusalOf(changed('unpublishedEntry', (p) => (p.id = 'news/../../x')))?.status).toBe(403);
    expect(refusalOf(changed('unpublishedEntry', (p) => (p.id = 'nothing')))?.status).toBe(422);
    expect(refusalOf(changed('updateUnpublishedEntryStatus', (p) => (p.newStatus = 'published\n[core]')))?.status).toBe(403);
  });

  it('saves only through the editorial workflow', () => {
    expect(refusalOf(changed('persistEntry', (p) => (p.options.useWorkflow = false)))?.en).toBe(
      'The local CMS server refused the request: saving straight to the branch “main” (params.options.useWorkflow = false) is not allowed: every change goes through the editorial workflow (draft → in review → ready → publish).',
    );
  });

  it('takes uploads of the allowed kinds only, whose bytes are what the name says', () => {
    const upload = (path: string, content = png) => changed('persistMedia', (p) => (p.asset = { path, content, encoding: 'base64' }));
    // The content check's own judgement (src/lib/content/media-type.ts), before anything is written.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>';
    expect(refusalOf(upload('public/media/uploads/anh.svg', Buffer.from(svg).toString('base64')))?.en).toContain('“params.asset.content”: SVG image anh.svg: The event-handler attribute “onload” on <svg> (it runs JavaScript) is not allowed');
    expect(refusalOf(upload('public/media/uploads/logo.svg', Buffer.from(svg.replace(' onload="alert(1)"', '')).toString('base64')))).toBeUndefined();
    expect(refusalOf(upload('public/media/uploads/trang.html'))?.en).toContain('files of type .html');
    expect(refusalOf(upload('public/media/uploads/config'))?.en).toContain('has no extension');
    expect(refusalOf(upload('public/media/uploads/anh.png', Buffer.from('<html>').toString('base64')))?.en).toBe(
      'The local CMS server refused the request: “params.asset.content”: the file anh.png is an HTML page: it may not be put on the portal, because an HTML page runs code on the portal’s own address (it can steal editors’ sessions or fake pages). Put the text in an entry of the portal, or save it as a PDF file.',
    );
    expect(refusalOf(upload('public/media/uploads/anh.png', 'not base64!'))?.en).toContain('is not valid base64');
    expect(refusalOf(changed('persistMedia', (p) => (p.asset.encoding = 'utf8')))?.status).toBe(422);
    expect(refusalOf(changed('persistEntry', (p) => (p.assets[0].path = 'public/media/news/x.html')))?.status).toBe(403);
    expect(refusalOf(changed('persistEntry', (p) => (p.assets[0].path = 'content/news/vi/x.png')))?.status).toBe(403);
  });

  it('refuses control characters in commit messages', () => {
    expect(refusalOf(changed('persistMedia', (p) => (p.options.commitMessage = 'x\u0000y')))?.status).toBe(403);
    expect(refusalOf(changed('persistMedia', (p) => (p.options.commitMessage = 'Dòng 1\nDòng 2')))).toBeUndefined();
  });
});

describe('checkRequestHead: only the CMS page itself', () => {
  const own = (headers: Record<string, string> = {}, method = 'POST'): RequestHead => ({
    method,
    headers: { host: `localhost:${PORT}`, origin: `http://localhost:${PORT}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8', ...headers },
  });

  it('lets the CMS page through, on localhost or 127.0.0.1, with or without Origin and Sec-Fetch-Site', () => {
    expect(checkRequestHead(own(), PORT)).toBeUndefined();
    expect(checkRequestHead(own({ host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` }), PORT)).toBeUndefined();
    expect(checkRequestHead({ method: 'POST', headers: { host: `localhost:${PORT}`, 'content-type': 'application/json' } }, PORT)).toBeUndefined();
    expect(checkRequestHead(own({ 'content-type': 'Application/JSON; Charset="UTF-8"' }), PORT)).toBeUndefined();
  });

  it('refuses another host name (DNS rebinding), port or spelling', () => {
    for (const host of ['evil.example:4321', `localhost:${PORT + 1}`, 'localhost', '127.0.0.1', '[::1]:4321', 'LOCALHOST:4321', 'localhost.:4321', '127.1:4321', 'localhost:4321@evil.example', '']) {
      expect(checkRequestHead(own({ host, origin: `http://${host}` }), PORT)?.status, host).toBe(403);
    }
    expect(checkRequestHead({ method: 'POST', headers: { 'content-type': 'application/json' } }, PORT)?.status).toBe(403);
    expect(checkRequestHead(own({ host: 'evil.example:4321', origin: 'http://evil.example:4321' }), PORT)?.en).toBe(
      'The local CMS server refused the request: it was addressed to the host “evil.example:4321”, but the server only accepts requests addressed to localhost:4321 or 127.0.0.1:4321 (this stops DNS rebinding). Open the CMS at http://localhost:4321/admin/. If this was not you, another web page tried to write to your computer through the CMS: close that page.',
    );
  });

  it('refuses other origins, cross-site fetches, preflights, other methods and bodies', () => {
    for (const origin of ['https://evil.example', 'http://localhost:9999', `http://127.0.0.1:${PORT}`, `https://localhost:${PORT}`, 'null', `http://localhost:${PORT}/`]) {
      expect(checkRequestHead(own({ origin }), PORT)?.status, origin).toBe(403);
    }
    for (const site of ['cross-site', 'same-site', 'none']) expect(checkRequestHead(own({ 'sec-fetch-site': site }), PORT)?.status, site).toBe(403);
    expect(checkRequestHead(own({}, 'OPTIONS'), PORT)?.status).toBe(403);
    expect(checkRequestHead(own({}, 'GET'), PORT)?.status).toBe(405);
    expect(checkRequestHead(own({}, 'PUT'), PORT)?.status).toBe(405);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonx', '']) {
      expect(checkRequestHead(own({ 'content-type': type }), PORT)?.status, type).toBe(403);
    }
    expect(checkRequestHead({ method: 'POST', headers: { host: `localhost:${PORT}` } }, PORT)?.status).toBe(403);
  });
});

describe('the answers', () => {
  it('carry the message as Decap shows it and in each language', () => {
    const r = tooLargeRefusal(40 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(refusalBody(r)).toEqual({ error: `${r.vi} / ${r.en}`, vi: r.vi, en: r.en });
    expect(r.en).toBe(
      'The local CMS server refused the request: the request weighs 40 MB, more than the limit of 34.4 MB: the files uploaded with one entry may weigh at most 25 MB together (they travel base64-encoded, one third larger). Make the files smaller (compress PDFs, scale images down) and save again.',
    );
    expect(r.vi).toBe(r.vi.normalize('NFC'));
    // Just over the limit, the size would read as the limit itself: then it is not said.
    expect(tooLargeRefusal(undefined).en).toContain('the request is larger than the limit of 34.4 MB:');
    expect(tooLargeRefusal(36_001_113).en).toBe(tooLargeRefusal(undefined).en);
  });
});

describe('uploads into the wrong kind of field (issue 11)', () => {
  it('refuses a PDF saved from an image field, naming both the file and what the field takes', () => {
    const call = changed('persistEntry', (p) => {
      p.assets = [{ path: 'public/media/news/quyet-dinh.pdf', content: pdf, encoding: 'base64' }];
    });
    const refused = refusalOf(call);
    expect(refused?.status).toBe(403);
    expect(refused?.vi).toContain('ô ảnh chỉ nhận ảnh (.png, .jpg, .jpeg, .gif, .webp, .avif, .svg): “quyet-dinh.pdf” là tài liệu.');
    expect(refused?.en).toContain('an image field takes only images');
    expect(refusalOf(changed('persistMedia', (p) => (p.asset.path = 'public/files/anh.png')))?.en).toContain('an attachment field takes only documents');
  });
});

describe('forDecapServer: the call as decap-server takes it', () => {
  const read = (id: string) => ({
    action: 'unpublishedEntryDataFile',
    params: { branch: 'main', collection: 'news', slug: 'bai-moi', path: 'content/news/vi/bai-moi.mdx', id },
  });

  it('gives the unchanged language file of an i18n draft (id “”) its path as id', () => {
    expect(forDecapServer(read(''))).toEqual(read('content/news/vi/bai-moi.mdx'));
  });

  it('leaves every other call as it is', () => {
    const other = read('abc');
    expect(forDecapServer(other)).toBe(other);
    const status = { action: 'unpublishedEntry', params: { branch: 'main', id: '' } };
    expect(forDecapServer(status)).toBe(status);
  });
});

describe('draftBranchOf: the draft a workflow call changes', () => {
  it('names cms/<collection>/<slug> for status, publish and discard', () => {
    for (const action of ['updateUnpublishedEntryStatus', 'publishUnpublishedEntry', 'deleteUnpublishedEntry']) {
      expect(draftBranchOf({ action, params: { branch: 'main', collection: 'news', slug: 'bai-moi' } })).toEqual({ branch: 'cms/news/bai-moi', collection: 'news', slug: 'bai-moi' });
    }
    expect(draftBranchOf({ action: 'persistEntry', params: {} })).toBeUndefined();
  });

  it('says in both languages that there is no such draft', () => {
    const r = noDraftRefusal('news', 'bai-moi');
    expect(r.status).toBe(404);
    expect(r.vi).toContain('không có bản nháp nào của mục “news/bai-moi”');
    expect(r.en).toContain('there is no draft of the entry “news/bai-moi”');
  });
});
