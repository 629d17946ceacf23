import { ApiConflictResponse, type SchemaObject } from '@nestjs/swagger';

/**
 * A 409 whose body adds fields to the one error body (DomainError's `extra`), documented on the
 * operation so that clients — and the fuzz test, which refuses undocumented members — know them.
 */
export function ApiConflictWith(description: string, properties: Record<string, SchemaObject>) {
  return ApiConflictResponse({
    description,
    schema: { allOf: [{ $ref: '#/components/schemas/ErrorBody' }, { type: 'object', properties }] },
  });
}

/** What a refused status move adds (demands/demand-transition.ts): where it stands and where it may go. */
export const STATUS_CONFLICT_FIELDS: Record<string, SchemaObject> = {
  current: { type: 'string', description: 'The status as it is now' },
  allowed: { type: 'array', items: { type: 'string' }, description: 'The statuses it may move to from there' },
};
