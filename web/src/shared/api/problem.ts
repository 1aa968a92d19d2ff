/**
 * The API's RFC 9457 problem document (README "Errors"): `detail` is already in the language
 * the request asked for (Accept-Language); `errors[]` names each invalid field and its rule.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail: string;
  requestId?: string;
  errors: FieldProblem[];
}

/** Thrown by `call()` for every non-2xx answer and for a network failure (status 0). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Reads a problem body defensively: a proxy's HTML error page still becomes a Problem. */
export function toProblem(status: number, body: unknown): Problem {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Partial<Problem>;
  return {
    type: b.type,
    title: b.title,
    status: typeof b.status === 'number' ? b.status : status,
    code: typeof b.code === 'string' ? b.code : `HTTP.${status}`,
    detail: typeof b.detail === 'string' ? b.detail : typeof b.title === 'string' ? b.title : '',
    requestId: b.requestId,
    errors: Array.isArray(b.errors) ? b.errors.filter((e): e is FieldProblem => typeof e?.field === 'string') : [],
  };
}

/** A paged list (`?page=&pageSize=`, at most 200 a page). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
