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

/** Who hears of the backend's answers before Decap does, with the request's payload. */
export interface BackendListeners {
  answered?: (payload: unknown, answer: unknown) => void;
  refused?: (payload: unknown, error: unknown) => void;
}

/**
 * `backend`, whose requests fail with errors that print as their message;
 * `listeners` hear of each answer and each failure before Decap does.
 */
export function withPlainErrors<B extends RequestingBackend>(backend: B, listeners: BackendListeners = {}): B {
  const request = backend.request.bind(backend);
  backend.request = (payload: unknown) =>
    request(payload).then(
      (answer) => {
        listeners.answered?.(payload, answer);
        return answer;
      },
      (error: unknown) => {
        const plain = printedPlainly(error);
        listeners.refused?.(payload, plain);
        throw plain;
      },
    );
  return backend;
}
