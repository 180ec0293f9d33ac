import { describe, expect, it } from 'vitest';
import { API_ERROR, printedPlainly, withPlainErrors } from './backend-error.ts';

/** decap-cms-lib-util's APIError, as the proxy client throws it. */
class APIError extends Error {
  status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = API_ERROR;
    this.status = status;
  }
}

describe('printedPlainly', () => {
  it('prints a backend error as its message, keeping its name, status and class', () => {
    const error = printedPlainly(new APIError('Chưa lưu được: (1) …', 422));
    expect(String(error)).toBe('Chưa lưu được: (1) …');
    // How Decap's notice puts it into its phrase (polyglot's interpolation).
    expect('Chưa lưu được mục: %{details}'.replace('%{details}', () => error as unknown as string)).toBe('Chưa lưu được mục: Chưa lưu được: (1) …');
    expect(error.name).toBe(API_ERROR);
    expect(error.status).toBe(422);
    expect(error).toBeInstanceOf(APIError);
  });
  it('leaves every other error as it is', () => {
    expect(String(printedPlainly(new TypeError('Failed to fetch')))).toBe('TypeError: Failed to fetch');
    expect(printedPlainly('text')).toBe('text');
  });
});

describe('withPlainErrors', () => {
  it('makes the refusals of a backend’s requests print plainly, and passes answers through', async () => {
    const backend = {
      refuse: false,
      async request(payload: unknown) {
        if (this.refuse) throw new APIError('The local CMS server refused the request: …', 403);
        return { echoed: payload };
      },
      persist() {
        return this.request({ action: 'persistEntry' });
      },
    };
    const heard: [string, unknown, unknown][] = [];
    withPlainErrors(backend, {
      answered: (payload, answer) => heard.push(['answered', payload, answer]),
      refused: (payload, error) => heard.push(['refused', payload, error]),
    });
    expect(await backend.persist()).toEqual({ echoed: { action: 'persistEntry' } });
    expect(heard).toEqual([['answered', { action: 'persistEntry' }, { echoed: { action: 'persistEntry' } }]]);
    backend.refuse = true;
    const error = await backend.persist().catch((e: unknown) => e);
    expect(String(error)).toBe('The local CMS server refused the request: …');
    expect(heard.at(-1)).toEqual(['refused', { action: 'persistEntry' }, error]);
    expect(heard).toHaveLength(2);
  });
});
