/**
 * The refusals of the workflow services, each with the HTTP status the edge answers with. In a
 * module of their own so that services the workflow uses (uploads) can throw them too.
 */
import { DomainError } from '../domain/errors.ts';

export class WorkflowError extends DomainError {
  readonly status: number;
  constructor(code: string, message: string, status: number, info: Record<string, unknown> = {}) {
    super(code, message, info);
    this.status = status;
  }
}

/** Someone else saved the record since it was loaded: nothing was overwritten. */
export class ConflictError extends WorkflowError {
  readonly changes: readonly string[];
  constructor(message: string, changes: readonly string[]) {
    super('conflict', message, 409, { changes });
    this.changes = changes;
  }
}
