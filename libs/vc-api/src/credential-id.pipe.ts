import { PipeTransform } from '@nestjs/common';
import { badInput } from '@magix/common';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CREDENTIAL_ID = new RegExp(`^(?:urn:uuid:)?(${UUID})$`, 'i');

/**
 * A credential's id in a path: the `urn:uuid:…` id the credential itself carries (URL-encoded or
 * not), or its row's UUID, so a client can fetch a credential by the id it holds. Anything else
 * is refused before a query is made.
 */
export class CredentialIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const match = CREDENTIAL_ID.exec(value ?? '');
    if (!match) throw badInput('id', 'id must be a UUID or the credential’s urn:uuid: id');
    return value.length > match[1].length ? `urn:uuid:${match[1]}` : match[1];
  }
}
