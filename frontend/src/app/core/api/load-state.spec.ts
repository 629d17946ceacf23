import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';

import { HttpError } from './http-error';
import { loadFor, type Loaded } from './load-state';

/** A request whose answer the test gives, one per call, in any order. */
function controlledRequests<T>() {
  const calls: { param: string; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const request = (param: string) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ param, resolve, reject });
    });
  return { calls, request };
}

const settle = async (): Promise<void> => {
  TestBed.tick();
  await Promise.resolve();
  await Promise.resolve();
};

describe('loadFor', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({});
  });

  function start(param = signal('a')) {
    const { calls, request } = controlledRequests<string>();
    const loaded: Loaded<string> = TestBed.runInInjectionContext(() => loadFor(() => param(), request, 'setup.notFound'));
    return { param, calls, loaded };
  }

  it('loads for the parameter, and again when it changes; an older answer arriving last is dropped', async () => {
    const { param, calls, loaded } = start();
    await settle();
    expect(loaded.state()).toEqual({ kind: 'loading' });
    expect(calls.map((c) => c.param)).toEqual(['a']);

    param.set('b');
    await settle();
    expect(calls.map((c) => c.param)).toEqual(['a', 'b']);
    calls[1]!.resolve('answer for b');
    await settle();
    calls[0]!.resolve('answer for a');
    await settle();
    expect(loaded.state()).toEqual({ kind: 'ready', value: 'answer for b' });
  });

  it('says "not found" for a 404, and loads again on reload', async () => {
    const { calls, loaded } = start();
    await settle();
    calls[0]!.reject(new HttpError({ status: 404, body: { statusCode: 404, code: 'not_found', message: 'No.' } }));
    await settle();
    expect(loaded.state()).toEqual({ kind: 'error', message: { key: 'setup.notFound' } });

    const reloading = loaded.reload();
    expect(loaded.state()).toEqual({ kind: 'loading' });
    calls[1]!.resolve('there');
    await reloading;
    expect(loaded.state()).toEqual({ kind: 'ready', value: 'there' });
  });

  it('refreshes in place: the value shown stays while loading and when the refresh fails', async () => {
    const { calls, loaded } = start();
    await settle();
    calls[0]!.resolve('first');
    await settle();

    const refreshing = loaded.refresh();
    expect(loaded.state()).toEqual({ kind: 'ready', value: 'first' });
    calls[1]!.reject(new Error('network'));
    expect(await refreshing).toBe(false);
    expect(loaded.state()).toEqual({ kind: 'ready', value: 'first' });

    const again = loaded.refresh();
    calls[2]!.resolve('second');
    expect(await again).toBe(true);
    expect(loaded.state()).toEqual({ kind: 'ready', value: 'second' });
  });

  it('a refresh overtaken by a newer load does not replace it', async () => {
    const { calls, loaded } = start();
    await settle();
    calls[0]!.resolve('first');
    await settle();
    const refreshing = loaded.refresh();
    const reloading = loaded.reload();
    calls[2]!.resolve('newest');
    await reloading;
    calls[1]!.resolve('older');
    expect(await refreshing).toBe(false);
    expect(loaded.state()).toEqual({ kind: 'ready', value: 'newest' });
  });
});
