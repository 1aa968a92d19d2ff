import { DomainError } from './domain-error.js';

/** 404 for a missing record, and for one the actor may not see (ids cannot be probed). */
export function notFound(entity: string, id: string | number): DomainError {
  return new DomainError('RESOURCE.NOT_FOUND', { entity, id: String(id) });
}
