import { firstValueFrom, type Observable } from 'rxjs';

/** Every page of a cursor-paged list (the API pages by 200 at most). */
export async function allPages<T>(
  fetch: (cursor: string | undefined) => Observable<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await firstValueFrom(fetch(cursor));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
