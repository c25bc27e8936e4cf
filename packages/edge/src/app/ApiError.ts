/** An error the API returns on purpose: status, stable code, message and (when it applies) the field. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 413 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
