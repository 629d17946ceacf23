import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InvalidIdError } from './domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `@Param('id', ParseIdPipe)`: a malformed id is a 400 naming the parameter, never a 500. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw new InvalidIdError(metadata.data ?? 'id');
    return value.toLowerCase();
  }
}
