import { PendingTasks, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { urlWithParams, type ApiBackend, type ApiRequest } from './api-request';
import { HttpError } from './http-error';

/**
 * The app's `ApiBackend` (the default of `API_BACKEND`): one `fetch` per subscription, same-origin
 * credentials (the session cookie), a JSON body, the answer parsed as JSON. Unsubscribing aborts
 * it. Each request is one of Angular's `PendingTasks` until it settles, so the application is not
 * "stable" (`whenStable()`) while a request is on its way. Call in an injection context.
 */
export function fetchBackend(): ApiBackend {
  const pendingTasks = inject(PendingTasks);
  return (request) =>
    new Observable((subscriber) => {
      const controller = new AbortController();
      const done = pendingTasks.add();
      // Emit first, then end the task: whatever the answer starts (a 403's session reload) runs
      // before the application may count as stable.
      void send(request, controller.signal)
        .then(
          (body) => {
            subscriber.next(body);
            subscriber.complete();
          },
          (error: unknown) => subscriber.error(error),
        )
        .finally(done);
      return () => {
        controller.abort(); // nothing to abort once settled
        done();
      };
    });
}

async function send(request: ApiRequest, signal: AbortSignal): Promise<unknown> {
  const url = urlWithParams(request);
  const headers = new Headers(request.headers);
  if (!headers.has('Accept')) {
    headers.set('Accept', 'application/json, text/plain, */*');
  }
  let body: string | undefined;
  if (request.body !== null) {
    body = JSON.stringify(request.body);
    if (!headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
    }
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: request.method, headers, body, credentials: 'same-origin', signal });
    text = await response.text();
  } catch (cause) {
    throw new HttpError({ status: 0, url, cause }); // offline, refused, reset, or aborted
  }
  const failure = (answer: unknown) =>
    new HttpError({ status: response.status, statusText: response.statusText, body: answer, headers: response.headers, url });
  let parsed: unknown = null;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      // An error page that is not JSON keeps its text; a success that is not JSON is a failure.
      throw failure(response.ok ? { text } : text);
    }
  }
  if (!response.ok) {
    throw failure(parsed);
  }
  return parsed;
}
