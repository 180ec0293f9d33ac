/**
 * How the CMS shows the local backend's refusals. Decap's proxy client
 * (decap-cms-backend-proxy) rejects a refused call with an `APIError`, whose
 * `name` is "API_ERROR", and Decap's notices put the error into their phrase
 * (“Chưa lưu được mục: %{details}”) with `String()`, which prints
 * “API_ERROR: <message>”. The server's answer already says, in the
 * interface's language, what was refused and how to fix it
 * (local-backend-guard.ts, publication-gate/messages.ts): the error is kept as
 * it is (Decap reads its name and status) and only prints as its message.
 */

/** The `name` of decap-cms-lib-util's APIError. */
export const API_ERROR = 'API_ERROR';

/** `error`, printing as its message when it is a backend's APIError; anything else is left as it is. */
export function printedPlainly<T>(error: T): T {
  if (error instanceof Error && error.name === API_ERROR) {
    Object.defineProperty(error, 'toString', { value: () => error.message, configurable: true, writable: true });
  }
  return error;
}

/** The proxy backend's one way to the server (`request`, which every action calls through `this`). */
export interface RequestingBackend {
  request(payload: unknown): Promise<unknown>;
}

/**
 * `backend`, whose requests fail with errors that print as their message;
 * `refused` hears of each failure (with the request's payload) before Decap does.
 */
export function withPlainErrors<B extends RequestingBackend>(backend: B, refused?: (payload: unknown, error: unknown) => void): B {
  const request = backend.request.bind(backend);
  backend.request = (payload: unknown) =>
    request(payload).catch((error: unknown) => {
      const plain = printedPlainly(error);
      refused?.(payload, plain);
      throw plain;
    });
  return backend;
}
